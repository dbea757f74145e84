import type { Language } from '@carezone/contract';
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Html } from '../embed-document.js';

/**
 * The configurator's page: the embed pages' style sheet and its own, the finder for presets and
 * the script that updates preview and code. Everything from this server; it may frame its own
 * embed pages, and nobody frames it.
 */
export function renderConfiguratorDocument(
  c: Context,
  page: { lang: Language; title: string; body: Html; widgetsPath: string | undefined },
): Response | Promise<Response> {
  const { widgetsPath } = page;
  const body = html`<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<link rel="stylesheet" href="/embed/embed.css">
<link rel="stylesheet" href="/embed/configurator.css">
${
  widgetsPath
    ? html`<script type="module" src="${widgetsPath}carezone-finder.js"></script>
<script src="${widgetsPath}carezone-embed.js" defer></script>
<script src="${widgetsPath}carezone-embed-configurator.js" defer></script>`
    : ''
}
</head>
<body class="configurator-page">
<main>
${page.body}
</main>
</body>
</html>
`;
  return c.html(body, 200, {
    'content-security-policy': [
      "default-src 'none'",
      "style-src 'self'",
      "script-src 'self'",
      "connect-src 'self'",
      "img-src 'self'",
      "frame-src 'self'",
      "form-action 'self'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'cache-control': 'no-cache',
    vary: 'Accept-Language',
  });
}

/** The configurator's layout, over the embed pages' style sheet. */
export const CONFIGURATOR_CSS = `.configurator-page main { max-width: 72rem; margin: 0 auto; padding: 1rem; display: grid; gap: 1rem }
.configurator-page h1 { font-size: 1.75rem }
.configurator-page h2 { font-size: 1.25rem; margin-bottom: .5rem }
.configurator-page h3 { font-size: 1rem }
.languages { display: flex; gap: 1rem; justify-content: flex-end }
.languages [aria-current] { font-weight: 700; text-decoration: none; color: inherit }
.configurator { display: grid; gap: 2rem; grid-template-columns: minmax(0, 22rem) minmax(0, 1fr); align-items: start }
@media (max-width: 50rem) { .configurator { grid-template-columns: minmax(0, 1fr) } }
#configure { display: grid; gap: .5rem }
#configure fieldset { display: grid; gap: .5rem; margin: 0 0 .5rem; padding: .75rem; border: 1px solid var(--_border); border-radius: var(--_radius) }
#configure select, #configure input:not([type=radio]) { width: 100% }
#configure input[type=color] { padding: .25rem; height: 2.75rem }
#configure .choice { display: grid; grid-template-columns: auto 1fr; gap: 0 .5rem; align-items: center }
#configure .choice input { width: 1.25rem; height: 1.25rem; margin: 0 }
#configure .choice .hint { grid-column: 2 }
.hint { color: var(--_muted); font-size: .875rem }
.outcome { display: grid; gap: 1.5rem }
#preview { display: block; width: 100%; height: 30rem; border: 1px dashed var(--_border); border-radius: var(--_radius) }
.snippet { display: grid; gap: .25rem; margin-bottom: 1rem }
.snippet textarea { width: 100%; font-family: ui-monospace, monospace; font-size: .8125rem; resize: vertical; field-sizing: content; min-height: 3lh }
.snippet button { justify-self: start }
`;
