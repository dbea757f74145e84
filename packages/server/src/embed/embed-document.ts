import { createHash } from 'node:crypto';
import type { Language } from '@carezone/contract';
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { AllowedOrigins } from '../http/allowed-origins.js';
import type { PageAnswers } from './api-in-process.js';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const EMBED_STATUSES = [200, 400, 403, 404, 409, 413, 415, 422, 429, 500, 503] as const;
export type EmbedStatus = (typeof EMBED_STATUSES)[number];

/** A page's status for an API answer's: the same one, or 500 for one a page never answers with. */
export const embedStatus = (status: number): EmbedStatus =>
  EMBED_STATUSES.find((known) => known === status) ?? 500;

export interface EmbedDocument {
  lang: Language;
  /** The document's title, also its (visually hidden) first heading. */
  title: string;
  /** The `--carezone-*` declarations of the page's theme (`themeDeclarations`). */
  theme: readonly string[];
  body: Html;
  status?: EmbedStatus;
  /** A page that holds what a visitor typed, or a one-time key, is never stored by a cache. */
  private?: boolean;
  /** Extra response headers (`Retry-After`). */
  headers?: Record<string, string>;
  /** The widget that takes the page over when scripts run; none: the page stays as rendered. */
  widget?: EmbedWidget | undefined;
}

/**
 * The widget of a page and what it needs to show what the page shows: its attributes, and the
 * page's reads (`answers`), which `carezone-embed-frame.js` hands to its first requests so that
 * nothing the server rendered is asked for again. The widget stays hidden until it has rendered,
 * then replaces the server's markup in one step.
 */
export interface EmbedWidget {
  tag: 'carezone-finder' | 'carezone-news' | 'carezone-session-request';
  /** Its script-tag bundle (`carezone-finder.js`). */
  script: string;
  attributes: Record<string, string | number | undefined>;
  answers: PageAnswers;
}

/**
 * Who may frame the embed pages: `CAREZONE_ALLOWED_ORIGINS`, the same list that may send session
 * requests (any origin when that is `any`: in development, or `*`), and always the server's own pages.
 */
export function frameAncestors(allowed: AllowedOrigins): string {
  return allowed === 'any' ? '*' : ["'self'", ...allowed].join(' ');
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * A complete embed page: its language, its own style sheet and no script a page needs to work. The
 * theme goes into one `<style>` allowed by its hash, so the policy needs no `'unsafe-inline'`. The
 * responsive-sizing meta lets a host page size the iframe with `frame-sizing: content-height`
 * alone — only a host that may frame the page learns its size (`allow-origins`, the same list as
 * `frame-ancestors`; a bare meta opts in nobody); `carezone-embed-frame.js`, when scripts run, keeps that size and tells `carezone-embed.js` of it.
 */
export interface EmbedSettings {
  /** Who may frame the pages: the origins allowed to send session requests. */
  framing: AllowedOrigins;
  /**
   * Where the widget bundles are served (`/widgets/0.1.0/`), for `carezone-embed-frame.js`
   * (auto-height) and the widgets; none: the pages work without them.
   */
  widgetsPath: string | undefined;
}

/** A JSON data block: never executed, and `</script>` inside a value cannot close it. */
const jsonScript = (id: string, value: unknown) =>
  html`<script type="application/json" id="${id}">${raw(JSON.stringify(value).replace(/</g, '\\u003c'))}</script>`;

function renderWidget(widget: EmbedWidget, widgetsPath: string): Html {
  const attributes = Object.entries(widget.attributes).filter(
    ([, value]) => value !== undefined && value !== '',
  );
  return html`<${raw(widget.tag)} hidden data-carezone-enhance${attributes.map(
    ([name, value]) => html` ${raw(name)}="${value}"`,
  )}></${raw(widget.tag)}>
${jsonScript('carezone-answers', Object.fromEntries(widget.answers))}
<script type="module" src="${widgetsPath}${widget.script}"></script>`;
}

export function renderEmbedDocument(
  c: Context,
  page: EmbedDocument,
  { framing, widgetsPath }: EmbedSettings,
): Response | Promise<Response> {
  const theme = page.theme.length > 0 ? `:root{${page.theme.join('')}}` : '';
  const policy = [
    "default-src 'none'",
    `style-src 'self'${theme ? ` ${sha256(theme)}` : ''}`,
    "script-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors(framing)}`,
  ].join('; ');
  const body = html`<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="responsive-embedded-sizing" content="allow-origins=${frameAncestors(framing)}">
<title>${page.title}</title>
<link rel="stylesheet" href="/embed/embed.css">
${widgetsPath ? html`<noscript><link rel="stylesheet" href="/embed/noscript.css"></noscript>` : ''}
${theme ? html`<style>${raw(theme)}</style>` : ''}
${widgetsPath ? html`<script src="${widgetsPath}carezone-embed-frame.js" defer></script>` : ''}
</head>
<body>
<main>
<h1 class="visually-hidden">${page.title}</h1>
${
  page.widget && widgetsPath
    ? html`<div data-carezone-fallback>${page.body}</div>
${renderWidget(page.widget, widgetsPath)}`
    : page.body
}
</main>
</body>
</html>
`;
  return c.html(body, page.status ?? 200, {
    'content-security-policy': policy,
    'cache-control': page.private ? 'no-store' : 'no-cache',
    // Not the API's `no-referrer`: under it a browser posts the page's own form with `Origin: null`,
    // which the API's write rule refuses. Other sites still get no referrer.
    'referrer-policy': 'same-origin',
    vary: 'Accept-Language',
    ...page.headers,
  });
}
