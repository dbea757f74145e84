import { Problem } from '@carezone/contract';
import type { Context, MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { type VerifiedStaffToken, verifyStaffToken } from '../staff/tokens.js';
import type { Database } from '../storage/database.js';
import { ProblemError } from './problem.js';
import type { ResponseSpec } from './route-spec.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `requireStaffToken` on the staff routes. */
    staff: VerifiedStaffToken;
  }
}

const BEARER = /^Bearer +(\S+)$/i;

function unauthorized(detail: string, challenge: string): ProblemError {
  return new ProblemError(401, 'UNAUTHORIZED', detail, {}, { 'www-authenticate': challenge });
}

/**
 * Staff routes need `Authorization: Bearer <token>`; anything else is 401 with a `WWW-Authenticate`
 * challenge (RFC 6750). Unknown and revoked tokens get the same answer. The token is never logged.
 */
export function requireStaffToken(db: Kysely<Database>): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined || header.trim() === '') {
      throw unauthorized('a staff bearer token is required', 'Bearer realm="carezone"');
    }
    const token = BEARER.exec(header.trim())?.[1];
    if (token === undefined) {
      throw unauthorized(
        'the Authorization header must be "Bearer <token>"',
        'Bearer realm="carezone", error="invalid_request"',
      );
    }
    const staff = await verifyStaffToken(db, token);
    if (!staff) {
      throw unauthorized('the token is unknown or revoked', 'Bearer realm="carezone", error="invalid_token"');
    }
    c.set('staff', staff);
    await next();
  };
}

/** The 401 of `requireStaffToken`, as every staff route documents it. */
export const UNAUTHORIZED_RESPONSE: ResponseSpec = {
  description:
    '`UNAUTHORIZED`: no token, a malformed `Authorization` header, or an unknown or revoked token.',
  schema: Problem,
};

/**
 * The 404 of a staff route that reads or changes one `thing` by its id. A zone token is told the
 * same of another zone's as of one that does not exist: it must not learn that it exists.
 */
export function staffNotFoundResponse(thing: string): ResponseSpec {
  return {
    description: `\`NOT_FOUND\`: no such ${thing}, or one of a zone the token may not see.`,
    schema: Problem,
  };
}

/** The verified token of a staff route's request. */
export function staffOf(c: Context): VerifiedStaffToken {
  return c.get('staff');
}
