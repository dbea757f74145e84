import { createClient, type PublicClient } from '@carezone/sdk';
import type { Context, Hono } from 'hono';

/** What of the visitor's request the API must see as the visitor's own: for its write and rate-limit rules. */
const FORWARDED_HEADERS = ['origin', 'x-forwarded-for', 'sec-fetch-site'] as const;

/**
 * The public API as the embed pages use it: the SDK, with `fetch` answered by the app itself, in
 * process. The pages are then a client like the widgets: the same validation, the same errors, the
 * same rate limits, idempotency and bot checks for a form posted without JavaScript. The visitor's
 * connection (`c.env`) goes along, so the API limits and logs the visitor's address, not the server's.
 */
export function apiInProcess(app: Hono, c: Context): PublicClient {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = c.req.header(name);
    if (value !== undefined) headers[name] = value;
  }
  return createClient({
    baseUrl: new URL(c.req.url).origin,
    fetch: (input, init) => Promise.resolve(app.fetch(new Request(input, init), c.env)),
    retry: 0,
    headers,
  });
}
