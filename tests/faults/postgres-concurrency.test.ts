// Ordinary concurrency on PostgreSQL: two server processes on one database, 600 session requests
// with distinct keys, 20 in flight. Every one must be answered 201 on its first try: an insert-only
// path has nothing to serialise, so a serialisation failure there is a server fault, not load.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { postgresTarget } from '../../packages/server/src/storage/test-helpers/storage-targets.js';
import { type Acknowledged, assertStoredExactlyOnce, newKey, postOnce, ServerProcess } from './harness.js';

const REQUESTS = 600;
const CONCURRENCY = 20;

describe('PostgreSQL: two processes under ordinary concurrency', () => {
  const target = postgresTarget();
  const servers: ServerProcess[] = [];
  before(() => target.setUp());
  after(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await target.tearDown();
  });

  test(`${REQUESTS} POSTs with distinct keys, ${CONCURRENCY} at a time: all 201 at the first try`, async () => {
    const storage = await target.fresh();
    // One process first, so the second does not race it through the migrations.
    servers.push(await ServerProcess.start({ storage }));
    servers.push(await ServerProcess.start({ storage }));

    const statuses = new Map<number, number>();
    const acknowledged = new Map<number, Acknowledged>();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) {
          const index = next++;
          const server = servers[index % servers.length] as ServerProcess;
          const answer = await postOnce(server.url, index, newKey(index));
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.acknowledged) acknowledged.set(index, answer.acknowledged);
        }
      }),
    );

    assert.deepEqual(Object.fromEntries(statuses), { 201: REQUESTS }, 'every answer is 201');
    await assertStoredExactlyOnce(storage, acknowledged);
  });
});
