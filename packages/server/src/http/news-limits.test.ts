import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { NewsItem } from '@carezone/contract';
import type { Hono } from 'hono';
import type { Storage } from '../storage/storage.js';
import { createTestApp } from '../test-helpers/app.js';
import { problemOf, staffRequest } from '../test-helpers/http.js';
import { createTestStaffTokens, type TestStaffTokens } from '../test-helpers/staff-tokens.js';

let app: Hono;
let storage: Storage;
let close: () => Promise<void>;
let tokens: TestStaffTokens;

const send = (method: string, path: string, body: unknown) =>
  staffRequest(app, method, `http://carezone.test${path}`, tokens.sud, body);
const input = { title: 'Infosessie', language: 'nl', zones: ['bxl-sud'], bodyHtml: '<p>Tekst.</p>' };
/** 199,998 characters, within the contract's body limit, nested 66,666 elements deep. */
const DEEP = '<p><b><i>'.repeat(22_222);

before(async () => {
  ({ app, storage, close } = await createTestApp());
  tokens = await createTestStaffTokens(storage.db);
});
after(() => close());

describe('staff news over the content limits', () => {
  test('POST with HTML nested too deep is 422 VALIDATION_FAILED naming the field; nothing is stored', async () => {
    const response = await send('POST', '/v1/news', { ...input, bodyHtml: DEEP });
    const problem = await problemOf(response, 422);
    assert.equal(problem.code, 'VALIDATION_FAILED');
    assert.deepEqual(problem.errors, [
      { path: 'bodyHtml', code: 'too_deep', message: 'its HTML nests elements more than 256 deep' },
    ]);
    const stored = await storage.db.selectFrom('news_items').select('id').execute();
    assert.deepEqual(stored, []);
  });

  test('PATCH with such a body or title is 422, and the item stays as it was', async () => {
    const created = await send('POST', '/v1/news', input);
    assert.equal(created.status, 201);
    const item = NewsItem.parse(await created.json());
    for (const [patch, path] of [
      [{ bodyHtml: DEEP }, 'bodyHtml'],
      [{ title: `${'<b>'.repeat(300)}Titel` }, 'title'],
    ] as const) {
      const response = await send('PATCH', `/v1/news/${item.id}`, patch);
      assert.equal((await problemOf(response, 422)).errors?.[0]?.path, path);
    }
    const now = NewsItem.parse(await (await app.request(`http://carezone.test/v1/news/${item.id}`)).json());
    assert.deepEqual(now, item);
  });
});
