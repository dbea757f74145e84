import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Language } from '@carezone/contract';
import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import { embedLanguage } from '../embed/embed-options.js';
import { NO_STORE, sendWithETag } from '../http/caching.js';
// Carezone's icon, which /docs serves; without one the browser asks for /favicon.ico and gets a 404.
import { DOCS_ICON_PATH } from '../http/docs.js';
import { ProblemError } from '../http/problem.js';
import { FileCache, IMMUTABLE_CACHE, inside, safeSegments, send } from '../http/static-files.js';

/**
 * The built inbox the server serves by default: `dist/assets` of the `@carezone/inbox` package it
 * depends on, found the way Node finds the package. Undefined when the package or its build is
 * missing: the page then says how to build it.
 */
export const DEFAULT_INBOX_DIR: string | undefined = (() => {
  try {
    const manifest = createRequire(import.meta.url).resolve('@carezone/inbox/package.json');
    const dir = join(dirname(manifest), 'dist', 'assets');
    return existsSync(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
})();

/** The paths of the inbox's pages (its client-side router's), each answered with the same page. */
export const INBOX_PAGES = ['/inbox/', '/inbox/requests/:id', '/inbox/news', '/inbox/news/:id'] as const;

export const INBOX_ASSETS = '/inbox/assets';
const PAGE_CSS_PATH = '/inbox/page.css';

/**
 * Scripts and requests to this server only; no inline script or style. Lit's styles are
 * constructable stylesheets (`adoptedStyleSheets`), which `style-src 'self'` does not block.
 * Images: a news body may show one from another https site (the preview).
 */
export const INBOX_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' https:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Hashed file names (`inbox-NX7XK3eQ.js`, `nl-BcEzxYV4.js.map`) never change: cached for good. */
const HASHED = /-[A-Za-z0-9_-]{8}\.js(?:\.map)?$/;

const PAGE_CSS = `html{color-scheme:light}body{margin:0;background:#fff;color:#1b1f24;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;line-height:1.5}
carezone-inbox{display:block;min-height:100vh}.noscript{max-width:40rem;margin:2rem auto;padding:1rem;border-left:4px solid #b3261e}`;

const PAGE_TEXTS: Record<Language, { title: string; noscript: string; notBuilt: string }> = {
  nl: {
    title: 'Carezone-inbox',
    noscript: 'De inbox heeft JavaScript nodig. Zet JavaScript aan in je browser en laad de pagina opnieuw.',
    notBuilt: 'De inbox is niet gebouwd op deze server: voer `npm run build` uit en laad de pagina opnieuw.',
  },
  fr: {
    title: 'Boîte de réception Carezone',
    noscript:
      'La boîte de réception a besoin de JavaScript. Activez-le dans votre navigateur et rechargez la page.',
    notBuilt:
      'La boîte de réception n’est pas construite sur ce serveur : lancez `npm run build` et rechargez la page.',
  },
  en: {
    title: 'Carezone inbox',
    noscript: 'The inbox needs JavaScript. Turn it on in your browser and reload the page.',
    notBuilt: 'The inbox is not built on this server: run `npm run build` and reload the page.',
  },
  de: {
    title: 'Carezone-Posteingang',
    noscript:
      'Der Posteingang benötigt JavaScript. Aktivieren Sie es in Ihrem Browser und laden Sie die Seite neu.',
    notBuilt:
      'Der Posteingang ist auf diesem Server nicht gebaut: Führen Sie `npm run build` aus und laden Sie die Seite neu.',
  },
};

export interface InboxFiles {
  /** The folder of the built inbox (`manifest.json` and the scripts); undefined: not built. */
  dir: string | undefined;
}

/** The entry script named by the build's `manifest.json`, re-read when the build changes it. */
function entryReader(dir: string | undefined): () => Promise<string | undefined> {
  let known: { mtimeMs: number; entry: string | undefined } | undefined;
  return async () => {
    if (!dir) return undefined;
    const path = join(dir, 'manifest.json');
    const info = await stat(path).catch(() => undefined);
    if (!info) return undefined;
    if (known?.mtimeMs !== info.mtimeMs) {
      const manifest = await readFile(path, 'utf8')
        .then((text) => JSON.parse(text) as { entry?: unknown })
        .catch(() => ({}) as { entry?: unknown });
      const entry =
        typeof manifest.entry === 'string' && HASHED.test(manifest.entry) ? manifest.entry : undefined;
      known = { mtimeMs: info.mtimeMs, entry };
    }
    return known.entry;
  };
}

export function renderInboxPage(lang: Language, entry: string | undefined) {
  const texts = PAGE_TEXTS[lang];
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${texts.title}</title>
<link rel="stylesheet" href="${PAGE_CSS_PATH}">
<link rel="icon" href="${DOCS_ICON_PATH}" type="image/svg+xml">
${entry ? html`<script type="module" src="${INBOX_ASSETS}/${entry}"></script>` : ''}
</head>
<body>
${entry ? html`<carezone-inbox></carezone-inbox>` : html`<main><h1>${texts.title}</h1><p class="noscript">${texts.notBuilt}</p></main>`}
<noscript><p class="noscript">${texts.noscript}</p></noscript>
</body>
</html>
`;
}

function notFound(c: Context): never {
  throw new ProblemError(404, 'NOT_FOUND', `nothing at ${c.req.path}`);
}

/**
 * `/inbox/…`: the one page of the zone team's inbox at every path of its router (the script
 * shows the view of the path), under a strict CSP, never cached; its scripts at
 * `/inbox/assets/…`, named by their hash and cached for a year.
 */
export function registerInboxPages(app: Hono, { dir }: InboxFiles): void {
  const entry = entryReader(dir);
  const files = new FileCache();
  app.use('/inbox', async (c, next) => {
    await next();
    c.res.headers.set('content-security-policy', INBOX_CSP);
  });
  app.use('/inbox/*', async (c, next) => {
    await next();
    c.res.headers.set('content-security-policy', INBOX_CSP);
  });
  app.get('/inbox', (c) => c.redirect('/inbox/', 301));
  const page = async (c: Context) => {
    const lang = embedLanguage(undefined, c.req.header('accept-language'));
    return c.html(renderInboxPage(lang, await entry()), 200, {
      'cache-control': NO_STORE,
      'referrer-policy': 'no-referrer',
      vary: 'Accept-Language',
    });
  };
  for (const path of INBOX_PAGES) app.get(path, page);
  app.get(PAGE_CSS_PATH, (c) => {
    const response = sendWithETag(c, PAGE_CSS, 'text/css; charset=utf-8');
    response.headers.set('cache-control', 'no-cache');
    return response;
  });
  app.get(`${INBOX_ASSETS}/*`, async (c) => {
    const parsed = safeSegments(new URL(c.req.url).pathname, INBOX_ASSETS);
    if (!parsed || parsed.directory || !dir) notFound(c);
    const [name, ...rest] = parsed.segments;
    if (name === undefined || rest.length > 0 || !HASHED.test(name)) notFound(c);
    const path = inside(dir, [name]);
    const file = path ? await files.get(path) : undefined;
    if (!path || !file) notFound(c);
    return send(c, file, path, { 'cache-control': IMMUTABLE_CACHE });
  });
  for (const path of ['/inbox', ...INBOX_PAGES, PAGE_CSS_PATH, `${INBOX_ASSETS}/*`]) {
    app.all(path, (c) => {
      throw new ProblemError(405, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}`);
    });
  }
}
