import { ERROR_CODES, type ErrorCode, problemType } from '@carezone/contract';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { RequestExample, RouteSpec } from '../route-spec.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** What each problem code means; `code` in backticks. Shown by both renderings of `/docs`. */
const PROBLEM_TEXT: Record<ErrorCode, string> = {
  INVALID_QUERY: '400: a query parameter is missing, malformed, out of range or conflicting.',
  VALIDATION_FAILED: '400 or 422: the request body does not match its schema; see `errors`.',
  UNKNOWN_PLACE:
    '404: no Belgian place has this postcode or NIS code (or not together, or no such locality).',
  OUT_OF_COVERAGE: '404: the place exists (see `places`) but no loaded layer covers it.',
  NOT_FOUND: '404: no such resource.',
  NO_GEOMETRY: '404: the zone exists but its pack has no polygon for it.',
  METHOD_NOT_ALLOWED: '405: the path exists but not with this method.',
  UNAUTHORIZED: '401: a staff endpoint needs a valid bearer token.',
  FORBIDDEN: '403: the token may not act on this zone.',
  CONFLICT: '409: e.g. an idempotency key reused with another body.',
  PAYLOAD_TOO_LARGE: '413: the body is larger than allowed.',
  UNSUPPORTED_MEDIA_TYPE: '415: send `application/json`.',
  RATE_LIMITED: '429: slow down; see `Retry-After`.',
  NOT_READY: '503: the server is starting or its database is unreachable.',
  STORAGE_UNAVAILABLE:
    '503: the database cannot take the write now (unreachable, or its disk is full); nothing was stored. Retry after `Retry-After` seconds with the same `Idempotency-Key`.',
  INTERNAL: '500: a bug on our side; it is logged.',
};

const PROBLEMS_INTRO =
  'Errors are `application/problem+json` (RFC 9457) with a stable `code`; validation problems list ' +
  '`errors: [{ path, code, message }]`. Switch on `code`, never on the text; a problem’s `type` links ' +
  'to its entry here.';

/**
 * Markdown added to the document's description on `/docs`: where the document is, and the problem
 * codes as headings (one anchor each, which problem `type` URIs lead to).
 */
export function problemsMarkdown(): string {
  return [
    'The machine-readable description of this API: [`/openapi.json`](/openapi.json) (OpenAPI 3.1).',
    '## Problems',
    PROBLEMS_INTRO,
    ...ERROR_CODES.map((code) => `### ${code}\n\n${PROBLEM_TEXT[code]}`),
  ].join('\n\n');
}

/** Inline code in descriptions (`like this`) rendered as <code>, everything else escaped. */
function prose(text: string): Html {
  const parts = text.split('`');
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : html`${part}`))}`;
}

/** A non-GET example as the curl command that sends it to `origin`. */
export function curl({ method, path, headers = {}, body }: RequestExample, origin: string): string {
  const lines = [`curl -X ${method.toUpperCase()} '${origin}${path}'`];
  for (const [name, value] of Object.entries(headers)) lines.push(`  -H '${name}: ${value}'`);
  if (body !== undefined) {
    lines.push(`  -H 'Content-Type: application/json'`, `  --data '${JSON.stringify(body, null, 2)}'`);
  }
  return lines.join(' \\\n');
}

function operation(route: RouteSpec, origin: string): Html {
  return html`<section id="${route.operationId}">
    <h3><span class="method">${route.method.toUpperCase()}</span> <code>${route.path}</code></h3>
    <p>${route.summary}</p>
    ${route.security === 'bearer' ? html`<p>Needs a staff token: <code>Authorization: Bearer cz_…</code>, or the staff inbox's session cookie.</p>` : ''}
    ${route.security === 'session' ? html`<p>Needs the staff inbox's session cookie.</p>` : ''}
    ${route.examples.map((example) =>
      typeof example === 'string'
        ? html`<p><a href="${origin}${example}"><code>${origin}${example}</code></a></p>`
        : html`<pre><code>${curl(example, origin)}</code></pre>`,
    )}
  </section>`;
}

/**
 * `/docs` without JavaScript: every operation with its summary and an example against `origin`,
 * and the problem codes, pointing to `/openapi.json` for the schemas. Also what the page shows
 * when the renderer is not installed.
 */
export function renderFallback(routes: readonly RouteSpec[], version: string, origin: string): Html {
  const tags = [...new Set(routes.map((route) => route.tag))];
  return html`<main class="fallback">
<h1>Carezone API <small>${version}</small></h1>
<p>The full reference, with every request and response schema and a “try it”, needs JavaScript. Without it:
every operation below, and its request and response schemas in the OpenAPI 3.1 document
<a href="/openapi.json"><code>${origin}/openapi.json</code></a>.</p>
${tags.map((tag) => html`<h2>${tag}</h2>${routes.filter((route) => route.tag === tag).map((route) => operation(route, origin))}`)}
<h2 id="problems">Problems</h2>
<p>${prose(PROBLEMS_INTRO)}</p>
<dl>${ERROR_CODES.map((code) => html`<dt id="${problemType(code).split('#')[1] ?? code}"><code>${code}</code></dt><dd>${prose(PROBLEM_TEXT[code])}</dd>`)}</dl>
</main>`;
}
