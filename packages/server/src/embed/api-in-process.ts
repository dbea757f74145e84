import { createClient, type PublicClient } from '@carezone/sdk';
import type { Context, Hono } from 'hono';

/** What of the visitor's request the API must see as the visitor's own: for its write and rate-limit rules. */
const FORWARDED_HEADERS = ['origin', 'x-forwarded-for', 'sec-fetch-site'] as const;

/**
 * A read's key among the answers a page hands to its widget: path and query, the parameters in
 * name order (`/v1/news?limit=5&zone=bxl-sud`). `carezone-embed-frame.js` keys the widget's reads
 * the same way (packages/widgets/src/embed/answers.ts).
 */
export function answerKey(url: URL): string {
  const query = new URLSearchParams([...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const text = query.toString();
  return text ? `${url.pathname}?${text}` : url.pathname;
}

/** One read as the API answered it: a zone, or a problem such as an unknown postcode's 404. */
export interface PageAnswer {
  status: number;
  type: string;
  body: unknown;
}

/** The reads of one page, by `answerKey`, for the widget that takes the page over. */
export type PageAnswers = Map<string, PageAnswer>;

/** Answers a widget would show as they are: data, and the problems it words (not a 5xx, tried again). */
const KEPT_STATUSES = new Set([200, 400, 404]);

/**
 * The public API as the embed pages use it: the SDK, with `fetch` answered by the app itself, in
 * process. The pages are then a client like the widgets: the same validation, the same errors, the
 * same rate limits, idempotency and bot checks for a form posted without JavaScript. The visitor's
 * connection (`c.env`) goes along, so the API limits and logs the visitor's address, not the server's.
 * `answers`, when given, keeps what each read answered.
 */
export function apiInProcess(app: Hono, c: Context, answers?: PageAnswers): PublicClient {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = c.req.header(name);
    if (value !== undefined) headers[name] = value;
  }
  return createClient({
    baseUrl: new URL(c.req.url).origin,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const response = await app.fetch(request, c.env);
      const type = response.headers.get('content-type') ?? '';
      if (
        answers &&
        request.method === 'GET' &&
        KEPT_STATUSES.has(response.status) &&
        type.includes('json')
      ) {
        const body: unknown = await response.clone().json();
        answers.set(answerKey(new URL(request.url)), { status: response.status, type, body });
      }
      return response;
    },
    retry: 0,
    headers,
  });
}
