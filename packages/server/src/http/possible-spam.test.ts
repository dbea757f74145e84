import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  MIN_FILL_TIME_MS,
  SessionRequest,
  SessionRequestCreated,
  type SessionRequestInput,
  SessionRequestPage,
} from '@carezone/contract';
import type { Hono } from 'hono';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { CONFIRM_REQUESTER, NOTIFY_ZONE } from '../session-requests/outbox-kinds.js';
import { REFERENCE_PATTERN } from '../session-requests/reference.js';
import { sampleInput } from '../session-requests/test-helpers/sample-input.js';
import type { Storage } from '../storage/storage.js';
import { createTestApp } from '../test-helpers/app.js';
import { problemOf, staffRequest } from '../test-helpers/http.js';
import { memoryLogger } from '../test-helpers/memory-logger.js';
import { postSessionRequest } from '../test-helpers/session-request-requests.js';
import { createTestStaffTokens, type TestStaffTokens } from '../test-helpers/staff-tokens.js';

let app: Hono;
let storage: Storage;
let close: () => Promise<void>;
let tokens: TestStaffTokens;
const log = memoryLogger();

before(async () => {
  ({ app, storage, close } = await createTestApp([REFERENCE_PACK_DIR], {
    logger: log.logger,
    rateLimits: { perAddress: 'off', perZone: 'off' },
  }));
  tokens = await createTestStaffTokens(storage.db);
});
after(async () => {
  // The honeypot's value and the form's fields stay out of the log, flagged or not.
  assert.ok(!log.text().includes('autofill.example'));
  assert.ok(!log.text().includes('Jan Janssens'));
  await close();
});

/**
 * A form as a browser's or password manager's autofill leaves it: every text field filled
 * plausibly, the hidden honeypot too (with the person's website), sent after a normal fill time.
 */
function autofilled(overrides: Partial<SessionRequestInput> = {}): SessionRequestInput {
  return sampleInput({
    organisation: { name: 'Janssens & Co', kind: 'health-service' },
    contact: { name: 'Jan Janssens', email: 'jan@janssens.example', phone: '+32 470 12 34 56' },
    otherTopic: 'Jan Janssens',
    preferredPeriod: 'Jan Janssens',
    message: 'Janssens & Co, Kerkstraat 1, 1000 Brussel',
    website: 'https://www.autofill.example',
    fillTimeMs: 20_000,
    consent: true,
    ...overrides,
  });
}

async function created(response: Response): Promise<SessionRequestCreated> {
  assert.equal(response.status, 201);
  return SessionRequestCreated.parse(await response.json());
}

const get = (path: string, token = tokens.sud) => staffRequest(app, 'GET', path, token);
const patch = (id: string, body: unknown, token = tokens.sud) =>
  staffRequest(app, 'PATCH', `/v1/session-requests/${id}`, token, body);
const remove = (id: string, token = tokens.sud) =>
  staffRequest(app, 'DELETE', `/v1/session-requests/${id}`, token);

async function listed(query = ''): Promise<string[]> {
  const response = await get(`/v1/session-requests${query}`);
  assert.equal(response.status, 200);
  return SessionRequestPage.parse(await response.json()).data.map((request) => request.id);
}

async function mailsOf(id: string): Promise<string[]> {
  const rows = await storage.db
    .selectFrom('outbox')
    .select('kind')
    .where('payload', '=', JSON.stringify({ requestId: id }))
    .orderBy('kind')
    .execute();
  return rows.map((row) => row.kind);
}

const storedCount = async () =>
  (await storage.db.selectFrom('session_requests').select('id').execute()).length;

