// Durability of the intake: a bounded load run over loopback posts a few thousand session requests
// with random client retries, while the server is killed with SIGKILL and restarted several times.
// Afterwards every request that got a 201 must be stored exactly once, under the id it was
// acknowledged with, and no idempotency key may have two requests. Runs on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStorage } from '../../packages/server/src/storage/open-storage.js';
import type { StorageOptions } from '../../packages/server/src/storage/storage.js';
import {
  postgresTarget,
  type StorageTarget,
  sqliteTarget,
} from '../../packages/server/src/storage/test-helpers/storage-targets.js';
import { freePort } from '../e2e/harness.js';
import { spawnCli } from '../helpers.js';

const REQUESTS = Number(process.env.DURABILITY_REQUESTS ?? 2000);
const CONCURRENCY = 24;
const KILLS = 4;

/** The limits a real deployment keeps would turn this load into 429s: lift them for the run. */
const SERVER_ENV = {
  CAREZONE_RATE_LIMIT_IP: 'off',
  CAREZONE_RATE_LIMIT_ZONE: 'off',
  LOG_LEVEL: 'warn',
};

interface Acknowledged {
  id: string;
  reference: string;
}

function body(index: number) {
  return {
    organisation: { name: `Load test organisation ${index}`, kind: 'welfare-service' },
    zone: ['bxl-nord', 'bxl-sud', 'bxl-centre-ouest'][index % 3],
    contact: { name: `Contact ${index}`, email: `contact-${index}@example.org` },
    topics: ['diabetes'],
    format: 'on-site',
    language: 'nl',
    consent: true,
    fillTimeMs: 60_000,
  };
}

/** One server process at a time on a fixed port; `kill()` is SIGKILL, nothing graceful. */
class KillableServer {
  #child: ChildProcess | undefined;
  readonly url: string;

