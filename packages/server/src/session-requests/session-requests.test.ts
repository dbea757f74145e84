import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { SessionRequest } from '@carezone/contract';
import type { Storage } from '../storage/storage.js';
import type { StorageTarget } from '../storage/test-helpers/storage-targets.js';
import { freshStorages, postgresTarget, sqliteTarget } from '../storage/test-helpers/storage-targets.js';
import { createSessionRequest } from './create.js';
import { decodeCursor } from './cursor.js';
import { CONFIRM_REQUESTER, NOTIFY_ZONE } from './outbox-kinds.js';
import { getSessionRequest, iterateSessionRequests, listSessionRequests } from './read.js';
import { REFERENCE_PATTERN } from './reference.js';
import { changeSessionRequestStatus } from './status.js';
import { withoutBotFields } from './stored-input.js';
import { sampleInput } from './test-helpers/sample-input.js';

const KEY = 'key-0000000000000001';
const stored = (overrides: Parameters<typeof sampleInput>[0] = {}) =>
  withoutBotFields(sampleInput(overrides));
/** A clock that ticks one second per call, from a fixed start. */
function ticking(start = Date.UTC(2025, 2, 1, 9)) {
  let t = start;
  return () => {
    t += 1000;
    return new Date(t);
  };
}

/** Stores one request and returns its id. */
async function storedRequestId(storage: Storage): Promise<string> {
  const outcome = await createSessionRequest(storage, { input: stored(), idempotencyKey: KEY });
  assert.ok(outcome.kind === 'created');
  return outcome.created.id;
}

/** Stores the sample request under `idempotencyKey`, its reference made by `makeReference`. */
function createWithReferences(storage: Storage, idempotencyKey: string, makeReference: () => string) {
  return createSessionRequest(storage, { input: stored(), idempotencyKey, makeReference });
}

