import type { MiddlewareHandler } from 'hono';

/**
 * Zone data changes only when the server restarts with other packs, so GET answers may be cached
 * briefly and revalidated with their ETag for as long as a CDN likes.
 */
export const PUBLIC_DATA = 'public, max-age=300, stale-while-revalidate=3600';
export const NO_STORE = 'no-store';

/** Sets `Cache-Control` on GET answers that did not set their own: data is public, problems are not stored. */
export function cacheControl(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return;
    if (c.res.headers.has('cache-control')) return;
    c.res.headers.set('cache-control', c.res.ok || c.res.status === 304 ? PUBLIC_DATA : NO_STORE);
  };
}
