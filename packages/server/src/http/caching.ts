import type { Context, MiddlewareHandler } from 'hono';
import { type CachedBody, serializeWithETag, weakETag } from './response-cache.js';

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

/** Whether `If-None-Match` names `tag`. */
export function matchesTag(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  // Weak comparison (RFC 9110 §13.1.2): W/"x" and "x" match.
  const opaque = tag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque);
}

/**
 * Answers a serialised body with its weak ETag, or 304 when the client already has it. The tag
 * is computed here from the string: hono's `etag` middleware clones and re-reads every response
 * stream, which cost a quarter of the throughput and 60 MB of resident memory under load.
 */
export function sendCached(c: Context, { body, etag }: CachedBody, contentType: string): Response {
  if (matchesTag(c.req.header('if-none-match'), etag)) return c.body(null, 304, { etag });
  return c.body(body, 200, { etag, 'content-type': contentType });
}

/** `sendCached` for a text body computed now. */
export function sendWithETag(c: Context, body: string, contentType: string): Response {
  return sendCached(c, { body, etag: weakETag(body) }, contentType);
}

/** `sendCached` for a JSON value computed now. */
export function jsonWithETag(c: Context, data: unknown, contentType = 'application/json'): Response {
  return sendCached(c, serializeWithETag(data), contentType);
}
