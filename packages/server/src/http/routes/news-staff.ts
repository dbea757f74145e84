import { NewsInput, NewsItem, NewsPatch, Problem } from '@carezone/contract';
import type { Context } from 'hono';
import { NewsContentError } from '../../news/items/content-limits.js';
import type { NewsDraft, PreparedNewsItem } from '../../news/items/news-draft.js';
import { prepareNewsItem } from '../../news/items/prepare-item.js';
import { toNewsItem } from '../../news/publish/rows.js';
import { createNewsItem, deleteNewsItem, updateNewsItem } from '../../news/publish/store.js';
import type { Storage } from '../../storage/storage.js';
import type { ZoneDirectory } from '../../zones/zone-directory.js';
import { NO_STORE } from '../caching.js';
import { jsonBodyLimit, jsonBodyResponses, readJsonBody, requireJsonContentType } from '../json-body.js';
import { invalidBody, ProblemError } from '../problem.js';
import {
  defineRoute,
  INVALID_ID_OR_BODY_RESPONSE,
  INVALID_ID_RESPONSE,
  type RouteSpec,
} from '../route-spec.js';
import { requireStaffToken, staffNotFoundResponse, staffOf, UNAUTHORIZED_RESPONSE } from '../staff-auth.js';
import { NewsParams, newsNotFound } from './news.js';

/** A body of up to 200,000 characters (the contract's limit) in JSON, with room for escapes. */
const MAX_NEWS_BODY_BYTES = 1024 * 1024;
const EXAMPLE_ID = '3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const AUTHORIZATION = { Authorization: 'Bearer cz_your_staff_token' };

const EXAMPLE_INPUT = {
  title: 'Infosessie diabetes in Vorst',
  bodyHtml: '<p>Het team van zorgzone Zuid geeft op 14 maart een infosessie over diabetes.</p>',
  language: 'nl',
  zones: ['bxl-sud'],
  topics: ['diabetes'],
} satisfies NewsInput;

const BODY_PROBLEMS = {
  ...jsonBodyResponses(MAX_NEWS_BODY_BYTES),
  400: { description: '`VALIDATION_FAILED`: the body is not JSON.', schema: Problem },
  422: {
    description:
      '`VALIDATION_FAILED`: the body breaks a rule (HTML nested more than 256 elements deep, an item of ' +
      'more than 250,000 characters in all) or names a zone that is not loaded.',
    schema: Problem,
  },
};

function checkZones(
  zones: readonly string[] | undefined,
  directory: ZoneDirectory,
  tokenZone: string | null,
) {
  if (zones === undefined) return;
  const unknown = zones.flatMap((zone, i) =>
    directory.zone(zone)
      ? []
      : [{ path: `zones.${i}`, code: 'unknown_zone', message: `no zone "${zone}" is loaded` }],
  );
  if (unknown.length > 0) throw invalidBody(unknown);
  if (tokenZone !== null && zones.some((zone) => zone !== tokenZone)) {
    throw new ProblemError(403, 'FORBIDDEN', `this token may only publish news of zone "${tokenZone}"`);
  }
}

/**
 * Lets a zone token change or delete only an item of its own zone alone. An item of other zones
 * only is "not found", as before; one it shares with other zones (a network item) it can see in
 * its list but not change: moving it or taking it down would change the other zones' news too.
 */
function checkMayChange(current: PreparedNewsItem, id: string, tokenZone: string | null): void {
  if (tokenZone === null) return;
  if (!current.zones.includes(tokenZone)) throw newsNotFound(id);
  const others = current.zones.filter((zone) => zone !== tokenZone);
  if (others.length > 0) {
    throw new ProblemError(
      403,
      'FORBIDDEN',
      `news item "${id}" also belongs to other zones (${others.join(', ')}): only a network token may change or delete it`,
    );
  }
}

/**
 * `prepareNewsItem`, with an item over the content limits (too long in all, or HTML nested too
 * deep) answered as the validation problem it is, naming the field.
 */
function prepareOrReject(draft: NewsDraft): PreparedNewsItem {
  try {
    return prepareNewsItem(draft);
  } catch (error) {
    if (!(error instanceof NewsContentError)) throw error;
    throw invalidBody([{ path: error.field ?? '', code: error.code, message: error.message }]);
  }
}

/** A field of a patch: left out, the item's value stays; `null` clears it. */
function field<T>(given: T | null | undefined, current: T | null | undefined): T | undefined {
  return given === null ? undefined : (given ?? current ?? undefined);
}

/** The stored item with a patch applied; the result is prepared (sanitised) like any new item. */
function patched(current: PreparedNewsItem, patch: NewsPatch): PreparedNewsItem {
  const draft: NewsDraft = {
    sourceId: current.sourceId,
    title: patch.title ?? current.title,
    // A cleared summary is made from the body again, as for a new item.
    summary: patch.summary === null ? undefined : (patch.summary ?? current.summary),
    bodyHtml: field(patch.bodyHtml, current.bodyHtml),
    language: patch.language ?? current.language ?? undefined,
    publishedAt: field(patch.publishedAt, current.publishedAt),
    updatedAt: new Date().toISOString(),
    author: field(patch.author, current.author),
    zones: patch.zones ?? current.zones,
    topics: field(patch.topics, current.topics) ?? [],
    image: field(patch.image, current.image),
    sourceUrl: field(patch.sourceUrl, current.sourceUrl),
  };
  return prepareOrReject(draft);
}

