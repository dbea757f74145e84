import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LIMITS, NewsItem, NewsPage } from '@carezone/contract';
import { parseFeed } from 'feedsmith';
import type { Hono } from 'hono';
import { importFeed } from '../news/import/import-feed.js';
import { referenceZoneIds } from '../news/test-helpers/news-storage.js';
import { REFERENCE_FEEDS, REFERENCE_IDS } from '../news/test-helpers/reference-news.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import type { Storage } from '../storage/storage.js';
import { createTestApp } from '../test-helpers/app.js';
import { problemOf, staffRequest } from '../test-helpers/http.js';
import { createTestStaffTokens, type TestStaffTokens } from '../test-helpers/staff-tokens.js';

let app: Hono;
let storage: Storage;
let close: () => Promise<void>;
let tokens: TestStaffTokens;

const BASE = 'http://carezone.test';
const get = (path: string, headers: Record<string, string> = {}) =>
  app.request(`${BASE}${path}`, { headers });
const send = (method: string, path: string, token: string | undefined, body?: unknown) =>
  staffRequest(app, method, `${BASE}${path}`, token, body);
const page = async (path: string) => {
  const response = await get(path);
  assert.equal(response.status, 200, path);
  return NewsPage.parse(await response.json());
};
const problem = async (response: Response, status: number, code: string) => {
  const body = await problemOf(response, status);
  assert.equal(body.code, code);
  return body;
};
const input = (overrides: Record<string, unknown> = {}) => ({
  title: 'Infosessie diabetes in Vorst',
  bodyHtml: '<p>Het team van zorgzone Zuid geeft een infosessie.</p>',
  language: 'nl',
  zones: ['bxl-sud'],
  topics: ['diabetes'],
  ...overrides,
});

before(async () => {
  // The feeds' absolute links come from the configured public URL, not from the request.
  ({ app, storage, close } = await createTestApp([REFERENCE_PACK_DIR], { publicUrl: BASE }));
  tokens = await createTestStaffTokens(storage.db);
  await importFeed(storage, REFERENCE_FEEDS.json, {
    zones: ['bxl-nord'],
    knownZones: await referenceZoneIds(),
  });
});
after(() => close());

