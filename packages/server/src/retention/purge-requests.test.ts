import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sampleRequest, seedRequest } from '../mail/test-helpers/seed-request.js';
import {
  freshStorages,
  postgresTarget,
  type StorageTarget,
  sqliteTarget,
} from '../storage/test-helpers/storage-targets.js';
import { memoryLogger } from '../test-helpers/memory-logger.js';
import { purgeRequestsBefore } from './purge-requests.js';
import { startRetentionSchedule } from './retention-schedule.js';
import { retentionCutoff } from './retention-settings.js';

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

function purgeSuite(target: StorageTarget) {
  describe(`purging old session requests on ${target.kind}`, () => {
    const openFresh = freshStorages(target);

    test('deletes old requests with their history and e-mails, and keeps young ones whole', async () => {
      const storage = await openFresh();
      const old = await seedRequest(storage.db, sampleRequest(), daysAgo(40));
      await storage.db
        .insertInto('session_request_history')
        .values({ request_id: old.id, seq: 1, status: 'planned', note: null, at: daysAgo(39).toISOString() })
        .execute();
      const young = await seedRequest(storage.db, sampleRequest(), daysAgo(10));

      assert.deepEqual(await purgeRequestsBefore(storage, retentionCutoff(30)), {
        requests: 1,
        historyEntries: 2,
        outboxRows: 2,
        idempotencyKeys: 0,
      });
      const history = await storage.db.selectFrom('session_request_history').select('request_id').execute();
      assert.deepEqual(history, [{ request_id: young.id }], 'the history went with its request');
      const outbox = await storage.db.selectFrom('outbox').select('id').orderBy('id').execute();
      assert.deepEqual(
        outbox.map((row) => row.id),
        [young.notifyZoneId, young.confirmRequesterId].sort(),
      );
      assert.deepEqual(await purgeRequestsBefore(storage, retentionCutoff(30)), {
        requests: 0,
        historyEntries: 0,
        outboxRows: 0,
        idempotencyKeys: 0,
      });
    });

    test('the schedule purges once at start and logs counts only', async () => {
      const storage = await openFresh();
      await seedRequest(storage.db, sampleRequest(), daysAgo(400));
      const capture = memoryLogger();
      const schedule = startRetentionSchedule({ storage, logger: capture.logger, retentionDays: 365 });
      await schedule.stop();
      const line = capture.entries.find((entry) => entry.msg === 'old session requests purged');
      assert.equal(line?.requests, 1);
      assert.ok(!capture.text().includes('Dupont'));
      const { count } = await storage.db
        .selectFrom('session_requests')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count), 0);
    });
  });
}

purgeSuite(sqliteTarget());
purgeSuite(postgresTarget());
