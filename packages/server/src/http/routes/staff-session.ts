import { CSRF_HEADER, Problem, StaffSession, StaffSignIn } from '@carezone/contract';
import type { Context } from 'hono';
import type { Logger } from '../../logger.js';
import {
  endStaffSession,
  purgeStaffSessions,
  type StaffSessionState,
  signInWithStaffToken,
  verifyStaffSession,
} from '../../staff/sessions.js';
import type { Storage } from '../../storage/storage.js';
import { NO_STORE } from '../caching.js';
import { clientAddress, rateLimitKey } from '../client-address.js';
import { jsonBodyLimit, jsonBodyResponses, readJsonBody, requireJsonContentType } from '../json-body.js';
import { ProblemError } from '../problem.js';
import { DEFAULT_RATE_LIMITS, type RateLimits, rateLimiter } from '../rate-limits.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';
import {
  checkCookieRequest,
  checkOwnOrigin,
  clearedSessionCookie,
  sessionCookie,
  sessionIdOf,
} from '../staff-session-cookie.js';

export interface StaffSessionDependencies {
  storage: Storage;
  logger: Logger;
  rateLimits: RateLimits;
  trustedProxies: number;
}

/** A sign-in body is a token of a few dozen characters. */
const MAX_SIGN_IN_BYTES = 1024;
/** Old sessions are deleted by a sign-in at most this often per process. */
const PURGE_EVERY_MS = 10 * 60_000;
const EXAMPLE_TOKEN = 'cz_your_staff_token_from_carezone_token_create_';

function toContract(session: StaffSessionState): StaffSession {
  return {
    zone: session.token.zone,
    label: session.token.label,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  };
}

/** 401 for a request without a live session; it also clears a cookie left behind. */
function signedOut(c: Context): ProblemError {
  return new ProblemError(
    401,
    'UNAUTHORIZED',
    'no sign-in session, or it has ended (signed out, expired, or its token revoked); sign in again',
    {},
    { 'www-authenticate': 'Bearer realm="carezone"', 'set-cookie': clearedSessionCookie(c) },
  );
}

const SIGNED_OUT_RESPONSE = {
  description:
    '`UNAUTHORIZED`: no session cookie, or the session has ended (signed out, expired, or its token revoked). ' +
    'The answer clears the cookie.',
  schema: Problem,
};

const FOREIGN_PAGE_RESPONSE = {
  description:
    '`FORBIDDEN`: sent from a page of another origin (another port of the same host included), with a ' +
    `\`Sec-Fetch-Site\` other than \`same-origin\`, or without the session's \`${CSRF_HEADER}\`.`,
  schema: Problem,
};

/**
 * Signing in to the staff inbox with a staff token, reading the session, signing out. The session
 * travels in a cookie (see staff-session-cookie.ts); the staff routes accept it as well as a bearer
 * token (see staff-auth.ts).
 */
