// SIGKILL loops: a bounded load posts a few thousand session requests, with impatient clients and
// replays after success, while the server is killed with SIGKILL and started again several times.
// No answer may be a 5xx, /readyz must say 200 again after each start, and every request that got
// a 201 must be stored exactly once, under the id it was acknowledged with. On SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  postgresTarget,
  sqliteTarget,
} from '../../packages/server/src/storage/test-helpers/storage-targets.js';
import {
  assertStoredExactlyOnce,
  postAll,
  ServerProcess,
  type StatusCounts,
  statusesAtOrAbove,
} from './harness.js';

const REQUESTS = Number(process.env.DURABILITY_REQUESTS ?? 2000);
const CONCURRENCY = 24;
const KILLS = 4;

for (const target of [sqliteTarget(), postgresTarget()]) {
  describe(`session requests under SIGKILL (${target.kind})`, () => {
    test(`${REQUESTS} requests, ${KILLS} kills: no 5xx, every 201 stored exactly once`, async (t) => {
      await target.setUp();
      t.after(() => target.tearDown());
      const storage = await target.fresh();
      const server = await ServerProcess.start({ storage });
      t.after(() => server.stop());

      const counts: StatusCounts = new Map();
      const stop = new AbortController();
      t.after(() => stop.abort());
      const load = postAll([server.url], REQUESTS, CONCURRENCY, counts, {
        impatience: 0.15,
        replayAfterSuccess: 0.1,
        signal: stop.signal,
      });
      let kills = 0;
      let finished = false;
      void load.finally(() => {
        finished = true;
      });
      while (kills < KILLS && !finished) {
        await sleep(700 + Math.random() * 1_300);
        await server.kill();
        kills++;
        await sleep(50 + Math.random() * 250);
        await server.start();
        assert.equal(await server.readyStatus(), 200, '/readyz says ready once started');
      }
      const acknowledged = await load;
      await server.kill();

      const result = await assertStoredExactlyOnce(storage, acknowledged);
      console.log(
        `  ${target.kind}: acknowledged ${acknowledged.size}, stored ${result.stored}, lost ${result.lost}, ` +
          `duplicates ${result.duplicates}, kills ${kills}, answers ${JSON.stringify(Object.fromEntries(counts))}`,
      );
      assert.equal(kills, KILLS, 'the server was killed as often as planned');
      assert.equal(acknowledged.size, REQUESTS);
      assert.deepEqual(
        statusesAtOrAbove(counts, 500),
        {},
        'no 5xx: a killed server gives no answer, not an error',
      );
    });
  });
}
