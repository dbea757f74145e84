import type { Context, MiddlewareHandler } from 'hono';
import type { AllowedOrigins } from './allowed-origins.js';
import { ProblemError } from './problem.js';

const READ_METHODS = new Set(['GET', 'HEAD']);
const PREFLIGHT_MAX_AGE = '86400';

function isAllowed(allowed: AllowedOrigins, origin: string): boolean {
  return allowed === 'any' || allowed.has(origin);
}

/**
 * A page of this very server (the docs, the examples) posting to it is not cross-origin: its origin
 * is the server's public one, or names the host the browser sent the request to. The public origin
 * counts too because a reverse proxy may rewrite `Host` to the address it forwards to.
 */
function isSameOrigin(c: Context, origin: string, publicOrigin: string | undefined): boolean {
  if (origin === publicOrigin) return true;
  try {
    return new URL(origin).host === (c.req.header('host') ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

/**
 * CORS for the API. Reads: any origin may GET (the widgets are embedded on any site), with
 * preflights answered for a day. Writes (POST, PATCH): only from `allowedOrigins`; a write that
 * names another origin is refused here with 403, not merely left without CORS headers, because
 * a browser sends a "simple" cross-origin request before asking anyone. Requests without
 * `Origin` (servers, curl) and same-origin pages are not cross-origin and pass.
 *
 * Written here rather than with `hono/cors`, which sets its headers on a placeholder response
 * before the handler runs that Hono then copies into the real one: that copy halved the
 * throughput of every small GET in `npm run bench`.
 */
export function apiCors(allowedOrigins: AllowedOrigins, publicOrigin?: string): MiddlewareHandler {
  const isOwnOrAllowed = (c: Context, origin: string) =>
    isAllowed(allowedOrigins, origin) || isSameOrigin(c, origin, publicOrigin);
  return async (c, next) => {
    const method = c.req.method;
    if (READ_METHODS.has(method)) {
      await next();
      c.res.headers.set('access-control-allow-origin', '*');
      c.res.headers.set('access-control-expose-headers', 'ETag');
      return;
    }
    const origin = c.req.header('origin');
    const preflightMethod = c.req.header('access-control-request-method');
    if (method === 'OPTIONS' && preflightMethod) {
      const requestedHeaders = c.req.header('access-control-request-headers');
      const allowHeaders: Record<string, string> = requestedHeaders
        ? { 'access-control-allow-headers': requestedHeaders }
        : {};
      if (READ_METHODS.has(preflightMethod.toUpperCase())) {
        return c.body(null, 204, {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET,HEAD,OPTIONS',
          ...allowHeaders,
          'access-control-max-age': PREFLIGHT_MAX_AGE,
        });
      }
      // A refused preflight gets no allow headers, so the browser never sends the write.
      if (origin === undefined || !isOwnOrAllowed(c, origin)) {
        return c.body(null, 204, { vary: 'Origin' });
      }
      return c.body(null, 204, {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'GET,HEAD,POST,PATCH,OPTIONS',
        ...allowHeaders,
        'access-control-max-age': PREFLIGHT_MAX_AGE,
        vary: 'Origin',
      });
    }
    if (origin !== undefined && !isOwnOrAllowed(c, origin)) {
      throw new ProblemError(403, 'FORBIDDEN', 'this API does not accept writes from pages of that origin');
    }
    await next();
    if (origin !== undefined) {
      c.res.headers.set('access-control-allow-origin', origin);
      c.res.headers.set('access-control-expose-headers', 'Retry-After, Idempotent-Replayed');
      c.res.headers.append('vary', 'Origin');
    }
  };
}