  constructor(
    readonly port: number,
    readonly storage: StorageOptions,
    readonly mailDir: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const args = ['serve', '--port', String(this.port), '--data', this.storage.dataDir];
    const child = spawnCli(args, {
      ...SERVER_ENV,
      // The e-mails are delivered meanwhile, as in production, into a folder this test removes.
      CAREZONE_MAIL_DIR: this.mailDir,
      ...(this.storage.databaseUrl ? { DATABASE_URL: this.storage.databaseUrl } : {}),
    });
    child.stderr?.resume();
    this.#child = child;
    // `listening` is logged at info; at warn the readiness probe is the signal.
    child.stdout?.resume();
    for (let tries = 0; tries < 600; tries++) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      const ready = await fetch(`${this.url}/readyz`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) return;
      await sleep(50);
    }
    throw new Error('the server did not become ready');
  }

  async kill(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

/** Posts request `index` until it is acknowledged, retrying the way an impatient client does. */
async function postUntilAcknowledged(
  server: KillableServer,
  index: number,
  stats: { attempts: number; clientAborts: number; replays: number; replayMismatches: number },
): Promise<Acknowledged> {
  const key = `durability-${index.toString().padStart(6, '0')}-${Math.random().toString(36).slice(2, 10)}`;
  const payload = JSON.stringify(body(index));
  const send = (signal?: AbortSignal) =>
    fetch(`${server.url}/v1/session-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: payload,
      ...(signal ? { signal } : {}),
    });
  for (let failures = 0; ; failures++) {
    stats.attempts++;
    // Some clients give up early and try again while the first attempt may still be running.
    const impatient = Math.random() < 0.15;
    try {
      const response = await send(impatient ? AbortSignal.timeout(2 + Math.random() * 40) : undefined);
      if (response.status === 201) {
        const acknowledged = (await response.json()) as Acknowledged;
        // Some clients send again after success (a double click, a lost tab): same answer expected.
        if (Math.random() < 0.1) {
          stats.replays++;
          const replay = await send().then((again) => (again.status === 201 ? again.json() : undefined));
          if (replay !== undefined && (replay as Acknowledged).id !== acknowledged.id)
            stats.replayMismatches++;
        }
        return acknowledged;
      }
      await response.body?.cancel();
      if (response.status < 500 && response.status !== 409)
        throw new Error(`request ${index}: unexpected ${response.status}`);
      // A 409 here is a twin still in flight for this key; a 5xx a server going down.
    } catch (error) {
      if (error instanceof Error && error.message.startsWith(`request ${index}`)) throw error;
      if (impatient) stats.clientAborts++;
    }
    // Jittered exponential backoff, as the SDK does: a server coming back is not stampeded.
    await sleep(Math.random() * Math.min(1_000, 20 * 2 ** failures));
  }
}

async function runLoad(target: StorageTarget, mailDir: string) {
  const storage = await target.fresh();
  const server = new KillableServer(await freePort(), storage, mailDir);
  await server.start();

  const stats = { attempts: 0, clientAborts: 0, replays: 0, replayMismatches: 0 };
  const acknowledged = new Map<number, Acknowledged>();
  let next = 0;
  const workers = Array.from({ length: CONCURRENCY }, async () => {
    while (next < REQUESTS) {
      const index = next++;
      acknowledged.set(index, await postUntilAcknowledged(server, index, stats));
    }
  });

  let kills = 0;
  const killer = (async () => {
    while (kills < KILLS && next < REQUESTS) {
      await sleep(700 + Math.random() * 1_300);
      await server.kill();
      kills++;
      await sleep(50 + Math.random() * 250);
      await server.start();
    }
  })();
  await Promise.all([...workers, killer]);
  await server.kill();
  return { storage, acknowledged, stats, kills };
}

async function readStored(options: StorageOptions) {
  const storage = await openStorage(options);
  try {
    const requests = await storage.db
      .selectFrom('session_requests')
      .select(['id', 'reference', 'request'])
      .execute();
    const keys = await storage.db
      .selectFrom('idempotency_keys')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const outbox = await storage.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return { requests, keyCount: Number(keys.count), outboxCount: Number(outbox.count) };
  } finally {
    await storage.close();
  }
}

for (const target of [sqliteTarget(), postgresTarget()]) {
  describe(`session requests under SIGKILL (${target.kind})`, () => {
    let mailDir = '';
    before(async () => {
      await target.setUp();
      mailDir = await mkdtemp(join(tmpdir(), 'carezone-durability-mail-'));
    });
    after(async () => {
      await target.tearDown();
      await rm(mailDir, { recursive: true, force: true });
    });

    test(`${REQUESTS} requests, ${KILLS} kills: every 201 stored exactly once`, async () => {
      const { storage, acknowledged, stats, kills } = await runLoad(target, mailDir);
      const { requests, keyCount, outboxCount } = await readStored(storage);

      const byIndex = new Map<number, { id: string; reference: string }[]>();
      for (const row of requests) {
        const name = (JSON.parse(row.request) as ReturnType<typeof body>).organisation.name;
        const index = Number(name.replace('Load test organisation ', ''));
        byIndex.set(index, [...(byIndex.get(index) ?? []), { id: row.id, reference: row.reference }]);
      }
      const duplicates = [...byIndex.values()].filter((rows) => rows.length > 1).length;
      const lost = [...acknowledged].filter(([index, ack]) => byIndex.get(index)?.[0]?.id !== ack.id);
      console.log(
        `  ${target.kind}: acknowledged ${acknowledged.size}, stored ${requests.length}, lost ${lost.length}, ` +
          `duplicates ${duplicates}, kills ${kills}, attempts ${stats.attempts} ` +
          `(client aborts ${stats.clientAborts}, replays after success ${stats.replays})`,
      );

      assert.equal(kills, KILLS, 'the server was killed as often as planned');
      assert.equal(acknowledged.size, REQUESTS);
      assert.deepEqual(lost, [], 'every acknowledged request is stored under its acknowledged id');
      assert.equal(duplicates, 0, 'no idempotency key has two requests');
      assert.equal(requests.length, REQUESTS, 'nothing stored beyond what was acknowledged');
      assert.equal(keyCount, REQUESTS, 'one idempotency record per request');
      assert.equal(outboxCount, 2 * REQUESTS, 'two e-mails queued per request');
      assert.equal(stats.replayMismatches, 0, 'a replay answers with the same request');
    });
  });
}
