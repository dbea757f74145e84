import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import type { Storage, StorageOptions } from './index.js';
import { openStorage, SQLITE_FILE_NAME } from './index.js';
import type { StorageTarget } from './test-helpers/storage-targets.js';
import { postgresTarget, sqliteTarget } from './test-helpers/storage-targets.js';
import { retryOnWriteConflict, WriteConflict } from './write-conflicts.js';

/** Every migration of this build, oldest first. */
const ALL_MIGRATIONS = [
  '0001_initial',
  '0002_news_order_and_sources',
  '0003_news_staff_decisions',
  '0004_rate_limits',
  '0005_possible_spam',
  '0006_staff_sessions',
  '0007_history_by',
  '0008_request_search',
];

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();

function request(id: string, reference = `CZ-${id}`, zoneId = 'noord') {
  const time = at(0);
  return {
    id,
    reference,
    zone_id: zoneId,
    status: 'received',
    request: JSON.stringify({ organisation: { name: 'OCMW' } }),
    created_at: time,
    updated_at: time,
  };
}

function newsItem(id: string, sourceId: string | null) {
  return {
    id,
    source_id: sourceId,
    title: 'Nieuws',
    summary: '',
    zones: '["noord"]',
    topics: '[]',
    created_at: at(0),
    sort_at: at(0),
  };
}

async function migrationRows(storage: Storage) {
  const { rows } = await sql<{ name: string; timestamp: string }>`
    select name, timestamp from kysely_migration order by name`.execute(storage.db);
  return rows;
}

