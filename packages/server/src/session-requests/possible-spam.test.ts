import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Storage } from '../storage/storage.js';
import type { StorageTarget } from '../storage/test-helpers/storage-targets.js';
import { freshStorages, postgresTarget, sqliteTarget } from '../storage/test-helpers/storage-targets.js';
import { createSessionRequest } from './create.js';
import { deleteFlaggedSessionRequest } from './delete.js';
import { CONFIRM_REQUESTER, NOTIFY_ZONE } from './outbox-kinds.js';
import { getSessionRequest, iterateSessionRequests, listSessionRequests } from './read.js';
import { changeSessionRequestStatus } from './status.js';
import { withoutBotFields } from './stored-input.js';
import { sampleInput } from './test-helpers/sample-input.js';

let keys = 0;
async function create(storage: Storage, possibleSpam: boolean, zone = 'bxl-sud'): Promise<string> {
  const outcome = await createSessionRequest(storage, {
    input: withoutBotFields(sampleInput({ zone })),
    idempotencyKey: `key-spam-${String(++keys).padStart(10, '0')}`,
    possibleSpam,
  });
  assert.ok(outcome.kind === 'created');
  return outcome.created.id;
}

async function mailsOf(storage: Storage, id: string): Promise<string[]> {
  const rows = await storage.db
    .selectFrom('outbox')
    .select('kind')
    .where('payload', '=', JSON.stringify({ requestId: id }))
    .orderBy('kind')
    .execute();
  return rows.map((row) => row.kind);
}

const BOTH_MAILS = [CONFIRM_REQUESTER, NOTIFY_ZONE].sort();

function possibleSpamSuite(target: StorageTarget) {
  describe(`requests flagged as possible spam on ${target.kind}`, () => {
    const fresh = freshStorages(target);

    test('are stored flagged, queue no e-mail, and are listed only when asked', async () => {
      const storage = await fresh();
      const person = await create(storage, false);
      const flagged = await create(storage, true);
      assert.equal((await getSessionRequest(storage.db, flagged))?.possibleSpam, true);
      assert.equal((await getSessionRequest(storage.db, person))?.possibleSpam, false);
      assert.deepEqual(await mailsOf(storage, flagged), []);
      assert.deepEqual(await mailsOf(storage, person), BOTH_MAILS);

      const ids = async (spam?: 'exclude' | 'only' | 'include') =>
        (await listSessionRequests(storage.db, { zone: 'bxl-sud', spam, limit: 10 })).data.map((r) => r.id);
      assert.deepEqual(await ids(), [person]);
      assert.deepEqual(await ids('exclude'), [person]);
      assert.deepEqual(await ids('only'), [flagged]);
      assert.deepEqual((await ids('include')).sort(), [flagged, person].sort());
      const exported: string[] = [];
      for await (const request of iterateSessionRequests(storage.db, { zone: 'bxl-sud' }))
        exported.push(request.id);
      assert.deepEqual(exported, [person]);
    });

    test('confirming clears the flag and queues both e-mails once, even when raced', async () => {
      const storage = await fresh();
      const id = await create(storage, true);
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, () =>
          changeSessionRequestStatus(storage, { id, confirm: true, visibleZone: 'bxl-sud' }),
        ),
      );
      assert.ok(outcomes.every((outcome) => outcome.kind === 'changed'));
      assert.deepEqual(await mailsOf(storage, id), BOTH_MAILS);
      const request = await getSessionRequest(storage.db, id);
      assert.equal(request?.possibleSpam, false);
      assert.deepEqual(
        request?.history.map((entry) => entry.status),
        ['received'],
      );
    });

    test('a flagged request changes status only with its confirmation', async () => {
      const storage = await fresh();
      const id = await create(storage, true);
      assert.deepEqual(
        await changeSessionRequestStatus(storage, { id, status: 'declined', visibleZone: null }),
        {
          kind: 'unconfirmed',
        },
      );
      const nord = await changeSessionRequestStatus(storage, { id, confirm: true, visibleZone: 'bxl-nord' });
      assert.deepEqual(nord, { kind: 'not-found' });
      assert.equal((await getSessionRequest(storage.db, id))?.possibleSpam, true);
      const both = await changeSessionRequestStatus(storage, {
        id,
        status: 'planned',
        confirm: true,
        visibleZone: null,
      });
      assert.ok(both.kind === 'changed');
      assert.equal(both.request.status, 'planned');
      assert.equal(both.request.possibleSpam, false);
      assert.deepEqual(await mailsOf(storage, id), BOTH_MAILS);
    });

    test('delete removes a flagged request with its history, and nothing else', async () => {
      const storage = await fresh();
      const person = await create(storage, false);
      const flagged = await create(storage, true);
      assert.deepEqual(await deleteFlaggedSessionRequest(storage, { id: flagged, visibleZone: 'bxl-nord' }), {
        kind: 'not-found',
      });
      assert.deepEqual(await deleteFlaggedSessionRequest(storage, { id: person, visibleZone: null }), {
        kind: 'not-flagged',
      });
      assert.deepEqual(await deleteFlaggedSessionRequest(storage, { id: flagged, visibleZone: 'bxl-sud' }), {
        kind: 'deleted',
      });
      assert.equal(await getSessionRequest(storage.db, flagged), undefined);
      const history = await storage.db
        .selectFrom('session_request_history')
        .select('request_id')
        .where('request_id', '=', flagged)
        .execute();
      assert.deepEqual(history, []);
      assert.ok(await getSessionRequest(storage.db, person));
      assert.deepEqual(await deleteFlaggedSessionRequest(storage, { id: flagged, visibleZone: null }), {
        kind: 'not-found',
      });
    });

    test('a delete racing a confirmation: one of them wins, never both', async () => {
      const storage = await fresh();
      const id = await create(storage, true);
      const [deleted, confirmed] = await Promise.all([
        deleteFlaggedSessionRequest(storage, { id, visibleZone: null }),
        changeSessionRequestStatus(storage, { id, confirm: true, visibleZone: null }),
      ]);
      const kept = await getSessionRequest(storage.db, id);
      if (deleted.kind === 'deleted') {
        assert.equal(confirmed.kind, 'not-found');
        assert.equal(kept, undefined);
        assert.deepEqual(await mailsOf(storage, id), []);
      } else {
        assert.equal(deleted.kind, 'not-flagged');
        assert.equal(confirmed.kind, 'changed');
        assert.equal(kept?.possibleSpam, false);
        assert.deepEqual(await mailsOf(storage, id), BOTH_MAILS);
      }
    });
  });
}

possibleSpamSuite(sqliteTarget());
possibleSpamSuite(postgresTarget());
