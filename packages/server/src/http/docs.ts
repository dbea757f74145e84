import type { Context, Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { sendWithETag } from './caching.js';
import { DOCS_CSS, DOCS_ICON, DOCS_SCRIPT, type DocsSettings, MOUNT_ID, SETTINGS_ID } from './docs/client.js';
import { problemsMarkdown, renderFallback } from './docs/fallback.js';
import { findScalarBundle, type ScalarBundle, sendScalarBundle } from './docs/scalar-bundle.js';
import { ProblemError } from './problem.js';
import type { LinkOrigin } from './public-origin.js';
import type { RouteSpec } from './route-spec.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export const DOCS_SCRIPT_PATH = '/docs/assets/docs.js';
export const DOCS_CSS_PATH = '/docs/assets/docs.css';
export const DOCS_ICON_PATH = '/docs/assets/icon.svg';

/** Where the renderer's script is served: its version in the name, so it may be cached for good. */
export function scalarPath(bundle: ScalarBundle): string {
  return `/docs/assets/scalar-api-reference-${bundle.version}.js`;
}

/**
 * The CSP of `/docs`: scripts only from this server, requests only to it (and to its public URL,
 * which the “try it” sends to when one is set), nothing from another origin.
 */
export function docsCsp(publicOrigin?: string): string {
  return [
    "default-src 'none'",
    // No 'unsafe-eval': zod, inside Scalar's bundle, probes `new Function('')` once in a try/catch;
    // refused (a violation report, no console message), it validates without compiling.
    "script-src 'self'",
    // Scalar (Vue) adds its stylesheets as <style> elements and sets a few style attributes while it
    // runs: their text is the bundle's, not ours to hash, and this version takes no nonce (later
    // ones read one from a meta tag, but need Node 22). Allowed on this page only, which shows the
    // document's text and nothing sent by visitors.
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self'${publicOrigin ? ` ${publicOrigin}` : ''}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** JSON inside a `<script>` element: `<` escaped, so no `</script>` or `<!--` can end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

/** Scalar's settings for this server: nothing loaded from or sent to another origin. */
export function docsSettings(publicOrigin: string | undefined): DocsSettings {
  return {
    document: '/openapi.json',
    appendix: problemsMarkdown(),
    scalar: {
      // The document's server is `/`: the origin the page was loaded from, unless a public URL is set.
      ...(publicOrigin ? { baseServerURL: publicOrigin } : {}),
      // Its default fonts come from fonts.scalar.com; the system's are used instead.
      withDefaultFonts: false,
      // A link that hands the document to client.scalar.com; the “Test Request” of each operation
      // stays, and sends from this page to this server.
      hideClientButton: true,
      // The AI chat talks to api.scalar.com.
      agent: { disabled: true },
      telemetry: false,
      showDeveloperTools: 'never',
      // The page changes the document (the problem codes): the canonical one is linked instead.
      documentDownloadType: 'none',
    },
  };
}

/**
 * `/docs`: Scalar's API reference over the server's own `/openapi.json` (schemas, examples, a
 * “try it” against this origin), its script and styles served from here; without JavaScript, or
 * without the renderer installed, a plain list of the operations with examples against `origin`.
 */
export function renderDocs(
  routes: readonly RouteSpec[],
  version: string,
  origin: string,
  { bundle, publicOrigin }: { bundle: ScalarBundle | undefined; publicOrigin?: string | undefined },
): Html {
  const fallback = renderFallback(routes, version, origin);
  return html`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Carezone API ${version}</title>
  <link rel="icon" href="${DOCS_ICON_PATH}" type="image/svg+xml">
  <link rel="stylesheet" href="${DOCS_CSS_PATH}">
${
  bundle
    ? html`  <script id="${SETTINGS_ID}" type="application/json">${raw(scriptJson(docsSettings(publicOrigin)))}</script>
  <script src="${scalarPath(bundle)}" defer></script>
  <script src="${DOCS_SCRIPT_PATH}" defer></script>
</head>
<body>
<div id="${MOUNT_ID}"></div>
<noscript>${fallback}</noscript>
</body>`
    : html`</head>
<body>
${fallback}
</body>`
}
</html>`;
}

export interface DocsOptions {
  routes: readonly RouteSpec[];
  version: string;
  linksOf: LinkOrigin;
  /** `CAREZONE_PUBLIC_URL` as an origin, if set. */
  publicOrigin: string | undefined;
  /** The renderer; default the installed `@scalar/api-reference`, `null` for none. */
  bundle?: ScalarBundle | null | undefined;
}

/** `GET /docs` and the files it loads. */
export function registerDocs(app: Hono, options: DocsOptions): void {
  const { routes, version, linksOf, publicOrigin } = options;
  const bundle = options.bundle === undefined ? findScalarBundle() : (options.bundle ?? undefined);
  const csp = docsCsp(publicOrigin);
  app.get('/docs', (c) =>
    c.html(renderDocs(routes, version, linksOf(c), { bundle, publicOrigin }), 200, {
      'content-security-policy': csp,
    }),
  );
  const assets: [string, (c: Context) => Response | Promise<Response>][] = [
    [DOCS_SCRIPT_PATH, (c) => sendWithETag(c, DOCS_SCRIPT, 'text/javascript; charset=utf-8')],
    [DOCS_CSS_PATH, (c) => sendWithETag(c, DOCS_CSS, 'text/css; charset=utf-8')],
    [DOCS_ICON_PATH, (c) => sendWithETag(c, DOCS_ICON, 'image/svg+xml')],
  ];
  if (bundle) assets.push([scalarPath(bundle), (c) => sendScalarBundle(c, bundle)]);
  for (const [path, handler] of assets) {
    app.get(path, handler);
    app.all(path, (c) => {
      throw new ProblemError(405, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}`);
    });
  }
}
