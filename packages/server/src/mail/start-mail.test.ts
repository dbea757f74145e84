import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { startServer } from '../server.js';
import { memoryLogger } from '../test-helpers/memory-logger.js';
import { mailSettingsFromEnv } from './mail-settings.js';

test('a server start removes the unfinished .eml files a SIGKILL left in the mail folder, and keeps the written ones', async () => {
  const data = await mkdtemp(join(tmpdir(), 'carezone-start-mail-'));
  const dir = join(data, 'mail');
  await mkdir(dir, { recursive: true });
  const written = '0d6f4c9e-0b7e-4f57-a8a1-5b0f0e7f5d21.eml';
  const unfinished = '.6c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e3f.eml.0a1b2c3d4e5f.tmp';
  await writeFile(join(dir, written), 'To: team@example.org\r\n\r\nNaam: Eloïse Dupont\r\n');
  await writeFile(join(dir, unfinished), 'To: team@example.org\r\n\r\nNaam: Eloï');
  const capture = memoryLogger();
  const server = await startServer({
    port: 0,
    zonepacks: [BUILTIN_PACK_DIR],
    dataDir: ':memory:',
    mail: mailSettingsFromEnv({ CAREZONE_MAIL_DIR: dir }, ':memory:'),
    retentionDays: false,
    newsPolling: false,
    logger: capture.logger,
  });
  try {
    // Nothing is in the outbox: the sweep happens because delivery started, not because a mail was sent.
    let files = await readdir(dir);
    for (let waited = 0; files.includes(unfinished) && waited < 3000; waited += 25) {
      await sleep(25);
      files = await readdir(dir);
    }
    assert.deepEqual(files, [written]);
    await server.close();
    assert.ok(
      capture.entries.some(
        (line) => line.msg === 'mail folder: removed unfinished files' && line.removed === 1,
      ),
      'the sweep is logged with its count',
    );
  } finally {
    await server.close();
    await rm(data, { recursive: true, force: true });
  }
});