export function staffSessionRoutes(deps: StaffSessionDependencies): RouteSpec[] {
  const { storage, logger } = deps;
  const db = storage.db;
  const limitSignIn = rateLimiter(deps.rateLimits.signIn, DEFAULT_RATE_LIMITS.signIn, {
    name: 'sign-in',
    subject: 'sign-in attempts',
    what: 'from this address',
    store: { postgresPool: storage.postgresPool, logger },
  });
  let purgedAt = Number.NEGATIVE_INFINITY;
  const purgeNowAndThen = () => {
    if (Date.now() - purgedAt < PURGE_EVERY_MS) return;
    purgedAt = Date.now();
    // Not awaited: a failure only leaves the rows for the next purge.
    purgeStaffSessions(db).catch((error: unknown) =>
      logger.warn({ error: (error as Error).message }, 'purging old staff sessions failed'),
    );
  };

  return [
    defineRoute({
      method: 'post',
      path: '/v1/staff/session',
      operationId: 'signIn',
      tag: 'Staff',
      summary: 'Sign in to the staff inbox with a staff token',
      description:
        'Exchanges a staff token (`carezone token create`) for a session cookie: `carezone-session`, or ' +
        '`__Host-carezone-session` with `Secure` when the public URL is https; `HttpOnly`, ' +
        '`SameSite=Strict`, `Path=/`. A session ends after 8 hours unused (it is renewed while in use), ' +
        '7 days after sign-in at the latest, on sign-out, and as soon as its token is revoked. Keep the ' +
        `answer's \`csrfToken\`: every POST, PATCH and DELETE made with the cookie sends it in \`${CSRF_HEADER}\` ` +
        'and must come from a page of this server itself. Limited per client address.',
      body: { description: 'The staff token.', schema: StaffSignIn },
      responses: {
        200: { description: 'Signed in; the answer sets the cookie.', schema: StaffSession },
        400: { description: '`VALIDATION_FAILED`: the body is not JSON.', schema: Problem },
        401: { description: '`UNAUTHORIZED`: the token is unknown or revoked.', schema: Problem },
        403: {
          description:
            '`FORBIDDEN`: sent from a page of another origin (another port of the same host included).',
          schema: Problem,
        },
        ...jsonBodyResponses(MAX_SIGN_IN_BYTES),
        422: { description: '`VALIDATION_FAILED`: no token in the body.', schema: Problem },
        429: {
          description:
            '`RATE_LIMITED`: too many sign-in attempts from this address; wait `Retry-After` seconds.',
          schema: Problem,
        },
      },
      examples: [{ method: 'post', path: '/v1/staff/session', body: { token: EXAMPLE_TOKEN } }],
      middleware: [
        async (c, next) => {
          await limitSignIn(rateLimitKey(clientAddress(c, deps.trustedProxies)));
          await next();
        },
        requireJsonContentType(),
        jsonBodyLimit(MAX_SIGN_IN_BYTES),
      ],
      handler: async (c) => {
        // A script or the CLI sends no Origin; a browser must be on a page of this server.
        checkOwnOrigin(c, { requireOrigin: false });
        const { token } = await readJsonBody(c, StaffSignIn);
        const signedIn = await signInWithStaffToken(db, token);
        if (!signedIn) {
          throw new ProblemError(
            401,
            'UNAUTHORIZED',
            'the token is unknown or revoked',
            {},
            {
              'www-authenticate': 'Bearer realm="carezone", error="invalid_token"',
            },
          );
        }
        purgeNowAndThen();
        c.header('set-cookie', sessionCookie(c, signedIn.sessionId, signedIn.session.expiresAt));
        return c.json(toContract(signedIn.session), 200, { 'cache-control': NO_STORE });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/staff/session',
      operationId: 'getStaffSession',
      tag: 'Staff',
      summary: 'The current sign-in session',
      description:
        'Who is signed in (the zone and label of the token), the CSRF token to send on changes, and when ' +
        'the session ends. Renews the session and its cookie.',
      security: 'session',
      responses: {
        200: { description: 'The session; the answer renews the cookie.', schema: StaffSession },
        401: SIGNED_OUT_RESPONSE,
      },
      examples: ['/v1/staff/session'],
      handler: async (c) => {
        const sessionId = sessionIdOf(c);
        const session = sessionId && (await verifyStaffSession(db, sessionId, { renewAfterMs: 0 }));
        if (!sessionId || !session) throw signedOut(c);
        c.header('set-cookie', sessionCookie(c, sessionId, session.expiresAt));
        return c.json(toContract(session), 200, { 'cache-control': NO_STORE });
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/staff/session',
      operationId: 'signOut',
      tag: 'Staff',
      summary: 'Sign out',
      description: `Ends the session and clears its cookie. Needs the session's \`${CSRF_HEADER}\`, from a page of this server.`,
      security: 'session',
      responses: {
        204: { description: 'Signed out; the answer clears the cookie.' },
        401: SIGNED_OUT_RESPONSE,
        403: FOREIGN_PAGE_RESPONSE,
      },
      examples: [
        { method: 'delete', path: '/v1/staff/session', headers: { [CSRF_HEADER]: 'the-csrf-token' } },
      ],
      handler: async (c) => {
        const sessionId = sessionIdOf(c);
        const session = sessionId && (await verifyStaffSession(db, sessionId));
        if (!sessionId || !session) throw signedOut(c);
        checkCookieRequest(c, session);
        await endStaffSession(db, sessionId);
        return c.body(null, 204, { 'cache-control': NO_STORE, 'set-cookie': clearedSessionCookie(c) });
      },
    }),
  ];
}
