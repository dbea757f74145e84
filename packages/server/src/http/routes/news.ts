import { NewsItem, NewsPage, NewsQuery, Problem } from '@carezone/contract';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { getNewsItem, listNews } from '../../news/publish/read.js';
import type { Storage } from '../../storage/storage.js';
import type { ZoneDirectory } from '../../zones/zone-directory.js';
import { jsonWithETag } from '../caching.js';
import { ProblemError } from '../problem.js';
import { defineRoute, INVALID_ID_RESPONSE, type RouteSpec } from '../route-spec.js';
import { NEWS_CACHE, newsCursor, zonesOfQuery } from './news-query.js';

export const NewsParams = z.object({ id: z.uuid() });

export function newsNotFound(id: string): ProblemError {
  return new ProblemError(404, 'NOT_FOUND', `no news item "${id.slice(0, 100)}"`);
}

function cachedJson(c: Context, data: unknown): Response {
  const response = jsonWithETag(c, data);
  response.headers.set('cache-control', NEWS_CACHE);
  return response;
}

export function newsRoutes(directory: ZoneDirectory, storage: Storage): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/news',
      operationId: 'listNews',
      tag: 'News',
      summary: 'News items, newest first',
      description:
        'Newest first by publication (or update) date; items without any date come last. Filter by ' +
        '`zone`, by `layer` (the zones of that layer), by `lang` and by `topic`. Pass `nextCursor` back as ' +
        '`cursor` for the next page: pages stay stable while items are added, so none is seen twice or ' +
        'skipped. Cached for a minute, then revalidated with the `ETag`.',
      query: NewsQuery,
      responses: {
        200: { description: 'One page of news.', schema: NewsPage },
        400: {
          description: '`INVALID_QUERY`: a malformed parameter or cursor, or an unknown zone or layer.',
          schema: Problem,
        },
      },
      examples: [
        '/v1/news?zone=bxl-sud&limit=10',
        '/v1/news?layer=bxl-care-zones&lang=nl',
        '/v1/news?cursor=nope',
      ],
      handler: async (c, { query }) => {
        const page = await listNews(storage.db, {
          zones: zonesOfQuery(directory, query),
          language: query.lang,
          topic: query.topic,
          after: newsCursor(query.cursor),
          limit: query.limit,
        });
        return cachedJson(c, page satisfies NewsPage);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/news/{id}',
      operationId: 'getNewsItem',
      tag: 'News',
      summary: 'One news item, with its sanitised HTML body',
      params: NewsParams,
      responses: {
        200: { description: 'The item.', schema: NewsItem },
        400: INVALID_ID_RESPONSE,
        404: { description: '`NOT_FOUND`: no such item.', schema: Problem },
      },
      examples: ['/v1/news/3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b'],
      handler: async (c, { params: { id } }) => {
        const item = await getNewsItem(storage.db, id);
        if (!item) throw newsNotFound(id);
        return cachedJson(c, item satisfies NewsItem);
      },
    }),
  ];
}
