import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { createLogger } from '../logger.js';
import { openStorage } from '../storage/open-storage.js';
import type { Storage } from '../storage/storage.js';
import {
  freshStorages,
  postgresTarget,
  type StorageTarget,
  sqliteTarget,
} from '../storage/test-helpers/storage-targets.js';
import { memoryLogger } from '../test-helpers/memory-logger.js';
import { ProblemError } from './problem.js';
import type { RateLimit } from './rate-limit-setting.js';
import {
  deleteExpiredRateLimits,
  RATE_LIMITS_TABLE,
  type RateLimiter,
  type RateLimitStore,
  rateLimiter,
} from './rate-limits.js';

const silent = createLogger('silent');

function limiterOn(
  store: Pick<RateLimitStore, 'postgresPool'> & Partial<RateLimitStore>,
  limit: RateLimit | 'off',
  name = 'address',
): RateLimiter {
  return rateLimiter(
    limit,
    { capacity: 1, windowMs: 1000 },
    {
      name,
      what: 'from this address',
      store: { logger: silent, ...store },
    },
  );
}

/** `allowed`, or the refusal's Retry-After in seconds; anything but a 429 problem is rethrown. */
async function outcome(limit: RateLimiter, key: string): Promise<'allowed' | number> {
  try {
    await limit(key);
    return 'allowed';
  } catch (error) {
    if (!(error instanceof ProblemError) || error.status !== 429) throw error;
    return Number(error.headers['retry-after']);
  }
}

async function outcomes(limit: RateLimiter, key: string, count: number) {
  const seen = [];
  for (let i = 0; i < count; i++) seen.push(await outcome(limit, key));
  return seen;
}

function rateLimitSuite(target: StorageTarget) {
  describe(`rate limits, ${target.kind === 'postgres' ? 'in PostgreSQL' : 'in memory beside SQLite'}`, () => {
    const fresh = freshStorages(target);

    test('the store follows the storage: PostgreSQL when there is one, else memory', async () => {
      const storage = await fresh();
      assert.equal(storage.postgresPool === undefined, target.kind === 'sqlite');
    });

    test('a key may make its capacity of requests at once, then is refused until its window ends', async () => {
      const limit = limiterOn(await fresh(), { capacity: 3, windowMs: 1000 });
      assert.deepEqual(await outcomes(limit, 'a', 5), ['allowed', 'allowed', 'allowed', 1, 1]);
      await sleep(1100);
      // A new window opens with the next request, with the full capacity again.
      assert.deepEqual(await outcomes(limit, 'a', 4), ['allowed', 'allowed', 'allowed', 1]);
    });

    test('Retry-After is the whole seconds left of the window, and the problem says what is limited', async () => {
      const limit = limiterOn(await fresh(), { capacity: 2, windowMs: 60_000 });
      await limit('a');
      await limit('a');
      await assert.rejects(limit('a'), (error: unknown) => {
        assert.ok(error instanceof ProblemError);
        assert.equal(error.status, 429);
        assert.equal(error.code, 'RATE_LIMITED');
        const seconds = Number(error.headers['retry-after']);
        assert.ok(seconds >= 59 && seconds <= 60, `Retry-After ${seconds}`);
        assert.equal(error.message, `too many session requests from this address; try again in ${seconds} s`);
        return true;
      });
    });

    test('keys, and limits of other names, keep their own counts', async () => {
      const storage = await fresh();
      const address = limiterOn(storage, { capacity: 1, windowMs: 60_000 }, 'address');
      const zone = limiterOn(storage, { capacity: 1, windowMs: 60_000 }, 'zone');
      assert.equal(await outcome(address, 'a'), 'allowed');
      assert.equal(typeof (await outcome(address, 'a')), 'number');
      assert.equal(await outcome(address, 'b'), 'allowed');
      assert.equal(await outcome(zone, 'a'), 'allowed', 'the zone "a" is not the address "a"');
    });

    test('off never refuses', async () => {
      const limit = limiterOn(await fresh(), 'off');
      assert.deepEqual(new Set(await outcomes(limit, 'a', 50)), new Set(['allowed']));
    });

    test('a limit below one request or a window not in whole seconds is refused', async () => {
      const storage = await fresh();
      assert.throws(() => limiterOn(storage, { capacity: 0, windowMs: 1000 }), /capacity/);
      assert.throws(() => limiterOn(storage, { capacity: 1.5, windowMs: 1000 }), /capacity/);
      assert.throws(() => limiterOn(storage, { capacity: 1, windowMs: 0 }), /whole seconds/);
      assert.throws(() => limiterOn(storage, { capacity: 1, windowMs: 1500 }), /whole seconds/);
    });
  });
}

rateLimitSuite(sqliteTarget());
rateLimitSuite(postgresTarget());

describe('rate limits in memory', () => {
  test('each process counts alone', async () => {
    // Two limiters stand for two processes: on SQLite there is nothing they share.
    const [first, second] = [1, 2].map(() =>
      limiterOn({ postgresPool: undefined }, { capacity: 1, windowMs: 60_000 }),
    );
    assert.equal(await outcome(first as RateLimiter, 'a'), 'allowed');
    assert.equal(await outcome(second as RateLimiter, 'a'), 'allowed');
    assert.equal(typeof (await outcome(first as RateLimiter, 'a')), 'number');
  });
});

