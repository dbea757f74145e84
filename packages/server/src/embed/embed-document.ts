import { createHash } from 'node:crypto';
import type { Language } from '@carezone/contract';
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { AllowedOrigins } from '../http/allowed-origins.js';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface EmbedDocument {
  lang: Language;
  /** The document's title, also its (visually hidden) first heading. */
  title: string;
  /** The `--carezone-*` declarations of the page's theme (`themeDeclarations`). */
  theme: readonly string[];
  body: Html;
  status?: 200 | 400 | 404 | 409 | 422 | 429 | 503;
  /** A page that holds what a visitor typed, or a one-time key, is never stored by a cache. */
  private?: boolean;
  /** Extra response headers (`Retry-After`). */
  headers?: Record<string, string>;
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
 * alone; `carezone-embed-frame.js`, when scripts run, keeps that size and tells `carezone-embed.js` of it.
 */
export interface EmbedSettings {
  /** Who may frame the pages: the origins allowed to send session requests. */
  framing: AllowedOrigins;
  /** The URL of `carezone-embed-frame.js` (auto-height with scripts); none without the widget bundles. */
  frameScript: string | undefined;
}

export function renderEmbedDocument(
  c: Context,
  page: EmbedDocument,
  { framing, frameScript }: EmbedSettings,
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
<meta name="responsive-embedded-sizing">
<title>${page.title}</title>
<link rel="stylesheet" href="/embed/embed.css">
${theme ? html`<style>${raw(theme)}</style>` : ''}
${frameScript ? html`<script src="${frameScript}" defer></script>` : ''}
</head>
<body>
<main>
<h1 class="visually-hidden">${page.title}</h1>
${page.body}
</main>
</body>
</html>
`;
  return c.html(body, page.status ?? 200, {
    'content-security-policy': policy,
    'cache-control': page.private ? 'no-store' : 'no-cache',
    vary: 'Accept-Language',
    ...page.headers,
  });
}
