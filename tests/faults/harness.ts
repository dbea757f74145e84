// Shared by the fault suites: real `carezone serve` processes (from source) that a test starts,
// kills and restarts; session requests posted the way a patient client posts them; and the check
// that every acknowledged request is stored exactly once.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStorage } from '../../packages/server/src/storage/open-storage.js';
import type { StorageOptions } from '../../packages/server/src/storage/storage.js';
import { freePort } from '../e2e/harness.js';
import { spawnCli } from '../helpers.js';

/** The limits a real deployment keeps would turn a load run into 429s: lifted unless a test sets them. */
export const UNLIMITED = { CAREZONE_RATE_LIMIT_IP: 'off', CAREZONE_RATE_LIMIT_ZONE: 'off' } as const;

export interface ServerProcessOptions {
  storage: StorageOptions;
  env?: Record<string, string>;
}

/** One `carezone serve` process at a time on a fixed port, started again after a kill or stop. */
export class ServerProcess {
  #child: ChildProcess | undefined;
  #stderr = '';
  #stdout = '';
  readonly url: string;

  private constructor(
    readonly port: number,
    readonly options: ServerProcessOptions,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(options: ServerProcessOptions): Promise<ServerProcess> {
    const server = new ServerProcess(await freePort(), options);
    await server.start();
    return server;
  }

  /** What the process wrote to stderr so far (crashes end up there). */
  get stderr(): string {
    return this.#stderr;
  }

  /** The JSON log lines the process wrote so far (at `LOG_LEVEL`, `warn` unless a test sets it). */
  get logLines(): Record<string, unknown>[] {
    return this.#stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  get running(): boolean {
    const child = this.#child;
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  async start(): Promise<void> {
    const { storage, env = {} } = this.options;
    const child = spawnCli(['serve', '--port', String(this.port), '--data', storage.dataDir], {
      ...UNLIMITED,
      LOG_LEVEL: 'warn',
      ...(storage.databaseUrl ? { DATABASE_URL: storage.databaseUrl } : {}),
      ...env,
    });
    this.#child = child;
    child.stdout?.on('data', (chunk: Buffer) => {
      this.#stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.#stderr += chunk.toString();
    });
    for (let tries = 0; tries < 600; tries++) {
      if (child.exitCode !== null)
        throw new Error(`the server exited with ${child.exitCode}: ${this.#stderr}`);
      if ((await this.readyStatus()) === 200) return;
      await sleep(50);
    }
    throw new Error('the server did not become ready');
  }

  /** `/readyz`'s status, or `undefined` when nothing answers. */
  async readyStatus(): Promise<number | undefined> {
    try {
      const response = await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      return response.status;
    } catch {
      return undefined;
    }
  }

  /** SIGKILL: nothing graceful. */
  kill(): Promise<void> {
    return this.#end('SIGKILL');
  }

  /** SIGTERM, as an orchestrator stops a process. */
  stop(): Promise<void> {
    return this.#end('SIGTERM');
  }

  async #end(signal: NodeJS.Signals): Promise<void> {
    const child = this.#child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Polls `probe` until it returns true, or fails the test after `timeoutMs`. */
export async function eventually(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await sleep(100);
  }
  assert.fail(`${what} within ${timeoutMs} ms`);
}

/** The body of load-test request `index`: its organisation name gives the index back. */
export function requestBody(index: number) {
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

export function indexOfStored(requestJson: string): number {
  const name = (JSON.parse(requestJson) as ReturnType<typeof requestBody>).organisation.name;
  return Number(name.replace('Load test organisation ', ''));
}

export interface Acknowledged {
  id: string;
  reference: string;
}

/** HTTP statuses seen by a load run, by status; `network` counts requests that got no answer. */
export type StatusCounts = Map<number | 'network', number>;

export function countStatus(counts: StatusCounts, status: number | 'network'): void {
  counts.set(status, (counts.get(status) ?? 0) + 1);
}

export function statusesAtOrAbove(counts: StatusCounts, floor: number): Record<string, number> {
  return Object.fromEntries([...counts].filter(([status]) => status !== 'network' && status >= floor));
}

export function newKey(index: number): string {
  return `fault-${index.toString().padStart(6, '0')}-${Math.random().toString(36).slice(2, 10)}`;
}

/** One POST of request `index` with `key`: the status and, for a 201, what it acknowledged. */
export async function postOnce(
  url: string,
  index: number,
  key: string,
  signal?: AbortSignal,
): Promise<{ status: number; acknowledged?: Acknowledged; retryAfter: string | null; code?: string }> {
  const response = await fetch(`${url}/v1/session-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(requestBody(index)),
    ...(signal ? { signal } : {}),
  });
  const retryAfter = response.headers.get('retry-after');
  if (response.status === 201) {
    return { status: 201, acknowledged: (await response.json()) as Acknowledged, retryAfter };
  }
  const text = await response.text();
  const code = response.headers.get('content-type')?.includes('problem+json')
    ? (JSON.parse(text) as { code?: string }).code
    : undefined;
  return { status: response.status, retryAfter, ...(code ? { code } : {}) };
}

export interface ClientHabits {
  /** Attempts that give up after a few milliseconds and try again (the first may still run). */
  impatience?: number;
  /** Requests sent once more after their 201 (a double click): the answer must be the same. */
  replayAfterSuccess?: number;
  maxAttempts?: number;
}

/**
 * Posts request `index` until it is acknowledged, as the SDK does: the same key on every retry,
 * jittered exponential backoff, `Retry-After` respected (capped, so a test ends). `urls` are the
 * server processes behind a load balancer: each attempt goes to the next. An attempt that gets
 * no answer counts as `network`; a replay after success that answers another request fails it.
 */
export async function postUntilAcknowledged(
  urls: readonly string[],
  index: number,
  counts: StatusCounts,
  { maxAttempts = 400, impatience = 0, replayAfterSuccess = 0 }: ClientHabits = {},
): Promise<Acknowledged> {
  const key = newKey(index);
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const url = urls[(index + attempt) % urls.length] as string;
    let waitMs = Math.random() * Math.min(1_000, 20 * 2 ** attempt);
    const timeoutMs = Math.random() < impatience ? 2 + Math.random() * 40 : 30_000;
    try {
      const answer = await postOnce(url, index, key, AbortSignal.timeout(timeoutMs));
      countStatus(counts, answer.status);
      if (answer.acknowledged) {
        if (Math.random() < replayAfterSuccess) {
          const replay = await postOnce(url, index, key).catch(() => undefined);
          if (replay?.acknowledged && replay.acknowledged.id !== answer.acknowledged.id) {
            throw new Error(`request ${index}: its replay answered another request`);
          }
        }
        return answer.acknowledged;
      }
      if (answer.status < 500 && answer.status !== 409 && answer.status !== 429) {
        throw new Error(`request ${index}: unexpected ${answer.status} ${answer.code ?? ''}`);
      }
      if (answer.retryAfter)
        waitMs = Math.min(Number(answer.retryAfter) * 1_000, 500) * (0.5 + Math.random());
    } catch (error) {
      if (error instanceof Error && error.message.startsWith(`request ${index}:`)) throw error;
      countStatus(counts, 'network');
    }
    await sleep(waitMs);
  }
  throw new Error(`request ${index} was never acknowledged`);
}

/**
 * Runs `count` requests through `concurrency` workers; returns what each was acknowledged with.
 * `signal` stops the workers taking new requests (a test that failed half-way ends its load).
 */
export async function postAll(
  urls: readonly string[],
  count: number,
  concurrency: number,
  counts: StatusCounts,
  {
    firstIndex = 0,
    signal,
    ...habits
  }: ClientHabits & { firstIndex?: number; signal?: AbortSignal | undefined } = {},
): Promise<Map<number, Acknowledged>> {
  const acknowledged = new Map<number, Acknowledged>();
  let next = firstIndex;
  const end = firstIndex + count;
  // allSettled: a failing worker must not leave the others posting after the test has ended.
  const workers = await Promise.allSettled(
    Array.from({ length: concurrency }, async () => {
      while (next < end && !signal?.aborted) {
        const index = next++;
        acknowledged.set(index, await postUntilAcknowledged(urls, index, counts, habits));
      }
    }),
  );
  const failed = workers.find((worker) => worker.status === 'rejected');
  if (failed) throw failed.reason;
  return acknowledged;
}

export async function readStored(options: StorageOptions) {
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

/**
 * Every acknowledged request is stored once, under the id it was acknowledged with, with one
 * idempotency record and two queued e-mails; nothing else is stored.
 */
export async function assertStoredExactlyOnce(
  storage: StorageOptions,
  acknowledged: ReadonlyMap<number, Acknowledged>,
): Promise<{ stored: number; lost: number; duplicates: number }> {
  const { requests, keyCount, outboxCount } = await readStored(storage);
  const byIndex = new Map<number, string[]>();
  for (const row of requests) {
    const index = indexOfStored(row.request);
    byIndex.set(index, [...(byIndex.get(index) ?? []), row.id]);
  }
  const duplicates = [...byIndex.values()].filter((ids) => ids.length > 1).length;
  const lost = [...acknowledged].filter(([index, ack]) => byIndex.get(index)?.[0] !== ack.id);
  assert.deepEqual(lost, [], 'every acknowledged request is stored under its acknowledged id');
  assert.equal(duplicates, 0, 'no request is stored twice');
  assert.equal(requests.length, acknowledged.size, 'nothing stored beyond what was acknowledged');
  assert.equal(keyCount, acknowledged.size, 'one idempotency record per request');
  assert.equal(outboxCount, 2 * acknowledged.size, 'two e-mails queued per request');
  return { stored: requests.length, lost: lost.length, duplicates };
}