function storageSuite(target: StorageTarget) {
  describe(`storage on ${target.kind}`, () => {
    const opened: Storage[] = [];
    const open = async (options: StorageOptions) => {
      const storage = await openStorage(options);
      opened.push(storage);
      return storage;
    };
    const openFresh = async () => open(await target.fresh());

    before(() => target.setUp());
    after(async () => {
      for (const storage of opened) await storage.close();
      await target.tearDown();
    });

    test('a fresh database gets every migration', async () => {
      const storage = await openFresh();
      assert.equal(storage.kind, target.kind);
      assert.deepEqual(await storage.migrationStatus(), { applied: ALL_MIGRATIONS, pending: [] });
      assert.equal(
        await storage.db.selectFrom('session_requests').select('id').executeTakeFirst(),
        undefined,
      );
    });

    test('reopening keeps the data and applies nothing again', async () => {
      const options = await target.fresh();
      const first = await openStorage(options);
      const before = await migrationRows(first);
      await first.db.insertInto('session_requests').values(request('kept')).execute();
      await first.close();

      const second = await open(options);
      assert.deepEqual(await migrationRows(second), before);
      const row = await second.db
        .selectFrom('session_requests')
        .selectAll()
        .where('id', '=', 'kept')
        .executeTakeFirst();
      assert.equal(row?.reference, 'CZ-kept');
    });

    test('servers starting together on one fresh database apply each migration once', async () => {
      const options = await target.fresh();
      const racers = await Promise.all([1, 2, 3].map(() => open(options)));
      for (const storage of racers) {
        await storage.ping();
        assert.deepEqual((await storage.migrationStatus()).applied, ALL_MIGRATIONS);
      }
      assert.equal((await migrationRows(racers[0] as Storage)).length, ALL_MIGRATIONS.length);
    });

    test('a transaction commits what it wrote', async () => {
      const storage = await openFresh();
      const result = await storage.transaction(async (trx) => {
        await trx.insertInto('session_requests').values(request('r1')).execute();
        await trx
          .insertInto('session_request_history')
          .values({ request_id: 'r1', seq: 0, status: 'received', note: null, at: at(0) })
          .execute();
        return 'done';
      });
      assert.equal(result, 'done');
      const history = await storage.db.selectFrom('session_request_history').selectAll().execute();
      assert.deepEqual(history, [
        { request_id: 'r1', seq: 0, status: 'received', note: null, at: at(0), by_token: null },
      ]);
    });

    test('a transaction that throws leaves nothing behind and rethrows', async () => {
      const storage = await openFresh();
      const failure = new Error('boom');
      await assert.rejects(
        storage.transaction(async (trx) => {
          await trx.insertInto('session_requests').values(request('r1')).execute();
          await trx
            .insertInto('idempotency_keys')
            .values({
              key: 'k',
              request_hash: 'h',
              response_status: 201,
              response_body: '{}',
              created_at: at(0),
            })
            .execute();
          throw failure;
        }),
        (error) => error === failure,
      );
      assert.equal((await storage.db.selectFrom('session_requests').select('id').execute()).length, 0);
      assert.equal((await storage.db.selectFrom('idempotency_keys').select('key').execute()).length, 0);
      // The connection is usable afterwards: the rollback really ended the transaction.
      await storage.transaction((trx) => trx.insertInto('session_requests').values(request('r2')).execute());
      assert.equal((await storage.db.selectFrom('session_requests').select('id').execute()).length, 1);
    });

    test('concurrent read-modify-write transactions guarded by a conditional update lose no update', async () => {
      const storage = await openFresh();
      await storage.db
        .insertInto('outbox')
        .values({ id: 'o1', kind: 'mail', payload: '{}', created_at: at(0), next_attempt_at: at(0) })
        .execute();
      await Promise.all(
        Array.from({ length: 5 }, () =>
          retryOnWriteConflict(
            () =>
              storage.transaction(async (trx) => {
                const row = await trx
                  .selectFrom('outbox')
                  .select('attempts')
                  .where('id', '=', 'o1')
                  .executeTakeFirstOrThrow();
                // Let the others read the same value before this one writes.
                await sleep(5);
                const { numUpdatedRows } = await trx
                  .updateTable('outbox')
                  .set({ attempts: row.attempts + 1 })
                  .where('id', '=', 'o1')
                  .where('attempts', '=', row.attempts)
                  .executeTakeFirst();
                if (numUpdatedRows !== 1n) throw new WriteConflict('attempts moved on');
              }),
            10,
          ),
        ),
      );
      const row = await storage.db
        .selectFrom('outbox')
        .select('attempts')
        .where('id', '=', 'o1')
        .executeTakeFirst();
      assert.equal(row?.attempts, 5);
    });

    test('unique constraints hold', async () => {
      const { db } = await openFresh();
      await db.insertInto('session_requests').values(request('a', 'CZ-1')).execute();
      await assert.rejects(db.insertInto('session_requests').values(request('b', 'CZ-1')).execute());

      const key = {
        key: 'k1',
        request_hash: 'h',
        response_status: 201,
        response_body: '{}',
        created_at: at(0),
      };
      await db.insertInto('idempotency_keys').values(key).execute();
      await assert.rejects(
        db
          .insertInto('idempotency_keys')
          .values({ ...key, request_hash: 'other' })
          .execute(),
      );

      const token = { zone_id: 'noord', token_hash: 'sha256:x', label: 'team', created_at: at(0) };
      await db
        .insertInto('staff_tokens')
        .values({ id: 't1', ...token })
        .execute();
      await assert.rejects(
        db
          .insertInto('staff_tokens')
          .values({ id: 't2', ...token })
          .execute(),
      );

      await db.insertInto('news_items').values(newsItem('n1', 'feed:1')).execute();
      await assert.rejects(db.insertInto('news_items').values(newsItem('n2', 'feed:1')).execute());
      // Items published through the API have no source id, and there can be many of them.
      await db
        .insertInto('news_items')
        .values([newsItem('n3', null), newsItem('n4', null)])
        .execute();

      const count = async (table: 'session_requests' | 'idempotency_keys' | 'staff_tokens' | 'news_items') =>
        (await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n;
      assert.deepEqual(
        [
          await count('session_requests'),
          await count('idempotency_keys'),
          await count('staff_tokens'),
          await count('news_items'),
        ],
        [1, 1, 1, 3],
      );
    });

    test('unicode text round-trips', async () => {
      const { db } = await openFresh();
      const names = [
        'Sint-Jans-Molenbeek',
        'Brüssel',
        'Écaussinnes',
        'Zorg 🩺 für alle 👩🏽‍⚕️',
        '"quotes" \\ and \n newline',
      ];
      const item = { ...newsItem('u', null), title: names.join(' | '), zones: JSON.stringify(names) };
      await db.insertInto('news_items').values(item).execute();
      const row = await db
        .selectFrom('news_items')
        .select(['title', 'zones'])
        .where('id', '=', 'u')
        .executeTakeFirst();
      assert.equal(row?.title, names.join(' | '));
      assert.deepEqual(JSON.parse(row?.zones ?? 'null'), names);
      const found = await db
        .selectFrom('news_items')
        .select('id')
        .where('title', 'like', '%Brüssel%')
        .execute();
      assert.deepEqual(found, [{ id: 'u' }]);
    });

    test('history must belong to an existing request', async () => {
      const { db } = await openFresh();
      const entry = { request_id: 'missing', seq: 0, status: 'received', note: null, at: at(0) };
      await assert.rejects(db.insertInto('session_request_history').values(entry).execute());
      await db.insertInto('session_requests').values(request('missing')).execute();
      await db.insertInto('session_request_history').values(entry).execute();
      // Two status changes racing for the same position: one must fail.
      await assert.rejects(
        db
          .insertInto('session_request_history')
          .values({ ...entry, status: 'planned' })
          .execute(),
      );
    });

    test('newest-first keyset pagination uses the index order', async () => {
      const { db } = await openFresh();
      const items = [3, 1, 2, 2].map((minute, i) => ({ ...newsItem(`n${i}`, null), sort_at: at(minute) }));
      await db.insertInto('news_items').values(items).execute();
      const page = (after?: { sortAt: string; id: string }) =>
        db
          .selectFrom('news_items')
          .select(['id', 'sort_at'])
          .$if(after !== undefined, (q) =>
            q.where((eb) =>
              eb.or([
                eb('sort_at', '<', after?.sortAt ?? ''),
                eb.and([eb('sort_at', '=', after?.sortAt ?? ''), eb('id', '<', after?.id ?? '')]),
              ]),
            ),
          )
          .orderBy('sort_at', 'desc')
          .orderBy('id', 'desc')
          .limit(2)
          .execute();
      const first = await page();
      assert.deepEqual(
        first.map((r) => r.id),
        ['n0', 'n3'],
      );
      const last = first.at(-1);
      assert.ok(last);
      const second = await page({ sortAt: last.sort_at, id: last.id });
      assert.deepEqual(
        second.map((r) => r.id),
        ['n2', 'n1'],
      );
    });

    test('ping works while open and fails after close', async () => {
      const storage = await openStorage(await target.fresh());
      await storage.ping();
      await storage.close();
      await assert.rejects(storage.ping(), /closed/);
      await assert.rejects(
        storage.transaction(async () => 1),
        /closed/,
      );
      await storage.close();
    });
  });
}

storageSuite(sqliteTarget());
storageSuite(postgresTarget());

describe('sqlite specifics', () => {
  const target = sqliteTarget();
  before(() => target.setUp());
  after(() => target.tearDown());

  test('the database is a file in the data folder, durable settings on', async () => {
    const options = await target.fresh();
    const storage = await openStorage(options);
    try {
      assert.ok(existsSync(join(options.dataDir, SQLITE_FILE_NAME)));
      const pragma = async (name: string) =>
        Object.values(
          (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(storage.db)).rows[0] ?? {},
        )[0];
      assert.equal(await pragma('journal_mode'), 'wal');
      assert.equal(await pragma('synchronous'), 2); // FULL
      assert.equal(await pragma('foreign_keys'), 1);
      assert.equal(await pragma('busy_timeout'), 5000);
    } finally {
      await storage.close();
    }
  });

  test(':memory: is a throwaway database', async () => {
    const first = await openStorage({ dataDir: ':memory:' });
    await first.db.insertInto('session_requests').values(request('m')).execute();
    await first.close();
    const second = await openStorage({ dataDir: ':memory:' });
    try {
      assert.deepEqual((await second.migrationStatus()).applied, ALL_MIGRATIONS);
      assert.equal((await second.db.selectFrom('session_requests').select('id').execute()).length, 0);
    } finally {
      await second.close();
    }
  });

  test('server processes starting together on one new file apply each migration once', async () => {
    // In one process the synchronous driver runs one migration to its end before the next, so only
    // separate processes show whether the file lock holds.
    const options = await target.fresh();
    const child = fileURLToPath(new URL('./test-helpers/open-storage-child.ts', import.meta.url));
    const startAt = String(Date.now() + 1_500);
    const outputs = await Promise.all(
      [1, 2, 3].map(() =>
        promisify(execFile)(process.execPath, [
          '--conditions=source',
          '--import',
          'tsx',
          child,
          JSON.stringify(options),
          startAt,
        ]),
      ),
    );
    for (const { stdout } of outputs)
      assert.deepEqual(JSON.parse(stdout), { applied: ALL_MIGRATIONS, pending: [] });
    const storage = await openStorage(options);
    try {
      const { rows } = await sql`select name from kysely_migration`.execute(storage.db);
      assert.equal(rows.length, ALL_MIGRATIONS.length);
    } finally {
      await storage.close();
    }
  });

  test('a databaseUrl that is not PostgreSQL is refused, not ignored', async () => {
    await assert.rejects(openStorage({ databaseUrl: 'mysql://x/y', dataDir: ':memory:' }), /postgres:\/\//);
  });
});
