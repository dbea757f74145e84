import { Problem, pickText, Slug } from '@carezone/contract';
import * as z from 'zod/mini';
import {
  atomFeed,
  FEED_MEDIA_TYPES,
  type FeedFormat,
  type FeedMeta,
  jsonFeed,
  latestDate,
  rssFeed,
} from '../../news/outgoing-feeds.js';
import { listNews } from '../../news/read.js';
import type { Storage } from '../../storage/storage.js';
import type { ZoneDirectory } from '../../zones/zone-directory.js';
import { sendWithETag } from '../caching.js';
import { type LinkOrigin, linkOrigin } from '../public-origin.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';
import { parseQuery } from '../validate.js';
import { NEWS_CACHE, zonesOfQuery } from './news-query.js';

const FeedQuery = z.object({ zone: z.optional(Slug) });
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
      'for feed readers and other sites. Links are absolute, built from the public URL the deployment ' +
      'configures (`CAREZONE_PUBLIC_URL`), never from the request’s `Host`.',
    query: FeedQuery,
    responses: {
      200: { description: `A ${FORMAT_NAMES[format]} document.`, mediaType: FEED_MEDIA_TYPES[format] },
      400: { description: '`INVALID_QUERY`: a malformed or unknown zone.', schema: Problem },
    },
    examples: [path, `${path}?zone=bxl-sud`],
    handler: async (c) => {
      const query = parseQuery(c, FeedQuery);
      const page = await listNews(storage.db, { zones: zonesOfQuery(directory, query), limit: FEED_ITEMS });
      const origin = originOf(c);
      const zone = query.zone === undefined ? undefined : directory.zone(query.zone);
      const zoneSuffix = query.zone === undefined ? '' : `?zone=${encodeURIComponent(query.zone)}`;
      const meta: FeedMeta = {
        title: zone ? `Carezone news: ${pickText(zone.name, 'nl') || zone.id}` : 'Carezone news',
        description: zone ? `News of care zone ${zone.id}` : 'News of every care zone',
        selfUrl: `${origin}${path}${zoneSuffix}`,
        homeUrl: `${origin}/v1/news${zoneSuffix}`,
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
