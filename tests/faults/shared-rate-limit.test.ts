// The session request limits hold across server processes that share one PostgreSQL: with
// `CAREZONE_RATE_LIMIT_IP=5/min`, a client whose requests a load balancer spreads over two processes
// still gets 5 through, not 5 per process. One process on SQLite keeps counting in its own memory.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { StorageOptions } from '../../packages/server/src/storage/storage.js';
import {
  postgresTarget,
  sqliteTarget,
} from '../../packages/server/src/storage/test-helpers/storage-targets.js';
import { freePort } from '../e2e/harness.js';
import { exitOf, spawnCli, waitForLog } from '../helpers.js';

const REQUESTS = 12;
const LIMIT = 5;

interface Answer {
  status: number;
  retryAfter: string | null;
  code: string | undefined;
  detail: string | undefined;
}

/** The `carezone serve` processes a suite started, stopped (SIGTERM) when it ends. */
function serverProcesses() {
  const running: ChildProcess[] = [];
  return {
    async start(storage: StorageOptions, env: Record<string, string>): Promise<string> {
      const port = await freePort();
      const child = spawnCli(['serve', '--port', String(port), '--data', storage.dataDir], {
        ...(storage.databaseUrl ? { DATABASE_URL: storage.databaseUrl } : {}),
        ...env,
      });
      running.push(child);
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      await waitForLog(child, (line) => line.msg === 'listening', 30_000).catch((error: Error) => {
        throw new Error(`${error.message}\n${stderr}`);
      });
      return `http://127.0.0.1:${port}`;
    },
    async stopAll(): Promise<void> {
      const children = running.splice(0);
      await Promise.all(
        children.map((child) => {
          const exited = exitOf(child);
          child.kill('SIGTERM');
          return exited;
        }),
      );
    },
  };
}

async function post(url: string, zone: string): Promise<Answer> {
  const response = await fetch(`${url}/v1/session-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      organisation: { name: 'OCMW Rate Limit Test', kind: 'welfare-service' },
      zone,
      contact: { name: 'Test Contact', email: 'contact@example.org' },
      topics: ['diabetes'],
      format: 'on-site',
      language: 'nl',
      consent: true,
      fillTimeMs: 60_000,
    }),
  });
  const body = (await response.json()) as { code?: string; detail?: string };
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    code: body.code,
    detail: body.detail,
  };
}

/** Sends `count` requests one after the other, each to the next process, as a round-robin balancer. */
async function alternate(urls: readonly string[], count: number, zone: string): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let i = 0; i < count; i++) answers.push(await post(urls[i % urls.length] as string, zone));
  return answers;
}

/** The first `LIMIT` are stored; every later one is a 429 RATE_LIMITED saying when to come back. */
function assertLimited(answers: readonly Answer[], windowSeconds: number, what: RegExp): void {
  assert.deepEqual(
    answers.map((answer) => answer.status),
    [...Array(LIMIT).fill(201), ...Array(answers.length - LIMIT).fill(429)],
  );
  for (const refused of answers.slice(LIMIT)) {
    assert.equal(refused.code, 'RATE_LIMITED');
    assert.match(refused.detail ?? '', what);
    const seconds = Number(refused.retryAfter);
    assert.ok(
      Number.isInteger(seconds) && seconds >= 1 && seconds <= windowSeconds,
      `Retry-After ${refused.retryAfter} is whole seconds within the window`,
    );
    assert.match(refused.detail ?? '', new RegExp(`try again in ${seconds} s`));
  }
}

describe('two server processes on one PostgreSQL share the session request limits', () => {
  const target = postgresTarget();
  const servers = serverProcesses();
  before(() => target.setUp());
  after(async () => {
    await servers.stopAll();
    await target.tearDown();
  });

  /** Two processes on a fresh database; the first migrates it before the second starts. */
  async function twoProcesses(env: Record<string, string>): Promise<string[]> {
    const storage = await target.fresh();
    const settings = { CAREZONE_RATE_LIMIT_IP: 'off', CAREZONE_RATE_LIMIT_ZONE: 'off', ...env };
    return [await servers.start(storage, settings), await servers.start(storage, settings)];
  }

  test(`per client address: ${LIMIT}/min lets ${LIMIT} of ${REQUESTS} through, whichever process answers`, async () => {
    const urls = await twoProcesses({ CAREZONE_RATE_LIMIT_IP: `${LIMIT}/min` });
    // Spread over zones, so only the address can be what limits them.
    const answers: Answer[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      answers.push(
        await post(urls[i % 2] as string, ['bxl-nord', 'bxl-sud', 'bxl-centre-ouest'][i % 3] as string),
      );
    }
    assertLimited(answers, 60, /from this address/);
  });

  test(`per zone: ${LIMIT}/min lets ${LIMIT} of ${REQUESTS} through for that zone, and another zone still gets in`, async () => {
    const urls = await twoProcesses({ CAREZONE_RATE_LIMIT_ZONE: `${LIMIT}/min` });
    assertLimited(await alternate(urls, REQUESTS, 'bxl-sud'), 60, /for this zone/);
    assert.equal((await post(urls[0] as string, 'bxl-nord')).status, 201);
    assert.equal((await post(urls[1] as string, 'bxl-nord')).status, 201);
  });
});

describe('one server process on SQLite limits in its own memory', () => {
  const target = sqliteTarget();
  const servers = serverProcesses();
  before(() => target.setUp());
  after(async () => {
    await servers.stopAll();
    await target.tearDown();
  });

  test(`${LIMIT}/min lets ${LIMIT} of ${REQUESTS} through; a restart starts counting afresh`, async () => {
    const storage = await target.fresh();
    const env = { CAREZONE_RATE_LIMIT_IP: `${LIMIT}/min`, CAREZONE_RATE_LIMIT_ZONE: 'off' };
    const url = await servers.start(storage, env);
    assertLimited(await alternate([url], REQUESTS, 'bxl-sud'), 60, /from this address/);

    // The counts lived in the stopped process's memory, not in the database file.
    await servers.stopAll();
    const again = await servers.start(storage, env);
    assertLimited(await alternate([again], LIMIT + 1, 'bxl-sud'), 60, /from this address/);
  });
});
