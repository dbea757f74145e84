// PostgreSQL stopped and started under load: two server processes share one PostgreSQL, which an
// operator restarts while session requests keep coming. While it is away the processes live,
// writes answer 503 STORAGE_UNAVAILABLE with Retry-After and /readyz says 503; once it is back,
// writes work again in the same processes, and every request acknowledged is stored once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type OwnPostgres, startOwnPostgres } from '../../scripts/postgres-for-tests.mjs';
import {
  assertStoredExactlyOnce,
  eventually,
  newKey,
  postAll,
  postOnce,
  ServerProcess,
  type StatusCounts,
  statusesAtOrAbove,
} from './harness.js';

const REQUESTS = 400;
const CONCURRENCY = 10;

describe('PostgreSQL stopped and started under load', () => {
  let postgres: OwnPostgres;
  const servers: ServerProcess[] = [];
  before(async () => {
    postgres = await startOwnPostgres();
  });
  after(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await postgres?.stop();
  });

  test('writes answer 503 with Retry-After while it is away and work again, without a restart, once it is back', async (t) => {
    const storage = { databaseUrl: postgres.url, dataDir: ':memory:' };
    servers.push(await ServerProcess.start({ storage }));
    servers.push(await ServerProcess.start({ storage }));
    const urls = servers.map((server) => server.url);

    const counts: StatusCounts = new Map();
    const stop = new AbortController();
    t.after(() => stop.abort());
    const load = postAll(urls, REQUESTS, CONCURRENCY, counts, { signal: stop.signal });

    await sleep(1_000);
    await postgres.halt();
    // Away: each process answers, says it is not ready, and refuses writes the way clients retry.
    for (const server of servers) {
      await eventually('/readyz says 503', async () => (await server.readyStatus()) === 503);
      const refused = await postOnce(server.url, REQUESTS + servers.indexOf(server), newKey(-1));
      assert.equal(refused.status, 503);
      assert.equal(refused.code, 'STORAGE_UNAVAILABLE');
      assert.ok(Number(refused.retryAfter) > 0, 'Retry-After says when to try again');
    }
    await sleep(2_000);
    await postgres.resume();

    for (const server of servers) {
      await eventually('/readyz says 200 again', async () => (await server.readyStatus()) === 200);
    }
    const acknowledged = await load;

    assert.ok(
      servers.every((server) => server.running),
      'no process died or was restarted',
    );
    assert.deepEqual(statusesAtOrAbove(counts, 500), { 503: counts.get(503) }, 'no 5xx but 503');
    assert.ok((counts.get(503) ?? 0) > 0, 'the load met the outage');
    assert.equal(counts.get('network'), undefined, 'every request got an answer');
    assert.doesNotMatch(servers.map((server) => server.stderr).join(''), /Error|unhandled/i);
    await assertStoredExactlyOnce(storage, acknowledged);
  });
});