describe('GET /v1/news', () => {
  test('newest first, undated last, with the contract shape and caching headers', async () => {
    const response = await get('/v1/news');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('cache-control') ?? '', /max-age=60/);
    assert.match(response.headers.get('etag') ?? '', /^W\/"/);
    const { data, nextCursor } = NewsPage.parse(await response.json());
    assert.equal(nextCursor, null);
    assert.equal(data.length, 5);
    assert.deepEqual(
      data.map((item) => item.publishedAt),
      ['2024-03-21T09:00:00.000Z', '2018-08-07T10:00:00.000Z', null, null, null],
    );
  });

  test('filters by zone, layer, language and topic', async () => {
    const ofZone = await page('/v1/news?zone=bxl-sud');
    assert.deepEqual(
      ofZone.data.map((item) => item.sourceUrl).sort(),
      [REFERENCE_IDS[0], REFERENCE_IDS[1]].sort(),
    );
    const ofLayer = await page('/v1/news?layer=bxl-care-zones');
    // Every item got bxl-nord from the import, so the Brussels layer shows all five.
    assert.equal(ofLayer.data.length, 5);
    assert.equal((await page('/v1/news?zone=elz-noord-limburg')).data.length, 1);
    assert.equal((await page('/v1/news?lang=nl')).data.length, 5);
    assert.equal((await page('/v1/news?lang=fr')).data.length, 0);
    const topic = await page('/v1/news?topic=home-care');
    assert.deepEqual(
      topic.data.map((item) => item.sourceUrl),
      [REFERENCE_IDS[4]],
    );
    assert.equal((await page('/v1/news?zone=bxl-sud&topic=home-care')).data.length, 0);
  });

  test('limit bounds and bad parameters are 400 INVALID_QUERY', async () => {
    assert.equal((await page('/v1/news?limit=1')).data.length, 1);
    assert.equal((await page(`/v1/news?limit=${LIMITS.pageMax}`)).data.length, 5);
    for (const query of [
      'limit=0',
      `limit=${LIMITS.pageMax + 1}`,
      'limit=abc',
      'cursor=nope',
      'lang=xx',
      'zone=Not_A_Slug',
      'zone=atlantis',
      'layer=atlantis',
    ]) {
      await problem(await get(`/v1/news?${query}`), 400, 'INVALID_QUERY');
    }
  });

  test('pages with an opaque cursor', async () => {
    const first = await page('/v1/news?limit=2');
    assert.ok(first.nextCursor);
    const second = await page(`/v1/news?limit=2&cursor=${first.nextCursor}`);
    const third = await page(`/v1/news?limit=2&cursor=${second.nextCursor}`);
    assert.equal(third.nextCursor, null);
    const ids = [...first.data, ...second.data, ...third.data].map((item) => item.id);
    assert.deepEqual(
      ids,
      (await page('/v1/news')).data.map((item) => item.id),
    );
  });

  test('an unchanged list answers 304 to its ETag, a changed one 200', async () => {
    const first = await get('/v1/news?zone=bxl-sud');
    const etag = first.headers.get('etag') ?? '';
    const again = await get('/v1/news?zone=bxl-sud', { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), etag);
    assert.match(again.headers.get('cache-control') ?? '', /max-age=60/);
    const created = await send('POST', '/v1/news', tokens.sud, input());
    assert.equal(created.status, 201);
    const changed = await get('/v1/news?zone=bxl-sud', { 'if-none-match': etag });
    assert.equal(changed.status, 200);
    const { id } = NewsItem.parse(await created.json());
    assert.equal((await send('DELETE', `/v1/news/${id}`, tokens.sud)).status, 204);
  });
});

describe('GET /v1/news/{id}', () => {
  test('answers one item with an ETag, 404 for an unknown id and 400 for a malformed one', async () => {
    const [first] = (await page('/v1/news')).data;
    assert.ok(first);
    const response = await get(`/v1/news/${first.id}`);
    assert.equal(response.status, 200);
    assert.deepEqual(NewsItem.parse(await response.json()), first);
    const etag = response.headers.get('etag') ?? '';
    assert.equal((await get(`/v1/news/${first.id}`, { 'if-none-match': etag })).status, 304);
    await problem(await get('/v1/news/3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b'), 404, 'NOT_FOUND');
    await problem(await get('/v1/news/not-an-id'), 400, 'INVALID_QUERY');
  });
});

