import { type LangMap, Language, Problem, pickText, Slug } from '@carezone/contract';
import * as z from 'zod/mini';
import {
  atomFeed,
  FEED_MEDIA_TYPES,
  type FeedFormat,
  type FeedMeta,
  jsonFeed,
  latestDate,
  rssFeed,
} from '../../news/publish/outgoing-feeds.js';
import { listNews } from '../../news/publish/read.js';
import type { Storage } from '../../storage/storage.js';
import type { ZoneDirectory } from '../../zones/zone-directory.js';
import { sendWithETag } from '../caching.js';
import { type LinkOrigin, linkOrigin } from '../public-origin.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';
import { NEWS_CACHE, zonesOfQuery } from './news-query.js';

const FeedQuery = z.object({ zone: z.optional(Slug), lang: z.optional(Language) });

/**
 * A feed's title and description, in its language (a reader's feed list shows them): the
 * network's news, or one zone's (`zone`: its name in that language).
 */
const FEED_TEXTS: Record<Language, { all: string; allAbout: string; zone: (name: string) => string }> = {
  nl: {
    all: 'Nieuws van de zorgzones',
    allAbout: 'Het nieuws van elke zorgzone',
    zone: (name) => `Nieuws van zone ${name}`,
  },
  fr: {
    all: 'Actualités des zones de soins',
    allAbout: 'Les actualités de chaque zone',
    zone: (name) => `Actualités de la zone ${name}`,
  },
  en: {
    all: 'Care zone news',
    allAbout: 'The news of every care zone',
    zone: (name) => `News of zone ${name}`,
  },
  de: {
    all: 'Neuigkeiten der Versorgungszonen',
    allAbout: 'Die Neuigkeiten jeder Zone',
    zone: (name) => `Neuigkeiten der Zone ${name}`,
  },
};
/** Feed readers poll; the newest 50 are what they show. */
const FEED_ITEMS = 50;

const GENERATORS = { json: jsonFeed, atom: atomFeed, rss: rssFeed } as const;
const FORMAT_NAMES = { json: 'JSON Feed 1.1', atom: 'Atom 1.0', rss: 'RSS 2.0' } as const;

function feedRoute(
  format: FeedFormat,
  directory: ZoneDirectory,
  storage: Storage,
  originOf: LinkOrigin,
): RouteSpec {
  const path = `/v1/news/feed.${format}`;
  return defineRoute({
    method: 'get',
    path,
    operationId: `newsFeed${format[0]?.toUpperCase()}${format.slice(1)}`,
    tag: 'News',
    summary: `The newest news as ${FORMAT_NAMES[format]}`,
    description:
      `The ${FEED_ITEMS} newest items (all zones, or one with \`zone\`) with their sanitised HTML bodies, ` +
      'for feed readers and other sites. With `lang`, only the items written in that language, and the ' +
      'feed titled in it (without: titled in Dutch, every language). Links are absolute, built from the ' +
      'public URL the deployment configures (`CAREZONE_PUBLIC_URL`), never from the request’s `Host`.',
    query: FeedQuery,
    responses: {
      200: { description: `A ${FORMAT_NAMES[format]} document.`, mediaType: FEED_MEDIA_TYPES[format] },
      400: { description: '`INVALID_QUERY`: a malformed or unknown zone.', schema: Problem },
    },
    examples: [path, `${path}?zone=bxl-sud`],
    handler: async (c, { query }) => {
      const page = await listNews(storage.db, {
        zones: zonesOfQuery(directory, query),
        language: query.lang,
        limit: FEED_ITEMS,
      });
      const origin = originOf(c);
      const zone = query.zone === undefined ? undefined : directory.zone(query.zone);
      const params = new URLSearchParams();
      if (query.zone !== undefined) params.set('zone', query.zone);
      if (query.lang !== undefined) params.set('lang', query.lang);
      const suffix = params.size > 0 ? `?${params}` : '';
      const lang = query.lang ?? 'nl';
      const texts = FEED_TEXTS[lang];
      const name = (map: LangMap) => pickText(map, lang);
      const meta: FeedMeta = {
        title: zone ? texts.zone(name(zone.name) || zone.id) : texts.all,
        description: zone ? texts.zone(name(zone.name) || zone.id) : texts.allAbout,
        language: query.lang,
        selfUrl: `${origin}${path}${suffix}`,
        homeUrl: `${origin}/v1/news${suffix}`,
        updated: latestDate(page.data),
      };
      const body = GENERATORS[format](meta, page.data, (id) => `${origin}/v1/news/${id}`);
      const response = sendWithETag(c, body, `${FEED_MEDIA_TYPES[format]}; charset=utf-8`);
      response.headers.set('cache-control', NEWS_CACHE);
      return response;
    },
  });
}

/** The feeds; `linkOrigin` (default: the address listened on) makes their absolute links. */
export function newsFeedRoutes(
  directory: ZoneDirectory,
  storage: Storage,
  origin: LinkOrigin = linkOrigin(undefined),
): RouteSpec[] {
  return (['json', 'atom', 'rss'] as const).map((format) => feedRoute(format, directory, storage, origin));
}
