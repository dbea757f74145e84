import type { MiddlewareHandler } from 'hono';

/**
 * CORS for the public read API: any origin may GET (the widgets are embedded on any site), and
 * preflights are answered for a day. Written here rather than with `hono/cors`, which sets its
 * headers on a placeholder response before the handler runs that Hono then copies into the real
 * one: that copy halved the throughput of every small GET in `npm run bench`.
 */
export function publicReadCors(): MiddlewareHandler {
  return async (c, next) => {
    const preflightMethod = c.req.header('access-control-request-method');
    if (c.req.method === 'OPTIONS' && preflightMethod) {
      const requestedHeaders = c.req.header('access-control-request-headers');
      return c.body(null, 204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET,HEAD,OPTIONS',
        ...(requestedHeaders ? { 'access-control-allow-headers': requestedHeaders } : {}),
        'access-control-max-age': '86400',
      });
    }
    await next();
    c.res.headers.set('access-control-allow-origin', '*');
    c.res.headers.set('access-control-expose-headers', 'ETag');
  };
}