describe('a honeypot filled by what may be autofill', () => {
  test('is stored flagged with its reference, mails no one, and is listed only when asked', async () => {
    const person = await created(await postSessionRequest(app, sampleInput()));
    const flagged = await created(await postSessionRequest(app, autofilled()));
    assert.match(flagged.reference, REFERENCE_PATTERN);
    assert.equal(flagged.status, 'received');

    const request = SessionRequest.parse(await (await get(`/v1/session-requests/${flagged.id}`)).json());
    assert.equal(request.possibleSpam, true);
    assert.equal(request.reference, flagged.reference);
    assert.equal(request.request.contact.email, 'jan@janssens.example');
    assert.equal('website' in request.request, false);
    assert.deepEqual(await mailsOf(flagged.id), []);
    assert.deepEqual(await mailsOf(person.id), [CONFIRM_REQUESTER, NOTIFY_ZONE].sort());

    assert.ok((await listed()).includes(person.id));
    assert.ok(!(await listed()).includes(flagged.id));
    assert.deepEqual(await listed('?spam=only'), [flagged.id]);
    const all = await listed('?spam=include');
    assert.ok(all.includes(flagged.id) && all.includes(person.id));
    assert.equal((await problemOf(await get('/v1/session-requests?spam=maybe'), 400)).code, 'INVALID_QUERY');
  });

  test('exactly the minimum fill time is a person’s; a retry replays the same answer', async () => {
    const input = autofilled({ fillTimeMs: MIN_FILL_TIME_MS });
    const key = 'possible-spam-retry-0001';
    const first = await postSessionRequest(app, input, { key });
    const firstBody = await first.text();
    const again = await postSessionRequest(app, input, { key });
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await again.text(), firstBody);
    const { id } = SessionRequestCreated.parse(JSON.parse(firstBody));
    assert.ok((await listed('?spam=only')).includes(id));
  });

  test('a bot’s post is still dropped: instant, or without a fill time, or without consent', async () => {
    const before = await storedCount();
    for (const input of [
      autofilled({ fillTimeMs: 0 }),
      autofilled({ fillTimeMs: MIN_FILL_TIME_MS - 1 }),
      autofilled({ fillTimeMs: undefined }),
    ]) {
      // A made-up success: the bot learns nothing, and nothing is stored.
      assert.match((await created(await postSessionRequest(app, input))).reference, REFERENCE_PATTERN);
    }
    // No consent is refused before the traps are looked at, as it always was: a person is told.
    const noConsent = { ...autofilled({ fillTimeMs: 0 }), consent: false };
    const problem = await problemOf(await postSessionRequest(app, noConsent), 422);
    assert.deepEqual(
      problem.errors?.map((error) => error.path),
      ['consent'],
    );
    assert.equal(await storedCount(), before);
  });
});

describe('staff deciding on a flagged request', () => {
  test('confirming clears the flag and queues both e-mails, once', async () => {
    const { id } = await created(await postSessionRequest(app, autofilled()));
    const confirmed = SessionRequest.parse(await (await patch(id, { possibleSpam: false })).json());
    assert.equal(confirmed.possibleSpam, false);
    assert.equal(confirmed.status, 'received');
    assert.deepEqual(await mailsOf(id), [CONFIRM_REQUESTER, NOTIFY_ZONE].sort());
    assert.ok((await listed()).includes(id));
    assert.ok(!(await listed('?spam=only')).includes(id));
    // Again: nothing more to do, and nothing queued twice.
    assert.equal((await patch(id, { possibleSpam: false })).status, 200);
    assert.equal((await mailsOf(id)).length, 2);
    assert.equal((await patch(id, { status: 'planned' })).status, 200);
  });

  test('a flagged request moves on only once confirmed, which one patch may do too', async () => {
    const { id } = await created(await postSessionRequest(app, autofilled()));
    const refused = await problemOf(await patch(id, { status: 'planned' }), 409);
    assert.equal(refused.code, 'CONFLICT');
    assert.match(refused.detail ?? '', /possible spam/);
    assert.deepEqual(await mailsOf(id), []);
    const both = SessionRequest.parse(
      await (await patch(id, { possibleSpam: false, status: 'planned', note: 'Monday' })).json(),
    );
    assert.deepEqual(
      [both.possibleSpam, both.status, both.history.at(-1)?.note],
      [false, 'planned', 'Monday'],
    );
    assert.equal((await mailsOf(id)).length, 2);
  });

  test('a patch must change something; a note goes with a status; the flag cannot be set', async () => {
    const { id } = await created(await postSessionRequest(app, autofilled()));
    for (const [body, path] of [
      [{}, 'status'],
      [{ possibleSpam: false, note: 'looks real' }, 'note'],
      [{ possibleSpam: true }, 'possibleSpam'],
    ] as const) {
      const problem = await problemOf(await patch(id, body), 422);
      assert.deepEqual(
        problem.errors?.map((error) => error.path),
        [path],
      );
    }
    assert.equal(
      SessionRequest.parse(await (await get(`/v1/session-requests/${id}`)).json()).possibleSpam,
      true,
    );
  });

  test('deleting removes a flagged request only, of the token’s zone', async () => {
    const { id } = await created(await postSessionRequest(app, autofilled()));
    assert.equal((await problemOf(await remove(id, tokens.nord), 404)).code, 'NOT_FOUND');
    const response = await remove(id);
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal((await problemOf(await get(`/v1/session-requests/${id}`), 404)).code, 'NOT_FOUND');
    const history = await storage.db
      .selectFrom('session_request_history')
      .selectAll()
      .where('request_id', '=', id)
      .execute();
    assert.deepEqual(history, []);
    assert.equal((await problemOf(await remove(id), 404)).code, 'NOT_FOUND');

    const person = await created(await postSessionRequest(app, sampleInput()));
    const kept = await problemOf(await remove(person.id), 409);
    assert.equal(kept.code, 'CONFLICT');
    assert.equal((await get(`/v1/session-requests/${person.id}`)).status, 200);
    assert.equal((await problemOf(await remove('not-a-uuid'), 400)).code, 'INVALID_QUERY');
    assert.equal(
      (await problemOf(await staffRequest(app, 'DELETE', `/v1/session-requests/${id}`, undefined), 401)).code,
      'UNAUTHORIZED',
    );
  });
});
