import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { NewsItem } from '@carezone/contract';
import type { Hono } from 'hono';
import { createLogger } from '../logger.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import type { Storage } from '../storage/storage.js';
import {
  freshStorages,
  postgresTarget,
  type StorageTarget,
  sqliteTarget,
} from '../storage/test-helpers/storage-targets.js';
import { problemOf, staffRequest } from '../test-helpers/http.js';
import { createTestStaffTokens, type TestStaffTokens } from '../test-helpers/staff-tokens.js';
import { loadZoneDirectory } from '../zones/load-zone-directory.js';
import { createApp } from './app.js';

const BASE = 'http://carezone.test';
const SHARED = { title: 'Netwerkdag Noord en Zuid', language: 'nl', zones: ['bxl-nord', 'bxl-sud'] };

function scopeSuite(target: StorageTarget) {
  describe(`staff news: what a zone token may change, on ${target.kind}`, () => {
    const fresh = freshStorages(target);
    let app: Hono;
    let storage: Storage;
    let tokens: TestStaffTokens;

    before(async () => {
      storage = await fresh();
      const directory = await loadZoneDirectory([REFERENCE_PACK_DIR]);
      app = createApp({ directory, storage, logger: createLogger('silent'), version: '0.0.0-test' });
      tokens = await createTestStaffTokens(storage.db);
    });

    const send = (method: string, path: string, token: string, body?: unknown) =>
      staffRequest(app, method, `${BASE}${path}`, token, body);
    const publish = async (token: string, body: Record<string, unknown>) => {
      const response = await send('POST', '/v1/news', token, body);
      assert.equal(response.status, 201);
      return NewsItem.parse(await response.json());
    };
    const read = async (id: string) =>
      NewsItem.parse(await (await app.request(`${BASE}/v1/news/${id}`)).json());
    const forbidden = async (response: Response) => {
      const problem = await problemOf(response, 403);
      assert.equal(problem.code, 'FORBIDDEN');
      assert.match(problem.detail ?? '', /also belongs to other zones/);
    };

    test('a network item of two zones cannot be changed, moved or deleted by either zone token', async () => {
      const shared = await publish(tokens.network, SHARED);
      for (const [token, zone] of [
        [tokens.sud, 'bxl-sud'],
        [tokens.nord, 'bxl-nord'],
      ] as const) {
        await forbidden(await send('PATCH', `/v1/news/${shared.id}`, token, { title: 'Overgenomen' }));
        // Its own zone only: the item would leave the other zone's news.
        await forbidden(await send('PATCH', `/v1/news/${shared.id}`, token, { zones: [zone] }));
        await forbidden(await send('DELETE', `/v1/news/${shared.id}`, token));
      }
      assert.deepEqual(await read(shared.id), shared, 'unchanged, in both zones');
      const remembered = await storage.db.selectFrom('news_deleted_sources').selectAll().execute();
      assert.deepEqual(remembered, []);
    });

    test('the network token still changes and deletes it; a zone token its own zone’s items', async () => {
      const shared = await publish(tokens.network, SHARED);
      const renamed = await send('PATCH', `/v1/news/${shared.id}`, tokens.network, { title: 'Netwerkdag' });
      assert.equal(renamed.status, 200);
      assert.equal(NewsItem.parse(await renamed.json()).title, 'Netwerkdag');
      assert.equal((await send('DELETE', `/v1/news/${shared.id}`, tokens.network)).status, 204);

      const own = await publish(tokens.sud, { ...SHARED, zones: ['bxl-sud'] });
      const changed = await send('PATCH', `/v1/news/${own.id}`, tokens.sud, { title: 'Eigen nieuws' });
      assert.equal(changed.status, 200);
      assert.equal((await send('DELETE', `/v1/news/${own.id}`, tokens.sud)).status, 204);
    });

    test('an item of another zone only is still not found for a zone token', async () => {
      const other = await publish(tokens.network, { ...SHARED, zones: ['bxl-nord'] });
      const patched = await send('PATCH', `/v1/news/${other.id}`, tokens.sud, { title: 'x' });
      assert.equal((await problemOf(patched, 404)).code, 'NOT_FOUND');
      assert.equal((await send('DELETE', `/v1/news/${other.id}`, tokens.sud)).status, 404);
      assert.deepEqual(await read(other.id), other);
    });
  });
}

scopeSuite(sqliteTarget());
scopeSuite(postgresTarget());
