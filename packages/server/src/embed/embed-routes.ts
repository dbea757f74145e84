import type { Hono } from 'hono';
import type { AllowedOrigins } from '../http/allowed-origins.js';
import { sendWithETag } from '../http/caching.js';
import type { WidgetFiles } from '../http/static-files.js';
import { apiInProcess } from './api-in-process.js';
import { type EmbedSettings, renderEmbedDocument } from './embed-document.js';
import { EMBED_TEXTS, EmbedLocalize } from './embed-localize.js';
import { embedLanguage, keptParameters, themeDeclarations } from './embed-options.js';
import { EMBED_CSS } from './embed-styles.js';
import { finderBody } from './finder-page.js';

export interface EmbedDependencies {
  /** Who may frame the pages (`frame-ancestors`): the origins allowed to send session requests. */
  allowedOrigins: AllowedOrigins;
  /** The widget bundles served: the pages' auto-height script is among them. */
  widgets: WidgetFiles;
}

/** The `heading-level` of the zones' names: 2 below the page's own h1, or what the page asked (2–6). */
function headingLevel(value: string | undefined): number {
  const level = Number(value);
  return Number.isInteger(level) && level >= 2 && level <= 6 ? level : 2;
}

/**
 * The embed pages (`/embed/finder`, `/embed/zone-card`, `/embed/session-request`, `/embed/news`):
 * each widget as a complete page for an iframe, rendered here, that works without JavaScript.
 * They read the API in process through the SDK, so they answer what the widgets answer.
 */
export function registerEmbedPages(app: Hono, deps: EmbedDependencies): void {
  const { dir, version } = deps.widgets;
  const settings: EmbedSettings = {
    framing: deps.allowedOrigins,
    frameScript: dir && `/widgets/${version ? `${version}/` : ''}carezone-embed-frame.js`,
  };

  app.get('/embed/embed.css', (c) => sendWithETag(c, EMBED_CSS, 'text/css; charset=utf-8'));

  app.get('/embed/finder', async (c) => {
    const url = new URL(c.req.url);
    const query = url.searchParams;
    const lang = embedLanguage(query.get('lang') ?? undefined, c.req.header('accept-language'));
    const localize = new EmbedLocalize(lang);
    const body = await finderBody(
      apiInProcess(app, c),
      {
        q: query.get('q') ?? '',
        postcode: query.get('postcode') ?? undefined,
        nis: query.get('nis') ?? undefined,
        locality: query.get('locality') ?? undefined,
        layer: query.get('layer') || undefined,
        picked: query.get('picked') ?? undefined,
      },
      {
        localize,
        headingLevel: headingLevel(query.get('heading-level') ?? undefined),
        kept: keptParameters(query, ['lang', 'layer', 'heading-level']),
        self: `${url.pathname}${url.search}`,
      },
    );
    return renderEmbedDocument(
      c,
      { lang, title: EMBED_TEXTS[lang].finder, theme: themeDeclarations(query), body },
      settings,
    );
  });
}