async function count(storage: Storage, table: 'session_requests' | 'outbox' | 'idempotency_keys') {
  const { n } = await storage.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

function sessionRequestSuite(target: StorageTarget) {
  describe(`session requests on ${target.kind}`, () => {
    const fresh = freshStorages(target);

    test('create stores the request, its first history entry, the key and two outbox rows together', async () => {
      const storage = await fresh();
      const outcome = await createSessionRequest(storage, { input: stored(), idempotencyKey: KEY });
      assert.equal(outcome.kind, 'created');
      assert.ok(outcome.kind === 'created');
      const { created } = outcome;
      assert.equal(created.status, 'received');
      assert.match(created.reference, REFERENCE_PATTERN);
      assert.deepEqual(JSON.parse(outcome.answer.body), created);

      const row = await storage.db
        .selectFrom('session_requests')
        .selectAll()
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.zone_id, 'bxl-sud');
      const request = JSON.parse(row.request) as Record<string, unknown>;
      assert.equal('website' in request, false);
      assert.equal('fillTimeMs' in request, false);
      assert.deepEqual(request, stored());

      const history = await storage.db.selectFrom('session_request_history').selectAll().execute();
      assert.deepEqual(history, [
        {
          request_id: created.id,
          seq: 0,
          status: 'received',
          note: null,
          at: created.createdAt,
          by_token: null,
        },
      ]);
      const key = await storage.db.selectFrom('idempotency_keys').selectAll().executeTakeFirstOrThrow();
      assert.equal(key.key, KEY);
      assert.equal(key.response_status, 201);
      assert.equal(key.response_body, outcome.answer.body);

      const outbox = await storage.db.selectFrom('outbox').selectAll().orderBy('kind').execute();
      assert.deepEqual(
        outbox.map(({ kind, payload, attempts, next_attempt_at, delivered_at, last_error }) => ({
          kind,
          payload,
          attempts,
          next_attempt_at,
          delivered_at,
          last_error,
        })),
        [CONFIRM_REQUESTER, NOTIFY_ZONE].sort().map((kind) => ({
          kind,
          payload: JSON.stringify({ requestId: created.id }),
          attempts: 0,
          next_attempt_at: created.createdAt,
          delivered_at: null,
          last_error: null,
        })),
      );
    });

    test('a failure halfway leaves nothing behind', async () => {
      const storage = await fresh();
      await createWithReferences(storage, KEY, () => 'CZ-SAME');
      // The reference collides on every attempt, after the key was already inserted.
      await assert.rejects(createWithReferences(storage, 'key-0000000000000002', () => 'CZ-SAME'));
      assert.equal(await count(storage, 'session_requests'), 1);
      assert.equal(await count(storage, 'idempotency_keys'), 1);
      assert.equal(await count(storage, 'outbox'), 2);
    });

    test('a reference collision is retried with a new reference', async () => {
      const storage = await fresh();
      await createWithReferences(storage, KEY, () => 'CZ-AAAA-AAAA');
      const references = ['CZ-AAAA-AAAA', 'CZ-BBBB-BBBB'];
      const outcome = await createWithReferences(
        storage,
        'key-0000000000000002',
        () => references.shift() ?? 'CZ-CCCC-CCCC',
      );
      assert.ok(outcome.kind === 'created');
      assert.equal(outcome.created.reference, 'CZ-BBBB-BBBB');
      assert.equal(await count(storage, 'session_requests'), 2);
    });

    test('the same key and input replays the first answer; another input is a conflict', async () => {
      const storage = await fresh();
      const first = await createSessionRequest(storage, { input: stored(), idempotencyKey: KEY });
      // Key order and the bot fields do not make another body.
      const { organisation, ...rest } = stored();
      const reordered = { ...rest, organisation: { kind: organisation.kind, name: organisation.name } };
      const again = await createSessionRequest(storage, { input: reordered, idempotencyKey: KEY });
      assert.equal(again.kind, 'replayed');
      assert.ok(first.kind === 'created' && again.kind === 'replayed');
      assert.deepEqual(again.answer, first.answer);
      const other = await createSessionRequest(storage, {
        input: stored({ participants: 26 }),
        idempotencyKey: KEY,
      });
      assert.deepEqual(other, { kind: 'conflict' });
      assert.equal(await count(storage, 'session_requests'), 1);
      assert.equal(await count(storage, 'outbox'), 2);
    });

    test('20 concurrent creates with one key store one request and all answer it', async () => {
      const storage = await fresh();
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, () =>
          createSessionRequest(storage, { input: stored(), idempotencyKey: KEY }),
        ),
      );
      assert.equal(outcomes.filter((o) => o.kind === 'created').length, 1);
      assert.equal(outcomes.filter((o) => o.kind === 'replayed').length, 19);
      const bodies = new Set(outcomes.map((o) => (o.kind === 'conflict' ? '' : o.answer.body)));
      assert.equal(bodies.size, 1);
      assert.equal(await count(storage, 'session_requests'), 1);
      assert.equal(await count(storage, 'idempotency_keys'), 1);
      assert.equal(await count(storage, 'outbox'), 2);
    });

    test('concurrent creates with different keys all store', async () => {
      const storage = await fresh();
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          createSessionRequest(storage, {
            input: stored(),
            idempotencyKey: `key-concurrent-${String(i).padStart(4, '0')}`,
          }),
        ),
      );
      assert.ok(outcomes.every((o) => o.kind === 'created'));
      assert.equal(await count(storage, 'session_requests'), 20);
      assert.equal(await count(storage, 'outbox'), 40);
    });

    test('getSessionRequest answers the contract shape with the zone, or undefined', async () => {
      const storage = await fresh();
      const outcome = await createSessionRequest(storage, { input: stored(), idempotencyKey: KEY });
      assert.ok(outcome.kind === 'created');
      const request = await getSessionRequest(storage.db, outcome.created.id);
      assert.ok(request);
      assert.equal(request.zone, 'bxl-sud');
      assert.equal(request.reference, outcome.created.reference);
      assert.ok(SessionRequest.safeParse(request).success);
      assert.deepEqual(request.history, [
        { status: 'received', note: null, at: outcome.created.createdAt, by: null },
      ]);
      assert.equal(await getSessionRequest(storage.db, 'no-such-id'), undefined);
    });

    test('the list is newest first, filters by zone and status, and pages with a cursor', async () => {
      const storage = await fresh();
      const now = ticking();
      const ids: Record<string, string[]> = { 'bxl-sud': [], 'bxl-nord': [] };
      for (let i = 0; i < 7; i++) {
        const zone = i % 3 === 0 ? 'bxl-nord' : 'bxl-sud';
        const outcome = await createSessionRequest(storage, {
          input: stored({ zone }),
          idempotencyKey: `key-list-${String(i).padStart(8, '0')}`,
          now,
        });
        assert.ok(outcome.kind === 'created');
        ids[zone]?.unshift(outcome.created.id);
      }
      const sud = await listSessionRequests(storage.db, { zone: 'bxl-sud', limit: 100 });
      assert.deepEqual(
        sud.data.map((r) => r.id),
        ids['bxl-sud'],
      );
      assert.equal(sud.nextCursor, null);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const after = cursor === null ? undefined : decodeCursor(cursor);
        const page = await listSessionRequests(storage.db, { limit: 3, after });
        seen.push(...page.data.map((r) => r.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null);
      assert.equal(pages, 3);
      assert.equal(seen.length, 7);
      assert.equal(new Set(seen).size, 7);
      const all = await listSessionRequests(storage.db, { limit: 100 });
      assert.deepEqual(
        seen,
        all.data.map((r) => r.id),
      );
      const createdAt = all.data.map((r) => r.createdAt);
      assert.deepEqual(createdAt, [...createdAt].sort().reverse());

      const [newestSud] = ids['bxl-sud'] ?? [];
      assert.ok(newestSud);
      await changeSessionRequestStatus(storage, { id: newestSud, status: 'planned', visibleZone: null });
      const planned = await listSessionRequests(storage.db, { status: 'planned', limit: 10 });
      assert.deepEqual(
        planned.data.map((r) => r.id),
        [newestSud],
      );
      assert.deepEqual(
        (await listSessionRequests(storage.db, { zone: 'bxl-nord', status: 'planned', limit: 10 })).data,
        [],
      );

      const exported: string[] = [];
      for await (const request of iterateSessionRequests(storage.db, { zone: 'bxl-sud' }, 2))
        exported.push(request.id);
      assert.deepEqual(exported, ids['bxl-sud']);
    });

    test('requests created in the same millisecond page without loss or repeat', async () => {
      const storage = await fresh();
      const instant = new Date(Date.UTC(2025, 2, 1));
      for (let i = 0; i < 5; i++) {
        await createSessionRequest(storage, {
          input: stored(),
          idempotencyKey: `key-same-ms-${String(i).padStart(6, '0')}`,
          now: () => instant,
        });
      }
      const first = await listSessionRequests(storage.db, { limit: 2 });
      const second = await listSessionRequests(storage.db, {
        limit: 10,
        after: decodeCursor(first.nextCursor ?? ''),
      });
      assert.equal(new Set([...first.data, ...second.data].map((r) => r.id)).size, 5);
    });

    test('status changes follow received → planned → done, or declined, and keep the history', async () => {
      const storage = await fresh();
      const now = ticking();
      const create = async (key: string) => {
        const outcome = await createSessionRequest(storage, { input: stored(), idempotencyKey: key, now });
        assert.ok(outcome.kind === 'created');
        return outcome.created.id;
      };
      const id = await create('key-status-000000001');
      const planned = await changeSessionRequestStatus(storage, {
        id,
        status: 'planned',
        note: 'Tuesday 14 March, 10:00',
        visibleZone: 'bxl-sud',
        now,
      });
      assert.equal(planned.kind, 'changed');
      const done = await changeSessionRequestStatus(storage, { id, status: 'done', visibleZone: null, now });
      assert.ok(done.kind === 'changed');
      assert.equal(done.request.status, 'done');
      assert.deepEqual(
        done.request.history.map(({ status, note }) => ({ status, note })),
        [
          { status: 'received', note: null },
          { status: 'planned', note: 'Tuesday 14 March, 10:00' },
          { status: 'done', note: null },
        ],
      );
      assert.ok(done.request.updatedAt > done.request.createdAt);
      assert.equal(done.request.updatedAt, done.request.history.at(-1)?.at);

      for (const status of ['planned', 'declined', 'received', 'done'] as const) {
        assert.deepEqual(await changeSessionRequestStatus(storage, { id, status, visibleZone: null }), {
          kind: 'invalid-transition',
          from: 'done',
          to: status,
        });
      }
      const other = await create('key-status-000000002');
      assert.equal(
        (await changeSessionRequestStatus(storage, { id: other, status: 'done', visibleZone: null })).kind,
        'invalid-transition',
      );
      assert.equal(
        (
          await changeSessionRequestStatus(storage, {
            id: other,
            status: 'declined',
            note: 'no staff',
            visibleZone: null,
          })
        ).kind,
        'changed',
      );
      const third = await create('key-status-000000003');
      await changeSessionRequestStatus(storage, { id: third, status: 'planned', visibleZone: null });
      assert.equal(
        (await changeSessionRequestStatus(storage, { id: third, status: 'declined', visibleZone: null }))
          .kind,
        'changed',
      );
    });

    test('another zone or an unknown id is not found, and nothing changes', async () => {
      const storage = await fresh();
      const id = await storedRequestId(storage);
      assert.deepEqual(
        await changeSessionRequestStatus(storage, { id, status: 'planned', visibleZone: 'bxl-nord' }),
        {
          kind: 'not-found',
        },
      );
      assert.deepEqual(
        await changeSessionRequestStatus(storage, { id: 'nope', status: 'planned', visibleZone: null }),
        {
          kind: 'not-found',
        },
      );
      const request = await getSessionRequest(storage.db, id);
      assert.equal(request?.status, 'received');
      assert.equal(request?.history.length, 1);
    });

    test('racing the same status change: exactly one wins, the history has no gap', async () => {
      const storage = await fresh();
      const id = await storedRequestId(storage);
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          changeSessionRequestStatus(storage, { id, status: 'planned', visibleZone: null }),
        ),
      );
      assert.equal(results.filter((r) => r.kind === 'changed').length, 1);
      const request = await getSessionRequest(storage.db, id);
      assert.deepEqual(
        request?.history.map((entry) => entry.status),
        ['received', 'planned'],
      );
    });

    test('racing different status changes: they apply one after the other, as the rules allow', async () => {
      const storage = await fresh();
      const id = await storedRequestId(storage);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          changeSessionRequestStatus(storage, {
            id,
            status: i % 2 ? 'planned' : 'declined',
            visibleZone: null,
          }),
        ),
      );
      // Which commits first decides: declined at once, or planned and then declined (allowed too).
      const changed = results.filter((r) => r.kind === 'changed').length;
      const request = await getSessionRequest(storage.db, id);
      const path = request?.history.map((entry) => entry.status) ?? [];
      assert.ok(
        isDeepStrictEqual(path, ['received', 'declined']) ||
          isDeepStrictEqual(path, ['received', 'planned', 'declined']),
        `a serial history: ${path.join(' → ')}`,
      );
      assert.equal(changed, path.length - 1, 'every change that won is in the history, once');
      assert.equal(request?.status, 'declined');
    });
  });
}

sessionRequestSuite(sqliteTarget());
sessionRequestSuite(postgresTarget());
