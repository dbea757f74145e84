/** The id of the page's JSON block that `DOCS_SCRIPT` reads its settings from. */
export const SETTINGS_ID = 'docs-settings';
/** The element Scalar's reference is mounted on. */
export const MOUNT_ID = 'docs';

/** What the page hands its script, as JSON. */
export interface DocsSettings {
  /** The OpenAPI document the reference shows: the server's own `/openapi.json`. */
  document: string;
  /** Markdown appended to the document's description (the problem codes), for this page only. */
  appendix: string;
  /** Scalar's configuration (`createApiReference`), without the document. */
  scalar: Record<string, unknown>;
}

/**
 * Served as `/docs/assets/docs.js` and run after Scalar's bundle: under the page's CSP it cannot be
 * inline. It reads the document itself rather than handing Scalar its URL, to add the problem codes
 * that `type` URIs such as `/docs#problem-not-found` point to; Scalar makes those headings
 * `#description/not_found`, so such a link is rewritten before Scalar reads the address.
 */
export const DOCS_SCRIPT = `'use strict';
(() => {
  const settings = JSON.parse(document.getElementById(${JSON.stringify(SETTINGS_ID)}).textContent);
  const problem = /^#problem-([a-z-]+)$/.exec(location.hash);
  if (problem) history.replaceState(null, '', '#description/' + problem[1].replaceAll('-', '_'));
  const mount = document.getElementById(${JSON.stringify(MOUNT_ID)});
  fetch(settings.document, { headers: { accept: 'application/json' } })
    .then((response) => {
      if (!response.ok) throw new Error(settings.document + ' answered ' + response.status);
      return response.json();
    })
    .then((openapi) => {
      openapi.info.description = (openapi.info.description ?? '') + '\\n\\n' + settings.appendix;
      const darkMode = matchMedia('(prefers-color-scheme: dark)').matches;
      Scalar.createApiReference(mount, { darkMode, ...settings.scalar, content: openapi });
    })
    .catch((error) => {
      mount.setAttribute('role', 'alert');
      mount.textContent = 'The API reference could not be shown (' + error.message + '). ' +
        'The OpenAPI document is at ' + new URL(settings.document, location.href).href + '.';
    });
})();
`;

/** The icon of the page (the examples' own), so that the browser does not ask for `/favicon.ico`. */
export const DOCS_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><title>Carezone</title><circle cx="16" cy="16" r="15" fill="#0b5cad"/><path d="M9 17l5 5 9-11" fill="none" stroke="#fff" stroke-width="3"/></svg>';

/** The page's own styles: the fallback without JavaScript and the message if the reference fails. */
export const DOCS_CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
.fallback { max-width: 60rem; margin: 0 auto; padding: 1rem; }
#${MOUNT_ID}[role="alert"] { max-width: 60rem; margin: 2rem auto; padding: 1rem; }
code { font-family: ui-monospace, monospace; font-size: 0.95em; }
.method { font-family: ui-monospace, monospace; font-weight: 600; }
.fallback section { border-top: 1px solid #8884; padding-top: 0.5rem; }
.fallback dt { margin-top: 0.5rem; }
.fallback pre { overflow-x: auto; padding: 0.5rem; border: 1px solid #8884; }
`;
