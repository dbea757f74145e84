// The SDK's news calls against the real server over real HTTP: items published with a staff token,
// read back a page at a time and through the page iterator, and one by one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type CarezoneClient, createClient, isApiError } from '@carezone/sdk';
import { createLogger, type RunningServer, startServer } from '@carezone/server';
import { createStaffToken } from '../../packages/server/src/staff/tokens.js';

let server: RunningServer;
let client: CarezoneClient;
const published: string[] = [];

async function publish(title: string, zone: string, publishedAt: string, token: string): Promise<string> {
  const response = await fetch(`${server.url}/v1/news`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      title,
      summary: `About ${title}.`,
      bodyHtml: `<p>${title}, in full.</p><script>alert(1)</script>`,
      language: 'nl',
      publishedAt,
      zones: [zone],
      topics: ['diabetes'],
    }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { id: string }).id;
}

before(async () => {
  server = await startServer({ port: 0, dataDir: ':memory:', mail: false, logger: createLogger('silent') });
  const { token } = await createStaffToken(server.storage.db, { zone: null, label: 'network' });
  for (let day = 1; day <= 5; day++)
    published.push(
      await publish(
        `Infosessie ${day}`,
        day % 2 ? 'bxl-sud' : 'bxl-nord',
        `2026-10-0${day}T09:00:00Z`,
        token,
      ),
    );
  client = createClient({ baseUrl: server.url, retry: 0 });
});
after(() => server.close());

describe('news against the real server', () => {
  test('list gives one page, newest first, filtered by zone', async () => {
    const page = await client.news.list({ zone: 'bxl-sud', limit: 2 });
    assert.deepEqual(
      page.data.map((item) => item.title),
      ['Infosessie 5', 'Infosessie 3'],
    );
    assert.ok(page.nextCursor);
  });

  test('pages walks every page once', async () => {
    const titles: string[] = [];
    for await (const page of client.news.pages({ limit: 2 }))
      titles.push(...page.data.map((item) => item.title));
    assert.deepEqual(titles, [
      'Infosessie 5',
      'Infosessie 4',
      'Infosessie 3',
      'Infosessie 2',
      'Infosessie 1',
    ]);
  });

  test('get gives one item with its sanitised body; an unknown id is NOT_FOUND', async () => {
    const item = await client.news.get(published[0] ?? '');
    assert.equal(item.title, 'Infosessie 1');
    assert.ok(item.bodyHtml?.includes('in full'));
    assert.ok(!item.bodyHtml?.includes('<script'), 'the body was sanitised on the way in');
    const error = await client.news
      .get('00000000-0000-4000-8000-000000000000')
      .catch((caught: unknown) => caught);
    assert.ok(isApiError(error) && error.code === 'NOT_FOUND');
  });
});
