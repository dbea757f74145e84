import { ERROR_CODES, problemType } from '@carezone/contract';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { RequestExample, RouteSpec } from './route-spec.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Inline code in descriptions (`like this`) rendered as <code>, everything else escaped. */
function prose(text: string): Html {
  const parts = text.split('`');
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : html`${part}`))}`;
}

function operation(route: RouteSpec, origin: string): Html {
  const anchor = route.operationId;
  const params = [
    ...Object.entries(route.params?._zod.def.shape ?? {}).map(([name]) => ({
      name,
      where: 'path',
      required: true,
    })),
    ...Object.entries(route.query?._zod.def.shape ?? {}).map(([name, field]) => ({
      name,
      where: 'query',
      required: field._zod.optin !== 'optional',
    })),
    ...Object.entries(route.headers?._zod.def.shape ?? {}).map(([name, field]) => ({
      name,
      where: 'header',
      required: field._zod.optin !== 'optional',
    })),
  ];
  return html`<section id="${anchor}" aria-labelledby="${anchor}-title">
    <h3 id="${anchor}-title"><span class="method">${route.method.toUpperCase()}</span> <code>${route.path}</code></h3>
    <p>${route.summary}</p>
    ${route.description ? html`<p>${prose(route.description)}</p>` : ''}
    ${route.security === 'bearer' ? html`<p>Needs a staff token: <code>Authorization: Bearer cz_…</code>.</p>` : ''}
    ${route.body ? html`<p>Body (<code>application/json</code>): ${prose(route.body.description)}</p>` : ''}
    ${
      params.length > 0
        ? html`<table>
            <caption>Parameters</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th></tr></thead>
            <tbody>${params.map((p) => html`<tr><td><code>${p.name}</code></td><td>${p.where}</td><td>${p.required ? 'yes' : 'no'}</td></tr>`)}</tbody>
          </table>`
        : ''
    }
    <table>
      <caption>Responses</caption>
      <thead><tr><th scope="col">Status</th><th scope="col">Meaning</th></tr></thead>
      <tbody>${Object.entries(route.responses).map(([status, r]) => html`<tr><td>${status}</td><td>${prose(r.description)}</td></tr>`)}</tbody>
    </table>
    <div>Try it: ${route.examples.map((example) =>
      typeof example === 'string'
        ? html`<a href="${example}"><code>${example}</code></a> `
        : html`<pre><code>${curl(example, origin)}</code></pre>`,
    )}</div>
  </section>`;
}

/** A non-GET example as the curl command that sends it to `origin`. */
function curl({ method, path, headers = {}, body }: RequestExample, origin: string): string {
  const lines = [`curl -X ${method.toUpperCase()} '${origin}${path}'`];
  for (const [name, value] of Object.entries(headers)) lines.push(`  -H '${name}: ${value}'`);
  if (body !== undefined) {
    lines.push(`  -H 'Content-Type: application/json'`, `  --data '${JSON.stringify(body, null, 2)}'`);
  }
  return lines.join(' \\\n');
}

/**
 * The rendered API reference at `/docs`: plain HTML generated from the same route specs as
 * `/openapi.json`, with no script and no third-party asset, so it works offline and under a strict CSP.
 * Its curl commands name `origin`: the server's public URL, or the address it listens on.
 */
export function renderDocs(
  routes: readonly RouteSpec[],
  version: string,
  origin = 'http://localhost:3000',
): Html {
  const tags = [...new Set(routes.map((route) => route.tag))];
  return html`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Carezone API ${version}</title>
  <link rel="stylesheet" href="/docs/docs.css">
</head>
<body>
<header><h1>Carezone API <small>${version}</small></h1>
<p>Which care zone covers a postcode, a municipality or a point, and who its zone team is. JSON over HTTPS;
every GET answer carries an <code>ETag</code> and may be cached. The machine-readable description is
<a href="/openapi.json"><code>/openapi.json</code></a> (OpenAPI 3.1).</p>
<nav aria-label="Operations"><ul>${routes.map((r) => html`<li><a href="#${r.operationId}">${r.method.toUpperCase()} ${r.path}</a></li>`)}</ul></nav>
</header>
<main>
${tags.map((tag) => html`<h2>${tag}</h2>${routes.filter((route) => route.tag === tag).map((route) => operation(route, origin))}`)}
<h2 id="problems">Problems</h2>
<p>Errors are <code>application/problem+json</code> (RFC 9457) with a stable <code>code</code>; validation problems
list <code>errors: [{ path, code, message }]</code>. Switch on <code>code</code>, never on the text.</p>
<dl>${ERROR_CODES.map((code) => html`<dt id="${problemType(code).split('#')[1] ?? code}"><code>${code}</code></dt><dd>${raw(PROBLEM_TEXT[code])}</dd>`)}</dl>
</main>
</body>
</html>`;
}

const PROBLEM_TEXT: Record<(typeof ERROR_CODES)[number], string> = {
  INVALID_QUERY: '400: a query parameter is missing, malformed, out of range or conflicting.',
  VALIDATION_FAILED: '400 or 422: the request body does not match its schema; see <code>errors</code>.',
  UNKNOWN_PLACE:
    '404: no Belgian place has this postcode or NIS code (or not together, or no such locality).',
  OUT_OF_COVERAGE: '404: the place exists (see <code>places</code>) but no loaded layer covers it.',
  NOT_FOUND: '404: no such resource.',
  NO_GEOMETRY: '404: the zone exists but its pack has no polygon for it.',
  METHOD_NOT_ALLOWED: '405: the path exists but not with this method.',
  UNAUTHORIZED: '401: a staff endpoint needs a valid bearer token.',
  FORBIDDEN: '403: the token may not act on this zone.',
  CONFLICT: '409: e.g. an idempotency key reused with another body.',
  PAYLOAD_TOO_LARGE: '413: the body is larger than allowed.',
  UNSUPPORTED_MEDIA_TYPE: '415: send <code>application/json</code>.',
  RATE_LIMITED: '429: slow down; see <code>Retry-After</code>.',
  NOT_READY: '503: the server is starting or its database is unreachable.',
  STORAGE_UNAVAILABLE:
    '503: the database cannot take the write now (unreachable, or its disk is full); nothing was stored. Retry after <code>Retry-After</code> seconds with the same <code>Idempotency-Key</code>.',
  INTERNAL: '500: a bug on our side; it is logged.',
};

export const DOCS_CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { max-width: 60rem; margin: 0 auto; padding: 1rem; }
code { font-family: ui-monospace, monospace; font-size: 0.95em; }
.method { font-family: ui-monospace, monospace; padding: 0 0.3em; border: 1px solid currentColor; border-radius: 0.2em; }
table { border-collapse: collapse; margin: 0.5rem 0; }
caption { text-align: left; font-weight: 600; }
th, td { border: 1px solid #8888; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
section { border-top: 1px solid #8884; padding-top: 0.5rem; }
dt { margin-top: 0.5rem; }
pre { overflow-x: auto; padding: 0.5rem; border: 1px solid #8884; }
`;
