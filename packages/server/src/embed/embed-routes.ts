import { LANGUAGES, type Language } from '@carezone/contract';
import type { Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AllowedOrigins } from '../http/allowed-origins.js';
import { sendWithETag } from '../http/caching.js';
import type { LinkOrigin } from '../http/public-origin.js';
import type { WidgetFiles } from '../http/static-files.js';
import { apiInProcess, type PageAnswers } from './api-in-process.js';
import { CONFIGURATOR_CSS, renderConfiguratorDocument } from './configurator/configurator-document.js';
import { configuratorBody, configuratorData, integrityOf } from './configurator/configurator-page.js';
import { CONFIGURATOR_TEXTS } from './configurator/configurator-texts.js';
import { readChoice } from './configurator/embed-choice.js';
import { type EmbedDocument, type EmbedSettings, renderEmbedDocument } from './embed-document.js';
import { EMBED_TEXTS, EmbedLocalize } from './embed-localize.js';
import { embedLanguage, keptParameters, themeDeclarations } from './embed-options.js';
import { EMBED_CSS, NOSCRIPT_CSS } from './embed-styles.js';
import { finderBody } from './pages/finder-page.js';
import { NEWS_LAYOUTS, newsBody } from './pages/news-page.js';
import { zoneCardBody } from './pages/zone-card-page.js';
import { registerSessionRequestPages } from './session-request/session-request-page.js';

export interface EmbedDependencies {
  /** Who may frame the pages (`frame-ancestors`): the origins allowed to send session requests. */
  allowedOrigins: AllowedOrigins;
  /** The widget bundles served: the pages' auto-height script is among them. */
  widgets: WidgetFiles;
  /** The origin the configurator's code points at (`CAREZONE_PUBLIC_URL`, else the address used). */
  linksOf: LinkOrigin;
}

/** What every embed page reads of its request before rendering its own body. */
export interface EmbedRequest {
  query: URLSearchParams;
  lang: Language;
  localize: EmbedLocalize;
  /** The `heading-level` of the widget's headings: 2 below the page's own h1, or what was asked (2–6). */
  headingLevel: number;
  /** This page's path and query, for "try again". */
  self: string;
  /** The query parameter, or undefined when absent or empty. */
  param(name: string): string | undefined;
}

export function readEmbedRequest(c: Context): EmbedRequest {
  const url = new URL(c.req.url);
  const query = url.searchParams;
  const param = (name: string) => query.get(name) || undefined;
  const lang = embedLanguage(param('lang'), c.req.header('accept-language'));
  const level = Number(param('heading-level'));
  return {
    query,
    lang,
    localize: new EmbedLocalize(lang),
    headingLevel: Number.isInteger(level) && level >= 2 && level <= 6 ? level : 2,
    self: `${url.pathname}${url.search}`,
    param,
  };
}

const NEWS_PARAMETERS = ['lang', 'zone', 'layer', 'topic', 'news-lang', 'limit', 'layout', 'heading-level'];

/**
 * The embed pages (`/embed/finder`, `/embed/zone-card`, `/embed/session-request`, `/embed/news`):
 * each widget as a complete page for an iframe, rendered here, that works without JavaScript.
 * They read the API in process through the SDK, so they answer what the widgets answer.
 */