describe('outgoing feeds', () => {
  const formats = [
    ['json', 'application/feed+json'],
    ['atom', 'application/atom+xml'],
    ['rss', 'application/rss+xml'],
  ] as const;

  for (const [format, mediaType] of formats) {
    test(`feed.${format} is ${mediaType}, parses back, and carries the items with absolute links`, async () => {
      const response = await get(`/v1/news/feed.${format}?zone=bxl-sud`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type')?.split(';')[0], mediaType);
      assert.match(response.headers.get('cache-control') ?? '', /max-age=60/);
      const etag = response.headers.get('etag') ?? '';
      assert.ok(etag);
      const text = await response.text();
      const parsed = parseFeed(format === 'json' ? JSON.parse(text) : text);
      assert.equal(parsed.format, format);
      const feed = parsed.feed as { items?: unknown[]; entries?: unknown[] };
      const entries = (feed.items ?? feed.entries ?? []) as Record<string, unknown>[];
      assert.equal(entries.length, 2);
      assert.ok(text.includes('Infosessie bij de Sociale Coördinatie in Elsene'));
      assert.ok(text.includes(`${BASE}/v1/news/feed.${format}?zone=bxl-sud`), 'self link');
      assert.ok(text.includes(REFERENCE_IDS[0]), 'link to the source');
      assert.equal(
        (await get(`/v1/news/feed.${format}?zone=bxl-sud`, { 'if-none-match': etag })).status,
        304,
      );
      const all = await get(`/v1/news/feed.${format}`);
      assert.equal(all.status, 200);
      await problem(await get(`/v1/news/feed.${format}?zone=atlantis`), 400, 'INVALID_QUERY');
    });
  }

  test('a feed is titled in its language (lang), and then holds only the items written in it', async () => {
    const titleOf = async (query: string) =>
      (JSON.parse(await (await get(`/v1/news/feed.json${query}`)).text()) as { title: string }).title;
    assert.equal(await titleOf(''), 'Nieuws van de zorgzones', 'Dutch without lang');
    assert.equal(await titleOf('?zone=bxl-sud&lang=fr'), 'Actualités de la zone Sud');
    assert.equal(await titleOf('?zone=bxl-sud&lang=de'), 'Neuigkeiten der Zone Sud');
    const french = JSON.parse(await (await get('/v1/news/feed.json?lang=fr')).text()) as {
      language?: string;
      items: unknown[];
    };
    assert.equal(french.language, 'fr');
    assert.equal(french.items.length, 0, 'the reference news is in Dutch only');
    const atom = await (await get('/v1/news/feed.atom?lang=en')).text();
    assert.match(atom, /<title[^>]*>Care zone news<\/title>/);
    await problem(await get('/v1/news/feed.rss?lang=xx'), 400, 'INVALID_QUERY');
  });

  test('the feeds carry the sanitised HTML body as content', async () => {
    const json = JSON.parse(await (await get('/v1/news/feed.json')).text()) as {
      items: { content_html?: string; date_published?: string }[];
    };
    assert.ok(json.items.every((item) => item.content_html?.startsWith('<p>')));
    assert.equal(
      json.items.filter((item) => item.date_published === undefined).length,
      3,
      'no date invented',
    );
    const atom = await (await get('/v1/news/feed.atom')).text();
    assert.match(atom, /<content type="html">\s*<!\[CDATA\[<p>/);
  });
});

describe('staff: POST, PATCH, DELETE /v1/news', () => {
  test('a missing, malformed, unknown or revoked token is 401', async () => {
    for (const token of [undefined, 'cz_unknown', tokens.revoked]) {
      await problem(await send('POST', '/v1/news', token, input()), 401, 'UNAUTHORIZED');
    }
    const [first] = (await page('/v1/news')).data;
    assert.ok(first);
    await problem(
      await send('PATCH', `/v1/news/${first.id}`, undefined, { title: 'x' }),
      401,
      'UNAUTHORIZED',
    );
    await problem(await send('DELETE', `/v1/news/${first.id}`, tokens.revoked), 401, 'UNAUTHORIZED');
  });

  test('a zone token publishes to its own zone; another zone is 403, an unknown one 422', async () => {
    const created = await send('POST', '/v1/news', tokens.sud, input({ summary: undefined }));
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('cache-control'), 'no-store');
    const item = NewsItem.parse(await created.json());
    assert.equal(created.headers.get('location'), `/v1/news/${item.id}`);
    assert.equal(item.summary, 'Het team van zorgzone Zuid geeft een infosessie.');
    assert.ok(item.publishedAt, 'published now');
    assert.deepEqual((await page('/v1/news?limit=1')).data[0]?.id, item.id, 'newest first');

    await problem(
      await send('POST', '/v1/news', tokens.sud, input({ zones: ['bxl-nord'] })),
      403,
      'FORBIDDEN',
    );
    await problem(
      await send('POST', '/v1/news', tokens.sud, input({ zones: ['bxl-sud', 'bxl-nord'] })),
      403,
      'FORBIDDEN',
    );
    await problem(
      await send('POST', '/v1/news', tokens.network, input({ zones: ['atlantis'] })),
      422,
      'VALIDATION_FAILED',
    );
    await problem(await send('POST', '/v1/news', tokens.sud, input({ title: '' })), 422, 'VALIDATION_FAILED');
    const network = await send('POST', '/v1/news', tokens.network, input({ zones: ['bxl-nord', 'bxl-sud'] }));
    assert.equal(network.status, 201);
  });

  test('PATCH changes an own item; another zone’s item is 404; moving it away is 403', async () => {
    const item = NewsItem.parse(await (await send('POST', '/v1/news', tokens.sud, input())).json());
    const changed = await send('PATCH', `/v1/news/${item.id}`, tokens.sud, {
      title: 'Nieuwe datum',
      bodyHtml: '<p>Nu op 21 maart.</p>',
    });
    assert.equal(changed.status, 200);
    const after = NewsItem.parse(await changed.json());
    assert.equal(after.title, 'Nieuwe datum');
    assert.equal(after.bodyHtml, '<p>Nu op 21 maart.</p>');
    assert.deepEqual(after.zones, ['bxl-sud']);
    assert.ok(after.updatedAt);
    assert.deepEqual(NewsItem.parse(await (await get(`/v1/news/${item.id}`)).json()), after);

    await problem(await send('PATCH', `/v1/news/${item.id}`, tokens.nord, { title: 'x' }), 404, 'NOT_FOUND');
    await problem(
      await send('PATCH', `/v1/news/${item.id}`, tokens.sud, { zones: ['bxl-nord'] }),
      403,
      'FORBIDDEN',
    );
    await problem(
      await send('PATCH', '/v1/news/3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', tokens.network, { title: 'x' }),
      404,
      'NOT_FOUND',
    );
    const moved = await send('PATCH', `/v1/news/${item.id}`, tokens.network, { zones: ['bxl-nord'] });
    assert.deepEqual(NewsItem.parse(await moved.json()).zones, ['bxl-nord']);
  });

  test('PATCH with null clears an optional field; a field left out stays; a required one cannot be cleared', async () => {
    const item = NewsItem.parse(
      await (
        await send(
          'POST',
          '/v1/news',
          tokens.sud,
          input({ summary: 'Kort', author: 'Team Zuid', sourceUrl: 'https://example.be/infosessie' }),
        )
      ).json(),
    );
    const cleared = await send('PATCH', `/v1/news/${item.id}`, tokens.sud, {
      author: null,
      sourceUrl: null,
      summary: null,
    });
    assert.equal(cleared.status, 200);
    const after = NewsItem.parse(await cleared.json());
    assert.equal(after.author ?? null, null);
    assert.equal(after.sourceUrl ?? null, null);
    assert.equal(
      after.summary,
      'Het team van zorgzone Zuid geeft een infosessie.',
      'made from the body again',
    );
    assert.equal(after.bodyHtml, item.bodyHtml, 'left out, so kept');
    assert.deepEqual(after.topics, item.topics);
    await problem(
      await send('PATCH', `/v1/news/${item.id}`, tokens.sud, { title: null }),
      422,
      'VALIDATION_FAILED',
    );
  });

  test('DELETE removes an own item; another zone’s item is 404 and stays', async () => {
    const item = NewsItem.parse(await (await send('POST', '/v1/news', tokens.sud, input())).json());
    await problem(await send('DELETE', `/v1/news/${item.id}`, tokens.nord), 404, 'NOT_FOUND');
    assert.equal((await get(`/v1/news/${item.id}`)).status, 200);
    const deleted = await send('DELETE', `/v1/news/${item.id}`, tokens.sud);
    assert.equal(deleted.status, 204);
    await problem(await get(`/v1/news/${item.id}`), 404, 'NOT_FOUND');
    await problem(await send('DELETE', `/v1/news/${item.id}`, tokens.sud), 404, 'NOT_FOUND');
    const rows = await storage.db
      .selectFrom('news_item_zones')
      .select('news_id')
      .where('news_id', '=', item.id)
      .execute();
    assert.deepEqual(rows, []);
  });
});