/** A port where nothing listens: connecting there is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('rate limits, in PostgreSQL shared by processes', () => {
  const target = postgresTarget();
  const opened: Storage[] = [];
  // Two storages on one database stand for two server processes, each with its own pool.
  const twoProcesses = async () => {
    const options = await target.fresh();
    const first = await openStorage(options);
    opened.push(first);
    const second = await openStorage(options);
    opened.push(second);
    return [first, second] as const;
  };
  before(() => target.setUp());
  after(async () => {
    for (const storage of opened) await storage.close();
    await target.tearDown();
  });

  test('processes on one database share the count', async () => {
    const [first, second] = await twoProcesses();
    const limits = [first, second].map((storage) => limiterOn(storage, { capacity: 5, windowMs: 60_000 }));
    const seen = [];
    for (let i = 0; i < 12; i++) seen.push(await outcome(limits[i % 2] as RateLimiter, 'a'));
    assert.deepEqual(seen.slice(0, 5), Array(5).fill('allowed'));
    assert.ok(
      seen.slice(5).every((answer) => typeof answer === 'number'),
      `the rest refused: ${seen}`,
    );
  });

  test('requests racing on two processes never get more than the capacity through', async () => {
    const [first, second] = await twoProcesses();
    const limits = [first, second].map((storage) => limiterOn(storage, { capacity: 5, windowMs: 60_000 }));
    const seen = await Promise.all(
      Array.from({ length: 40 }, (_, i) => outcome(limits[i % 2] as RateLimiter, 'a')),
    );
    assert.equal(seen.filter((answer) => answer === 'allowed').length, 5);
  });

  test('a key over its limit is refused from memory, without writing to PostgreSQL again', async () => {
    const [storage] = await twoProcesses();
    const limit = limiterOn(storage, { capacity: 3, windowMs: 60_000 });
    await outcomes(limit, 'a', 10);
    const { rows } = await sql<{ points: number }>`
      select points from rate_limits where key = 'address:a'`.execute(storage.db);
    assert.deepEqual(rows, [{ points: 4 }], 'three allowed, one refused by PostgreSQL, six by memory');
  });

  test('rows whose window ended over a minute ago are deleted; others stay', async () => {
    const [storage] = await twoProcesses();
    const now = Date.now();
    await sql`insert into ${sql.table(RATE_LIMITS_TABLE)} (key, points, expire) values
      ('address:long-gone', 1, ${now - 2 * 3_600_000}),
      ('zone:just-ended', 1, ${now - 10_000}),
      ('zone:current', 1, ${now + 60_000})`.execute(storage.db);
    const keys = async () => {
      const { rows } = await sql<{ key: string }>`select key from rate_limits order by key`.execute(
        storage.db,
      );
      return rows.map((row) => row.key);
    };
    // The first request of a limit sweeps, without waiting for it.
    await limiterOn(storage, { capacity: 5, windowMs: 60_000 })('b');
    for (let waited = 0; (await keys()).includes('address:long-gone') && waited < 5_000; waited += 20) {
      await sleep(20);
    }
    assert.deepEqual(await keys(), ['address:b', 'zone:current', 'zone:just-ended']);
    // A scheduled job may sweep too: five minutes on, every window here has ended.
    assert.equal(await deleteExpiredRateLimits(storage.postgresPool as pg.Pool, now + 5 * 60_000), 3);
    assert.deepEqual(await keys(), []);
  });

  test('a request that comes as the storage closes is still limited, and its sweep fails quietly', async () => {
    // The first request of a limit sweeps: here on a pool that has ended.
    const storage = await openStorage(await target.fresh());
    const limit = limiterOn(storage, { capacity: 1, windowMs: 60_000 });
    await storage.close();
    assert.deepEqual(await outcomes(limit, 'a', 2), ['allowed', 60]);
    // An unhandled rejection of the sweep would fail this test file; give it time to surface.
    await sleep(50);
  });

  test('while PostgreSQL is away each process counts alone, says so once, and no error reaches the request', async () => {
    const pool = new pg.Pool({
      connectionString: `postgres://nobody@127.0.0.1:${await closedPort()}/nothing`,
      connectionTimeoutMillis: 2_000,
    });
    pool.on('error', () => {});
    const log = memoryLogger();
    try {
      const limit = limiterOn({ postgresPool: pool, logger: log.logger }, { capacity: 2, windowMs: 60_000 });
      const seen = await outcomes(limit, '198.51.100.23', 4);
      assert.deepEqual(seen.slice(0, 2), ['allowed', 'allowed']);
      for (const seconds of seen.slice(2)) assert.ok(typeof seconds === 'number' && seconds >= 59);
      const warnings = log.lines.map(
        (line) => JSON.parse(line) as { level: number; msg: string; limit?: string },
      );
      assert.equal(warnings.length, 1, 'one warning, not one per request');
      assert.equal(warnings[0]?.level, 40);
      assert.equal(warnings[0]?.limit, 'address');
      assert.match(warnings[0]?.msg ?? '', /PostgreSQL did not answer/);
      assert.ok(!log.text().includes('198.51.100.23'), 'the client address is not logged');
    } finally {
      await pool.end();
    }
  });
});
