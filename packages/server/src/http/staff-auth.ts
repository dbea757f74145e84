import { Problem } from '@carezone/contract';
import type { Context, MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { verifyStaffSession } from '../staff/sessions.js';
import { type VerifiedStaffToken, verifyStaffToken } from '../staff/tokens.js';
import type { Database } from '../storage/database.js';
import { ProblemError } from './problem.js';
import type { ResponseSpec } from './route-spec.js';
import {
  checkCookieRequest,
  clearedSessionCookie,
  sessionCookie,
  sessionIdOf,
} from './staff-session-cookie.js';

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
 * Staff routes need `Authorization: Bearer <token>` or the staff inbox's session cookie (see
 * staff-session-cookie.ts); anything else is 401 with a `WWW-Authenticate` challenge (RFC 6750;
 * browsers prompt for none with Bearer). Unknown and revoked tokens get the same answer. A bearer
 * token wins over a cookie and needs nothing more; with the cookie alone, a change (POST, PATCH,
 * DELETE) must come from the server's own origin with the session's CSRF token (else 403), and an
 * ended, expired or revoked session is a 401 that also clears the cookie. Neither the token nor the
 * session id is ever logged.
 */
export function requireStaffToken(db: Kysely<Database>): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined || header.trim() === '') {
      const sessionId = sessionIdOf(c);
      if (sessionId === undefined) {
        throw unauthorized(
          'a staff bearer token or a sign-in session is required',
          'Bearer realm="carezone"',
        );
      }
      const session = await verifyStaffSession(db, sessionId);
      if (!session) {
        throw new ProblemError(
          401,
          'UNAUTHORIZED',
          'the session has ended (signed out, expired, or its token revoked); sign in again',
          {},
          { 'www-authenticate': 'Bearer realm="carezone"', 'set-cookie': clearedSessionCookie(c) },
        );
      }
      checkCookieRequest(c, session);
      c.set('staff', { id: session.token.id, zone: session.token.zone });
      if (session.renewed) {
        c.header('set-cookie', sessionCookie(c, sessionId, session.expiresAt), { append: true });
      }
      await next();
      return;
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
    '`UNAUTHORIZED`: no token, a malformed `Authorization` header, an unknown or revoked token, or a ' +
    'sign-in session that has ended (signed out, expired, or its token revoked).',
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
