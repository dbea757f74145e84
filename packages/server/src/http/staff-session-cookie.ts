import { CSRF_HEADER } from '@carezone/contract';
import type { Context, MiddlewareHandler } from 'hono';
import { generateCookie, getCookie } from 'hono/cookie';
import { csrfTokenMatches, type StaffSessionState } from '../staff/sessions.js';
import { ProblemError } from './problem.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `staffSessionContext` on every API request: what the session cookie depends on. */
    staffSessionOrigin: StaffSessionOrigin;
  }
}

/**
 * The staff inbox's session cookie and the checks that keep other pages from using it. The cookie is
 * `HttpOnly` and `SameSite=Strict`, with `Secure` and the `__Host-` prefix (no `Domain`, `Path=/`)
 * whenever the public URL is https. `SameSite` stops other *sites* only: a page on another port of
 * the same host is the same site and its requests carry the cookie. So a state-changing request made
 * with the cookie must also come from the server's own origin (`Origin`, exactly), say so in
 * `Sec-Fetch-Site` when the browser sends it, and carry the session's CSRF token, which only a page
 * that read `GET /v1/staff/session` (same origin, cookie) can know.
 */

const COOKIE_NAME = 'carezone-session';
const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface StaffSessionOrigin {
  /** The public origin (`CAREZONE_PUBLIC_URL`) when set. */
  publicOrigin: string | undefined;
}

/** Hands every API request the public origin, for `requireStaffToken` and the session routes. */
export function staffSessionContext(publicOrigin: string | undefined): MiddlewareHandler {
  const settings: StaffSessionOrigin = { publicOrigin };
  return async (c, next) => {
    c.set('staffSessionOrigin', settings);
    await next();
  };
}

function publicOriginOf(c: Context): string | undefined {
  return c.get('staffSessionOrigin')?.publicOrigin;
}

function secure(c: Context): boolean {
  return publicOriginOf(c)?.startsWith('https:') ?? false;
}

/** `__Host-carezone-session` when the public URL is https, else `carezone-session`. */
export function sessionCookieName(c: Context): string {
  return secure(c) ? `__Host-${COOKIE_NAME}` : COOKIE_NAME;
}

/** The session id the request's cookie carries; `undefined` when none (or an empty one). */
export function sessionIdOf(c: Context): string | undefined {
  const value = getCookie(c, sessionCookieName(c));
  return value === undefined || value === '' ? undefined : value;
}

/** The `Set-Cookie` value of a session: lives until `expiresAt`. */
export function sessionCookie(c: Context, sessionId: string, expiresAt: string, now = Date.now()): string {
  const maxAge = Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000));
  return generateCookie(COOKIE_NAME, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    maxAge,
    ...(secure(c) ? { prefix: 'host' as const } : {}),
  });
}

/** The `Set-Cookie` value that removes the session cookie. */
export function clearedSessionCookie(c: Context): string {
  return sessionCookie(c, '', new Date(0).toISOString());
}

/** The server's own origin: the public URL's when set, else the one the request was sent to. */
export function ownOrigin(c: Context): string {
  return publicOriginOf(c) ?? new URL(c.req.url).origin;
}

function refused(detail: string): ProblemError {
  return new ProblemError(403, 'FORBIDDEN', detail);
}

/**
 * Refuses (403) a request a browser sent from a page of another origin: its `Origin` must be the
 * server's own, exactly (scheme, host and port), and `Sec-Fetch-Site`, when sent, `same-origin`.
 * `requireOrigin: false` lets a request without `Origin` pass (a script or the CLI signing in).
 */
export function checkOwnOrigin(c: Context, { requireOrigin }: { requireOrigin: boolean }): void {
  const origin = c.req.header('origin');
  if (origin === undefined ? requireOrigin : origin !== ownOrigin(c)) {
    throw refused('a request made with the session cookie must come from a page of this server itself');
  }
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') {
    throw refused(`a request made with the session cookie must come from this server's pages (${site})`);
  }
}

/**
 * What a request made with the session cookie must show: none for a read; for a change, the own
 * origin and the session's CSRF token in `X-CSRF-Token`.
 */
export function checkCookieRequest(c: Context, session: StaffSessionState): void {
  if (READ_METHODS.has(c.req.method)) return;
  checkOwnOrigin(c, { requireOrigin: true });
  if (!csrfTokenMatches(session, c.req.header(CSRF_HEADER))) {
    throw refused(`a change made with the session cookie needs the session's ${CSRF_HEADER} header`);
  }
}