function staffJson(
  c: Context,
  item: NewsItem,
  status: 200 | 201 = 200,
  headers: Record<string, string> = {},
) {
  return c.json(item, status, { 'cache-control': NO_STORE, ...headers });
}

export function newsStaffRoutes(directory: ZoneDirectory, storage: Storage): RouteSpec[] {
  const authenticate = requireStaffToken(storage.db);
  const jsonBody = [requireJsonContentType(), jsonBodyLimit(MAX_NEWS_BODY_BYTES)];
  return [
    defineRoute({
      method: 'post',
      path: '/v1/news',
      operationId: 'createNewsItem',
      tag: 'Staff',
      summary: 'Publish a news item',
      description:
        'A zone token publishes to its own zone only (any other zone is a 403); a network token to any ' +
        'loaded zone. The body HTML is sanitised with the same allow-list as imported feeds; the summary ' +
        'is derived from it when none is given, and `publishedAt` defaults to now.',
      body: { description: 'The item.', schema: NewsInput },
      security: 'bearer',
      responses: {
        201: { description: 'Published, as stored (sanitised).', schema: NewsItem },
        ...BODY_PROBLEMS,
        401: UNAUTHORIZED_RESPONSE,
        403: { description: '`FORBIDDEN`: the token belongs to another zone.', schema: Problem },
      },
      examples: [{ method: 'post', path: '/v1/news', headers: AUTHORIZATION, body: EXAMPLE_INPUT }],
      middleware: [authenticate, ...jsonBody],
      handler: async (c) => {
        const staff = staffOf(c);
        const input = await readJsonBody(c, NewsInput);
        checkZones(input.zones, directory, staff.zone);
        const now = new Date();
        const item = prepareOrReject({
          sourceId: null,
          ...input,
          publishedAt: input.publishedAt ?? now.toISOString(),
        });
        const row = await createNewsItem(storage, item, now);
        return staffJson(c, toNewsItem(row), 201, { location: `/v1/news/${row.id}` });
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/v1/news/{id}',
      operationId: 'updateNewsItem',
      tag: 'Staff',
      summary: 'Change a news item',
      description:
        'The fields given replace the item’s; `updatedAt` becomes now. A zone token may change only items ' +
        'of its own zone alone, and keep them in its zone; an item it shares with other zones is the ' +
        'network’s (403). An imported item changed here keeps this version: later imports of its feed ' +
        'leave it as it is.',
      params: NewsParams,
      body: {
        description:
          'Any fields of `NewsInput`; those left out stay as they are, and `null` clears an optional one.',
        schema: NewsPatch,
      },
      security: 'bearer',
      responses: {
        200: { description: 'The item as changed.', schema: NewsItem },
        ...BODY_PROBLEMS,
        400: INVALID_ID_OR_BODY_RESPONSE,
        401: UNAUTHORIZED_RESPONSE,
        403: {
          description:
            '`FORBIDDEN`: the new zones are not the token’s, or the item also belongs to other zones.',
          schema: Problem,
        },
        404: staffNotFoundResponse('item'),
      },
      examples: [
        {
          method: 'patch',
          path: `/v1/news/${EXAMPLE_ID}`,
          headers: AUTHORIZATION,
          body: { title: 'Nieuwe datum' },
        },
      ],
      middleware: [authenticate, ...jsonBody],
      handler: async (c, { params: { id } }) => {
        const { zone } = staffOf(c);
        const patch = await readJsonBody(c, NewsPatch);
        checkZones(patch.zones, directory, zone);
        const row = await updateNewsItem(storage, id, (current) => {
          checkMayChange(current, id, zone);
          return patched(current, patch);
        });
        if (!row) throw newsNotFound(id);
        return staffJson(c, toNewsItem(row));
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/news/{id}',
      operationId: 'deleteNewsItem',
      tag: 'Staff',
      summary: 'Delete a news item',
      description:
        'A deleted imported item stays deleted: later imports of its feed leave it out. A zone token may ' +
        'delete only items of its own zone alone; an item it shares with other zones is the network’s (403).',
      params: NewsParams,
      security: 'bearer',
      responses: {
        204: { description: 'Deleted.' },
        400: INVALID_ID_RESPONSE,
        401: UNAUTHORIZED_RESPONSE,
        403: {
          description: '`FORBIDDEN`: the item also belongs to zones other than the token’s.',
          schema: Problem,
        },
        404: staffNotFoundResponse('item'),
      },
      examples: [{ method: 'delete', path: `/v1/news/${EXAMPLE_ID}`, headers: AUTHORIZATION }],
      middleware: [authenticate],
      handler: async (c, { params: { id } }) => {
        const { zone } = staffOf(c);
        if (!(await deleteNewsItem(storage, id, (current) => checkMayChange(current, id, zone)))) {
          throw newsNotFound(id);
        }
        return c.body(null, 204, { 'cache-control': NO_STORE });
      },
    }),
  ];
}