export function registerEmbedPages(app: Hono, deps: EmbedDependencies): void {
  const { dir, version } = deps.widgets;
  const settings: EmbedSettings = {
    framing: deps.allowedOrigins,
    widgetsPath: dir && `/widgets/${version ? `${version}/` : ''}`,
  };
  /** A GET page: its body from what the request asks, in the page's language and theme. */
  const page = (
    path: string,
    render: (request: EmbedRequest, c: Context) => Promise<Omit<EmbedDocument, 'lang' | 'theme'>>,
  ) =>
    app.get(path, async (c) => {
      const request = readEmbedRequest(c);
      const document = await render(request, c);
      return renderEmbedDocument(
        c,
        { ...document, lang: request.lang, theme: themeDeclarations(request.query) },
        settings,
      );
    });

  // A page without scripts is its HTML and its CSS: compressed, a slow phone gets both in one round trip or two.
  app.use('/embed/*', compress());
  app.get('/embed/configurator.css', (c) => sendWithETag(c, CONFIGURATOR_CSS, 'text/css; charset=utf-8'));
  app.get('/embed', (c) => c.redirect('/embed/', 301));
  app.get('/embed/', async (c) => {
    const request = readEmbedRequest(c);
    const choice = readChoice(request.query, request.lang);
    const data = await configuratorData(apiInProcess(app, c));
    const source = { origin: deps.linksOf(c), version, integrity: await integrityOf(dir) };
    const body = configuratorBody(
      choice,
      data,
      source,
      request.localize,
      new EmbedLocalize(choice.language),
      request.query,
    );
    return renderConfiguratorDocument(c, {
      lang: request.lang,
      title: CONFIGURATOR_TEXTS[request.lang].title,
      body,
      widgetsPath: settings.widgetsPath,
    });
  });
  app.get('/embed/embed.css', (c) => sendWithETag(c, EMBED_CSS, 'text/css; charset=utf-8'));
  app.get('/embed/noscript.css', (c) => sendWithETag(c, NOSCRIPT_CSS, 'text/css; charset=utf-8'));
  registerSessionRequestPages(app, settings);

  page('/embed/finder', async (request, c) => {
    const answers: PageAnswers = new Map();
    const { body, preset } = await finderBody(
      apiInProcess(app, c, answers),
      {
        q: request.param('q') ?? '',
        postcode: request.param('postcode'),
        nis: request.param('nis'),
        locality: request.param('locality'),
        layer: request.param('layer'),
        picked: request.param('picked'),
      },
      {
        localize: request.localize,
        headingLevel: request.headingLevel,
        kept: keptParameters(request.query, ['lang', 'layer', 'heading-level']),
        self: request.self,
      },
    );
    return {
      title: EMBED_TEXTS[request.lang].finder,
      body,
      widget: preset && {
        tag: 'carezone-finder',
        script: 'carezone-finder.js',
        attributes: {
          lang: request.lang,
          layer: request.param('layer'),
          'heading-level': request.headingLevel,
          ...preset,
        },
        answers,
      },
    };
  });

  page('/embed/zone-card', async (request, c) => {
    const { body, status } = await zoneCardBody(
      apiInProcess(app, c),
      request.param('zone'),
      request.localize,
      request,
    );
    return { title: EMBED_TEXTS[request.lang].zoneCard, body, status };
  });

  page('/embed/news', async (request, c) => {
    const layout = NEWS_LAYOUTS.find((candidate) => candidate === request.param('layout')) ?? 'list';
    const limit = Number(request.param('limit'));
    const newsLang = LANGUAGES.find((language) => language === request.param('news-lang'));
    const cursor = request.param('cursor');
    const params = {
      zone: request.param('zone'),
      layer: request.param('layer'),
      topic: request.param('topic'),
      lang: newsLang,
      limit: Number.isInteger(limit) && limit >= 1 && limit <= 50 ? limit : 5,
    };
    const answers: PageAnswers = new Map();
    const body = await newsBody(
      apiInProcess(app, c, answers),
      { ...params, cursor },
      {
        localize: request.localize,
        layout,
        headingLevel: request.headingLevel,
        kept: keptParameters(request.query, NEWS_PARAMETERS),
        self: request.self,
      },
    );
    return {
      title: request.localize.news.title,
      body,
      // A later page (reached by "more" without scripts) stays as it is: the widget starts at the first.
      widget: cursor
        ? undefined
        : {
            tag: 'carezone-news',
            script: 'carezone-news.js',
            attributes: {
              lang: request.lang,
              zone: params.zone,
              layer: params.layer,
              topic: params.topic,
              'news-lang': newsLang,
              limit: params.limit,
              layout,
              'heading-level': request.headingLevel,
            },
            answers,
          },
    };
  });
}
