// A full disk under load: the SQLite data folder lives on a small tmpfs, which the test fills while
// session requests keep coming. While it is full the process lives, writes answer 503
// STORAGE_UNAVAILABLE with Retry-After, /readyz says 503 and the log names SQLite's own error;
// once there is room, writes work again in the same process, and every 201 is stored once.
// Mounting needs root (as CI runs); where it is impossible the suite says so and skips.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import {
  assertStoredExactlyOnce,
  eventually,
  postAll,
  ServerProcess,
  type StatusCounts,
  statusesAtOrAbove,
} from './harness.js';

const run = promisify(execFile);
const REQUESTS = 300;

/** Writes zeros to `file` until the disk has no room left. */
async function fillDisk(file: string): Promise<void> {
  const handle = await open(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) {
      try {
        await handle.write(chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        if (chunk.length === 1) return;
        // Fill the last pages too, byte ranges ever smaller.
        return await fillDisk(`${file}-tail`).catch(() => undefined);
      }
    }
  } finally {
    await handle.close();
  }
}

describe('a full disk under load (SQLite on a tmpfs)', () => {
  let mountPoint = '';
  let mounted = false;
  let server: ServerProcess | undefined;

  before(async () => {
    mountPoint = await mkdtemp(join(tmpdir(), 'carezone-full-disk-'));
    try {
      await run('mount', ['-t', 'tmpfs', '-o', 'size=6m,mode=0700', 'tmpfs', mountPoint]);
      mounted = true;
    } catch (error) {
      console.log(`  skipped: cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`);
    }
  });
  after(async () => {
    await server?.stop();
    if (mounted) await run('umount', ['-l', mountPoint]);
    await rm(mountPoint, { recursive: true, force: true });
  });

  test('writes answer 503 while the disk is full and work again, without a restart, once there is room', async (t) => {
    if (!mounted) {
      t.skip('mounting a tmpfs needs root');
      return;
    }
    const storage = { dataDir: join(mountPoint, 'data') };
    const filler = join(mountPoint, 'filler');
    server = await ServerProcess.start({ storage });
    const running = server;

    const counts: StatusCounts = new Map();
    const stop = new AbortController();
    t.after(() => stop.abort());
    const load = postAll([running.url], REQUESTS, 4, counts, { signal: stop.signal });
    await sleep(500);
    await fillDisk(filler);

    await eventually('a write answered 503', async () => (counts.get(503) ?? 0) > 0);
    await eventually('/readyz says 503', async () => (await running.readyStatus()) === 503);
    const logged = running.logLines.find((line) => line.msg === 'storage unavailable: writes fail');
    assert.match(String(logged?.error), /SQLITE_FULL/, 'the log names SQLite’s own error');

    await sleep(1_000);
    await rm(filler, { force: true });
    await rm(`${filler}-tail`, { force: true });
    await eventually('/readyz says 200 again', async () => (await running.readyStatus()) === 200);
    const acknowledged = await load;

    assert.ok(running.running, 'the process lived through it');
    assert.deepEqual(statusesAtOrAbove(counts, 500), { 503: counts.get(503) }, 'no 5xx but 503');
    assert.equal(counts.get('network'), undefined, 'every request got an answer');
    await running.stop();
    await assertStoredExactlyOnce(storage, acknowledged);
  });
});
