import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type RunningServer, startServer } from '../../server.js';
import { memoryLogger } from '../../test-helpers/memory-logger.js';
import { startPolledFeed } from '../test-helpers/polled-feed.js';
import { REFERENCE_FEEDS } from '../test-helpers/reference-news.js';

// Origins set: without, a server outside development warns about them, and this test wants no warning.
const quiet = {
  port: 0,
  dataDir: ':memory:',
  mail: false,
  retentionDays: false,
  allowedOrigins: '*',
} as const;

test('startServer polls a configured source after listening, conditionally on its schedule, and close() stops the poller', async () => {
  const feed = await startPolledFeed({
    kind: 'feed',
    body: await readFile(REFERENCE_FEEDS.rss),
    contentType: 'application/rss+xml',
    etag: '"v1"',
  });
  const url = `${feed.url}/feed.rss`;
  const capture = memoryLogger();
  let server: RunningServer | undefined;
  try {
    server = await startServer({
      ...quiet,
      logger: capture.logger,
      // A tiny interval, so the test sees the schedule poll again.
      newsPolling: { sources: [{ url, zones: ['bxl-nord'] }], intervalMs: 100 },
    });
    for (let waited = 0; feed.requests.length < 2 && waited < 5000; waited += 20) await sleep(20);
    assert.ok(feed.requests.length >= 2, 'polled at start, then again after the interval');
    assert.equal(feed.requests[0]?.ifNoneMatch, undefined);
    assert.equal(feed.requests[1]?.ifNoneMatch, '"v1"');
    const response = await fetch(`${server.url}/v1/news?zone=bxl-nord`);
    const { data } = (await response.json()) as { data: { zones: string[] }[] };
    assert.equal(data.length, 5);
    for (const item of data) assert.deepEqual(item.zones, ['bxl-nord']);

    await server.close();
    server = undefined;
    const polls = feed.requests.length;
    await sleep(300);
    assert.equal(feed.requests.length, polls, 'no poll after close()');
    // A poller left running would find the database closed, and say so.
    assert.deepEqual(
      capture.entries.filter((line) => Number(line.level) >= 40),
      [],
    );
    const logged = capture.entries;
    assert.ok(logged.some((line) => line.msg === 'news polling ready' && line.newsSources === 1));
    assert.ok(
      logged.some(
        (line) => line.msg === 'news source imported' && line.newsSource === url && line.created === 5,
      ),
    );
  } finally {
    await server?.close();
    await feed.close();
  }
});

test('no polling unless sources are configured', async () => {
  const capture = memoryLogger();
  const server = await startServer({
    ...quiet,
    logger: capture.logger,
    newsPolling: { sources: [], intervalMs: 100 },
  });
  await server.close();
  assert.ok(!capture.entries.some((line) => line.msg === 'news polling ready'));
});

test('a source in a zone the packs do not have stops the start with a clear message', async () => {
  await assert.rejects(
    startServer({
      ...quiet,
      logger: memoryLogger().logger,
      newsPolling: {
        sources: [{ url: 'https://example.org/feed.xml', zones: ['atlantis'] }],
        intervalMs: 60_000,
      },
    }),
    /CAREZONE_NEWS_SOURCES: unknown zone atlantis for https:\/\/example.org\/feed.xml/,
  );
});
