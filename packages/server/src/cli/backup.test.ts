import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type RunningServer, startServer } from '../server.js';
import { createStaffToken, listStaffTokens } from '../staff/tokens.js';
import { openStorage } from '../storage/open-storage.js';
import { memoryLogger } from '../test-helpers/memory-logger.js';
import { backupCommand } from './backup.js';
import { captureIO } from './test-helpers/capture-io.js';
import { configLayers } from './test-helpers/config-layers.js';
import { InputError, UsageError } from './usage-error.js';

describe('carezone backup', () => {
  let dir = '';
  let server: RunningServer;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carezone-backup-'));
    server = await startServer({
      port: 0,
      dataDir: join(dir, 'data'),
      mail: false,
      retentionDays: false,
      newsPolling: false,
      logger: memoryLogger().logger,
    });
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('copies the database of a running server into one file that opens as a database', async () => {
    await createStaffToken(server.storage.db, { zone: 'bxl-sud', label: 'before the backup' });
    const restored = join(dir, 'restored');
    await mkdir(restored);
    const target = join(restored, 'carezone.sqlite');
    const io = captureIO();
    const backup = backupCommand(
      ['--to', target],
      io,
      configLayers({}, { CAREZONE_DATA_DIR: join(dir, 'data') }),
    );
    // The server goes on writing while the copy is made.
    await createStaffToken(server.storage.db, { zone: 'bxl-nord', label: 'during the backup' });
    assert.equal(await backup, 0, io.err.join('\n'));
    assert.match(
      io.out.join('\n'),
      /^Backed up .*carezone\.sqlite to .*restored\/carezone\.sqlite \(\d+\.\d MB\)\.$/,
    );
    assert.equal((await stat(target)).mode & 0o777, 0o600, 'personal data: readable by its owner only');
    // One self-contained file: no WAL beside it holds part of the data.
    assert.equal((await readFile(target)).subarray(18, 20).toString('hex'), '0101', 'a rollback journal');

    const copy = await openStorage({ dataDir: restored });
    try {
      const labels = (await listStaffTokens(copy.db)).map((token) => token.label);
      assert.ok(labels.includes('before the backup'), labels.join(', '));
      assert.deepEqual((await copy.migrationStatus()).pending, []);
    } finally {
      await copy.close();
    }
  });

  test('replaces an earlier backup of the same name, and leaves no temporary file', async () => {
    const target = join(dir, 'nightly.sqlite');
    const config = configLayers({ CAREZONE_DATA_DIR: join(dir, 'data') });
    assert.equal(await backupCommand(['--to', target], captureIO(), config), 0);
    assert.equal(await backupCommand(['--to', target], captureIO(), config), 0);
    assert.deepEqual(
      (await readdir(dir)).filter((name) => name.startsWith('nightly')),
      ['nightly.sqlite'],
    );
  });

  test('with PostgreSQL: one line saying to use pg_dump, exit 1, the password never shown', async () => {
    const io = captureIO();
    const config = configLayers({ DATABASE_URL: 'postgres://carezone:s3cret@db.internal/carezone' });
    assert.equal(await backupCommand(['--to', join(dir, 'pg.sqlite')], io, config), 1);
    assert.equal(io.err.length, 1);
    assert.match(
      io.err[0] ?? '',
      /^carezone: the database is PostgreSQL \(DATABASE_URL\): back it up with pg_dump/,
    );
    assert.doesNotMatch(io.err.join('\n'), /s3cret/);
  });

  test('refuses what cannot be backed up, naming it', async () => {
    const data = configLayers({ CAREZONE_DATA_DIR: join(dir, 'data') });
    await assert.rejects(backupCommand([], captureIO(), data), UsageError);
    await assert.rejects(backupCommand(['--to', join(dir, 'data', 'carezone.sqlite')], captureIO(), data), {
      name: 'InputError',
      message: /is the database itself/,
    });
    await assert.rejects(backupCommand(['--to', join(dir, 'nowhere', 'b.sqlite')], captureIO(), data), {
      name: 'InputError',
      message: /the folder .*nowhere does not exist/,
    });
    await assert.rejects(
      backupCommand(
        ['--to', join(dir, 'm.sqlite')],
        captureIO(),
        configLayers({}, { CAREZONE_DATA_DIR: ':memory:' }),
      ),
      {
        name: 'InputError',
        message: /^CAREZONE_DATA_DIR \(from \.env\) is :memory:/,
      },
    );
    await assert.rejects(
      backupCommand(['--to', join(dir, 'e.sqlite'), '--data', join(dir, 'empty')], captureIO(), data),
      (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.match(
          error.message,
          /^no database at .*empty\/carezone\.sqlite \(the data folder .*empty is set by --data; /,
        );
        return true;
      },
    );
  });
});
