import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createStaffToken } from '../staff/tokens.js';
import type { Storage } from '../storage/storage.js';
import type { StorageTarget } from '../storage/test-helpers/storage-targets.js';
import { freshStorages, postgresTarget, sqliteTarget } from '../storage/test-helpers/storage-targets.js';
import { createSessionRequest } from './create.js';
import { getSessionRequest } from './read.js';
import { changeSessionRequestStatus } from './status.js';
import { withoutBotFields } from './stored-input.js';
import { sampleInput } from './test-helpers/sample-input.js';

let keys = 0;
/** Stores a request (the sample, with `overrides`) and returns its id. */
async function storeRequest(
  storage: Storage,
  overrides: Parameters<typeof sampleInput>[0] = {},
  now?: () => Date,
): Promise<string> {
  const outcome = await createSessionRequest(storage, {
    input: withoutBotFields(sampleInput(overrides)),
    idempotencyKey: `key-inbox-${String(++keys).padStart(10, '0')}`,
    now,
  });
  assert.ok(outcome.kind === 'created');
  return outcome.created.id;
}

function inboxSuite(target: StorageTarget) {
  describe(`the inbox's session request features on ${target.kind}`, () => {
    const fresh = freshStorages(target);

    test('each status change records the token that made it; the history shows its label', async () => {
      const storage = await fresh();
      const team = await createStaffToken(storage.db, { zone: 'bxl-sud', label: 'Team Zuid' });
      const network = await createStaffToken(storage.db, { zone: null, label: 'Network office' });
      const id = await storeRequest(storage);
      await changeSessionRequestStatus(storage, {
        id,
        status: 'planned',
        visibleZone: 'bxl-sud',
        by: team.id,
      });
      await changeSessionRequestStatus(storage, { id, status: 'done', visibleZone: null, by: network.id });
      const request = await getSessionRequest(storage.db, id);
      assert.deepEqual(
        request?.history.map(({ status, by }) => [status, by]),
        [
          ['received', null],
          ['planned', 'Team Zuid'],
          ['done', 'Network office'],
        ],
      );
      const rows = await storage.db
        .selectFrom('session_request_history')
        .select(['seq', 'by_token'])
        .where('request_id', '=', id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        rows.map((row) => row.by_token),
        [null, team.id, network.id],
        'the token id is stored, the label joined when read',
      );
    });
  });
}

inboxSuite(sqliteTarget());
inboxSuite(postgresTarget());
