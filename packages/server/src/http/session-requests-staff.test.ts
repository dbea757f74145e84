import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SessionRequest, SessionRequestCreated, SessionRequestPage } from '@carezone/contract';
import type { Hono } from 'hono';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { SAMPLE_PERSONAL_DATA, sampleInput } from '../session-requests/test-helpers/sample-input.js';
import type { Storage } from '../storage/storage.js';
import { createTestApp } from '../test-helpers/app.js';
import { problemOf, staffRequest } from '../test-helpers/http.js';
import { memoryLogger } from '../test-helpers/memory-logger.js';
import { postSessionRequest } from '../test-helpers/session-request-requests.js';
import { createTestStaffTokens, type TestStaffTokens } from '../test-helpers/staff-tokens.js';

let app: Hono;
let storage: Storage;
let close: () => Promise<void>;
const log = memoryLogger();
let tokens: TestStaffTokens;
/** Ids of the stored requests per zone, newest first. */
const ids: Record<'bxl-sud' | 'bxl-nord', string[]> = { 'bxl-sud': [], 'bxl-nord': [] };

before(async () => {
  ({ app, storage, close } = await createTestApp([REFERENCE_PACK_DIR], {
    logger: log.logger,
    rateLimits: { perAddress: 'off', perZone: 'off' },
  }));
  tokens = await createTestStaffTokens(storage.db);
  for (const zone of ['bxl-sud', 'bxl-nord', 'bxl-sud', 'bxl-sud', 'bxl-nord'] as const) {
    const response = await postSessionRequest(app, sampleInput({ zone }));
    ids[zone].unshift(SessionRequestCreated.parse(await response.json()).id);
    // Distinct creation times keep "newest first" unambiguous.
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
});
after(async () => {
  const text = log.text();
  assert.ok(log.lines.length > 10);
  for (const secret of [...SAMPLE_PERSONAL_DATA, ...Object.values(tokens)]) {
    assert.ok(!text.includes(secret), `"${secret}" in the log`);
  }
  await close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const get = (path: string, token?: string) => staffRequest(app, 'GET', path, token);
const patch = (id: string, body: unknown, token: string) =>
  staffRequest(app, 'PATCH', `/v1/session-requests/${id}`, token, body);

async function pageOf(response: Response) {
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  return SessionRequestPage.parse(await response.json());
}

const first = (zone: 'bxl-sud' | 'bxl-nord', index = 0) => {
  const id = ids[zone][index];
  assert.ok(id);
  return id;
};

describe('staff authentication', () => {
  const paths = () => ['/v1/session-requests', `/v1/session-requests/${first('bxl-sud')}`];

  test('no token is 401 with a Bearer challenge', async () => {
    for (const path of paths()) {
      const response = await get(path);
      assert.equal((await problemOf(response, 401)).code, 'UNAUTHORIZED');
      assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="carezone"');
      assert.equal(response.headers.get('cache-control'), 'no-store');
    }
    const response = await app.request(`/v1/session-requests/${first('bxl-sud')}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{"status":"planned"}',
    });
    assert.equal((await problemOf(response, 401)).code, 'UNAUTHORIZED');
  });

  test('a malformed Authorization header is 401 invalid_request', async () => {
    for (const header of [
      'Basic dXNlcjpwYXNz',
      'Bearer',
      `Token ${tokens.sud}`,
      `Bearer ${tokens.sud} extra`,
      tokens.sud,
    ]) {
      const response = await app.request('/v1/session-requests', { headers: { authorization: header } });
      assert.equal((await problemOf(response, 401)).code, 'UNAUTHORIZED', header);
      assert.match(response.headers.get('www-authenticate') ?? '', /error="invalid_request"/, header);
    }
  });

  test('an unknown or revoked token is 401 invalid_token', async () => {
    for (const token of [`cz_${'A'.repeat(43)}`, 'not-even-a-token', tokens.revoked]) {
      const response = await get('/v1/session-requests', token);
      assert.equal((await problemOf(response, 401)).code, 'UNAUTHORIZED');
      assert.match(response.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    }
    const patched = await patch(first('bxl-sud'), { status: 'planned' }, tokens.revoked);
    assert.equal(patched.status, 401);
  });

  test('the scheme is case-insensitive', async () => {
    const response = await app.request('/v1/session-requests', {
      headers: { authorization: `bearer ${tokens.sud}` },
    });
    assert.equal(response.status, 200);
  });
});

describe('GET /v1/session-requests', () => {
  test('a zone token lists its own zone, newest first, in the contract shape', async () => {
    const response = await get('/v1/session-requests', tokens.sud);
    const raw = (await response.clone().json()) as { data: Record<string, unknown>[] };
    assert.ok(
      raw.data.length > 0 && raw.data.every((request) => !('zone' in request)),
      'exactly the contract shape',
    );
    const page = await pageOf(response);
    assert.deepEqual(
      page.data.map((request) => request.id),
      ids['bxl-sud'],
    );
    assert.ok(page.data.every((request) => request.request.zone === 'bxl-sud'));
    assert.equal(page.nextCursor, null);
    const same = await pageOf(await get('/v1/session-requests?zone=bxl-sud', tokens.sud));
    assert.equal(same.data.length, 3);
  });

  test('a zone token asking for another zone is 403', async () => {
    const problem = await problemOf(await get('/v1/session-requests?zone=bxl-nord', tokens.sud), 403);
    assert.equal(problem.code, 'FORBIDDEN');
  });

  test('a network token lists every zone, or the one asked', async () => {
    const all = await pageOf(await get('/v1/session-requests', tokens.network));
    assert.equal(all.data.length, 5);
    const nord = await pageOf(await get('/v1/session-requests?zone=bxl-nord', tokens.network));
    assert.deepEqual(
      nord.data.map((request) => request.id),
      ids['bxl-nord'],
    );
  });

  test('pages follow the cursor without loss or repeat', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const page = await pageOf(await get(`/v1/session-requests?limit=2${query}`, tokens.network));
      assert.ok(page.data.length <= 2);
      seen.push(...page.data.map((request) => request.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    assert.equal(seen.length, 5);
    assert.equal(new Set(seen).size, 5);
  });

  test('malformed queries are 400 INVALID_QUERY', async () => {
    for (const query of [
      'limit=0',
      'limit=101',
      'limit=abc',
      'status=lost',
      'cursor=garbage',
      'zone=Not_A_Slug',
    ]) {
      const problem = await problemOf(await get(`/v1/session-requests?${query}`, tokens.network), 400);
      assert.equal(problem.code, 'INVALID_QUERY', query);
    }
  });
});

describe('GET /v1/session-requests/{id}', () => {
  test('a request of the token’s zone, with its history, not cached', async () => {
    const response = await get(`/v1/session-requests/${first('bxl-sud')}`, tokens.sud);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const request = SessionRequest.parse(await response.json());
    assert.equal(request.id, first('bxl-sud'));
    assert.equal(request.request.contact.email, sampleInput().contact.email);
    assert.equal(request.history.length, 1);
  });

  test('another zone’s request is 404, as if it did not exist; a network token sees it', async () => {
    const problem = await problemOf(await get(`/v1/session-requests/${first('bxl-nord')}`, tokens.sud), 404);
    assert.equal(problem.code, 'NOT_FOUND');
    const missing = await problemOf(
      await get('/v1/session-requests/00000000-0000-4000-8000-000000000000', tokens.sud),
      404,
    );
    assert.equal(missing.detail?.replace(/"[^"]+"/, '"…"'), problem.detail?.replace(/"[^"]+"/, '"…"'));
    assert.equal((await get(`/v1/session-requests/${first('bxl-nord')}`, tokens.network)).status, 200);
    assert.equal((await get('/v1/session-requests/not-a-uuid', tokens.network)).status, 400);
  });
});

describe('PATCH /v1/session-requests/{id}', () => {
  test('received → planned → done, with notes in the history', async () => {
    const id = first('bxl-sud', 0);
    const planned = await patch(id, { status: 'planned', note: '  Tuesday 14 March, 10:00  ' }, tokens.sud);
    assert.equal(planned.status, 200);
    assert.equal(planned.headers.get('cache-control'), 'no-store');
    const afterPlanned = SessionRequest.parse(await planned.json());
    assert.equal(afterPlanned.status, 'planned');
    assert.equal(afterPlanned.history.at(-1)?.note, 'Tuesday 14 March, 10:00');
    const done = SessionRequest.parse(await (await patch(id, { status: 'done' }, tokens.network)).json());
    assert.deepEqual(
      done.history.map((entry) => [entry.status, entry.note, entry.by]),
      [
        ['received', null, null],
        ['planned', 'Tuesday 14 March, 10:00', 'Sud'],
        ['done', null, 'Network'],
      ],
    );
    const stored = SessionRequest.parse(await (await get(`/v1/session-requests/${id}`, tokens.sud)).json());
    assert.deepEqual(stored, done);
  });

  test('a move the workflow does not allow is 409 with a clear detail', async () => {
    const id = first('bxl-sud', 1);
    const skip = await problemOf(await patch(id, { status: 'done' }, tokens.sud), 409);
    assert.equal(skip.code, 'CONFLICT');
    assert.equal(skip.detail, 'a received request cannot become done: it can become planned or declined');
    assert.equal(
      (await patch(id, { status: 'declined', note: 'no trainer available' }, tokens.sud)).status,
      200,
    );
    const afterDecline = await problemOf(await patch(id, { status: 'planned' }, tokens.sud), 409);
    assert.equal(afterDecline.detail, 'a declined request cannot become planned: it cannot change any more');
    const same = await problemOf(await patch(first('bxl-sud', 2), { status: 'received' }, tokens.sud), 409);
    assert.equal(same.code, 'CONFLICT');
  });

  test('another zone’s request is 404 and stays unchanged', async () => {
    const id = first('bxl-nord');
    assert.equal(
      (await problemOf(await patch(id, { status: 'planned' }, tokens.sud), 404)).code,
      'NOT_FOUND',
    );
    const request = SessionRequest.parse(await (await get(`/v1/session-requests/${id}`, tokens.nord)).json());
    assert.equal(request.status, 'received');
    assert.equal((await patch(id, { status: 'planned' }, tokens.nord)).status, 200);
  });

  test('bad bodies: 422 for a wrong status, 400 for broken JSON, 415 for another type', async () => {
    const id = first('bxl-sud', 2);
    const wrong = await problemOf(await patch(id, { status: 'lost' }, tokens.sud), 422);
    assert.equal(wrong.errors?.[0]?.path, 'status');
    const long = await problemOf(
      await patch(id, { status: 'planned', note: 'x'.repeat(2001) }, tokens.sud),
      422,
    );
    assert.equal(long.errors?.[0]?.path, 'note');
    const broken = await app.request(`/v1/session-requests/${id}`, {
      method: 'PATCH',
      headers: { ...bearer(tokens.sud), 'content-type': 'application/json' },
      body: '{',
    });
    assert.equal((await problemOf(broken, 400)).code, 'VALIDATION_FAILED');
    const form = await app.request(`/v1/session-requests/${id}`, {
      method: 'PATCH',
      headers: { ...bearer(tokens.sud), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'status=planned',
    });
    assert.equal((await problemOf(form, 415)).code, 'UNSUPPORTED_MEDIA_TYPE');
  });
});
