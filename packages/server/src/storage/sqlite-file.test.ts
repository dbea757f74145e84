// The SQLite file as an operator meets it: who may read it, what a truncated one does, and what
// a full disk does to a write (a full disk for real, on a tmpfs, is in tests/faults/).
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openStorage, SQLITE_FILE_NAME } from './index.js';
import type { Storage } from './storage.js';
import { isStorageUnavailable, StorageUnavailableError } from './unavailable.js';

const at = new Date(Date.UTC(2025, 0, 1)).toISOString();
const request = (id: string) => ({
  id,
  reference: `CZ-${id}`,
  zone_id: 'noord',
  status: 'received',
  request: JSON.stringify({ organisation: { name: 'x'.repeat(2_000) } }),
  created_at: at,
  updated_at: at,
});

describe('the SQLite file', () => {
  let root = '';
  const opened: Storage[] = [];
  const open = async (dataDir: string) => {
    const storage = await openStorage({ dataDir });
    opened.push(storage);
    return storage;
  };
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'carezone-sqlite-file-'));
  });
  after(async () => {
    for (const storage of opened) await storage.close();
    await rm(root, { recursive: true, force: true });
  });

  test('a new data folder is 0700 and the database 0600: they hold personal data', async () => {
    const dataDir = join(root, 'new');
    await open(dataDir);
    assert.equal((await stat(dataDir)).mode & 0o777, 0o700);
    assert.equal((await stat(join(dataDir, SQLITE_FILE_NAME))).mode & 0o777, 0o600);
  });

  test('an existing database readable by others is made 0600', async () => {
    const dataDir = join(root, 'loose');
    await (await openStorage({ dataDir })).close();
    const file = join(dataDir, SQLITE_FILE_NAME);
    const { chmod } = await import('node:fs/promises');
    await chmod(file, 0o644);
    await open(dataDir);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
  });

  test('an existing empty database file is refused, not taken for a new one', async () => {
    const dataDir = join(root, 'truncated');
    await (await openStorage({ dataDir })).close();
    await writeFile(join(dataDir, SQLITE_FILE_NAME), '');
    await assert.rejects(openStorage({ dataDir }), /is empty \(0 bytes\).*backup/);
  });

  test('several processes creating one new database at once all open it', async () => {
    const dataDir = join(root, 'racing');
    const storages = await Promise.all(Array.from({ length: 4 }, () => open(dataDir)));
    await storages[0]?.transaction((trx) =>
      trx.insertInto('session_requests').values(request('r1')).execute(),
    );
    const rows = await storages[3]?.db.selectFrom('session_requests').select('id').execute();
    assert.deepEqual(rows, [{ id: 'r1' }]);
  });

  test('a write on a full database fails as unavailable with SQLite’s own error, and works once there is room', async () => {
    const storage = await open(join(root, 'full'));
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(storage.db);
    // A cap of a few pages more than the database has: the next big writes do not fit.
    await sql.raw(`pragma max_page_count = ${(rows[0]?.page_count ?? 0) + 2}`).execute(storage.db);
    let failure: unknown;
    for (let i = 0; i < 10 && failure === undefined; i++) {
      await storage
        .transaction(async (trx) => {
          await trx
            .insertInto('session_requests')
            .values(request(`r${i}`))
            .execute();
          await trx
            .insertInto('session_requests')
            .values(request(`r${i}-b`))
            .execute();
        })
        .catch((error: unknown) => {
          failure = error;
        });
    }
    assert.ok(failure instanceof StorageUnavailableError, `unavailable, not ${String(failure)}`);
    assert.equal((failure.cause as { code?: string }).code, 'SQLITE_FULL');
    assert.ok(isStorageUnavailable(failure));
    await assert.rejects(storage.ping(), StorageUnavailableError, '/readyz says so');

    await sql.raw('pragma max_page_count = 1073741823').execute(storage.db);
    await storage.transaction((trx) => trx.insertInto('session_requests').values(request('after')).execute());
    await storage.ping();
    const stored = await storage.db
      .selectFrom('session_requests')
      .select('id')
      .where('id', '=', 'after')
      .execute();
    assert.equal(stored.length, 1);
  });
});
