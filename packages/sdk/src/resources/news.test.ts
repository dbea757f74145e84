import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { composeClient, createClient, createTransport } from '../client.js';
import { sendJson, serverPerTest } from '../test-helpers/http-server.js';
import { newsResource } from './news.js';
import { placesResource } from './places.js';

// The news calls against a local server that records what it receives; against the real server
// they are tested with the news API (tests/sdk).
const serve = serverPerTest();

const item = (id: string) => ({
  id,
  title: `Item ${id}`,
  summary: 'A summary.',
  bodyHtml: null,
  language: 'nl',
  publishedAt: null,
  updatedAt: null,
  author: null,
  zones: ['bxl-sud'],
  topics: [],
  image: null,
  sourceUrl: null,
});

describe('news', () => {
  test('list sends the filters and validates the page', async () => {
    const server = await serve((_request, response) =>
      sendJson(response, 200, { data: [item('a')], nextCursor: 'c2' }),
    );
    const page = await createClient({ baseUrl: server.url }).news.list({
      zone: 'bxl-sud',
      lang: 'fr',
      limit: 5,
    });
    assert.equal(page.nextCursor, 'c2');
    assert.equal(page.data[0]?.title, 'Item a');
    assert.equal(server.requests[0]?.url, '/v1/news?zone=bxl-sud&lang=fr&limit=5');
  });

  test('pages yields every page, following the cursors', async () => {
    const server = await serve((request, response) => {
      const cursor = new URL(request.url ?? '', 'http://x').searchParams.get('cursor');
      const next = cursor === null ? 'p2' : cursor === 'p2' ? 'p3' : null;
      sendJson(response, 200, { data: [item(cursor ?? 'p1')], nextCursor: next });
    });
    const seen: string[] = [];
    for await (const page of createClient({ baseUrl: server.url }).news.pages({ topic: 'diabetes' }))
      seen.push(...page.data.map((entry) => entry.id));
    assert.deepEqual(seen, ['p1', 'p2', 'p3']);
    assert.ok(server.requests.every((request) => request.url.includes('topic=diabetes')));
  });

  test('get asks for one item by its encoded id', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, item('x/y')));
    const news = await createClient({ baseUrl: server.url }).news.get('x/y');
    assert.equal(news.id, 'x/y');
    assert.equal(server.requests[0]?.url, '/v1/news/x%2Fy');
  });
});

describe('composeClient', () => {
  test('makes only the resources named, over one transport', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, { query: 'a', data: [] }));
    const client = composeClient(createTransport({ baseUrl: server.url }), {
      places: placesResource,
      news: newsResource,
    });
    assert.deepEqual(Object.keys(client), ['places', 'news']);
    assert.deepEqual(await client.places.search('a'), []);
  });
});
