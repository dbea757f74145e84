import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { REFERENCE_FEEDS } from '../test-helpers/reference-news.js';
import { FeedImportError } from './feed-error.js';
import { createFeedWorker } from './feed-worker-client.js';
import { prepareFeed } from './prepare-feed.js';

const options = { zones: ['bxl-sud'], knownZones: new Set(['bxl-sud', 'bxl-nord']) };
const LOCATION = 'https://zone.example/feed.rss';

describe('the feed worker', () => {
  test('prepares a feed exactly as this thread would, and again for the next feed', async () => {
    const worker = createFeedWorker();
    try {
      for (const file of [REFERENCE_FEEDS.rss, REFERENCE_FEEDS.json]) {
        const source = { bytes: await readFile(file), contentType: 'application/xml; charset=utf-8' };
        assert.deepEqual(
          await worker.prepare(source, LOCATION, options),
          prepareFeed(source, LOCATION, options),
        );
      }
    } finally {
      await worker.close();
    }
  });

  test('a feed error comes back as the FeedImportError it is', async () => {
    const worker = createFeedWorker();
    try {
      await assert.rejects(
        worker.prepare({ bytes: new TextEncoder().encode('<rss><channel>') }, LOCATION, options),
        (error: Error) => error instanceof FeedImportError && /is not well-formed XML/.test(error.message),
      );
    } finally {
      await worker.close();
    }
  });

  test('a feed over the time limit fails with a clear error, and nothing is read after close()', async () => {
    const source = { bytes: await readFile(REFERENCE_FEEDS.rss) };
    // Starting a worker alone takes longer than this.
    const hasty = createFeedWorker(1);
    try {
      await assert.rejects(hasty.prepare(source, LOCATION, options), /took more than 0 s to read: not read/);
    } finally {
      await hasty.close();
    }
    const worker = createFeedWorker();
    assert.equal((await worker.prepare(source, LOCATION, options)).items.length, 5);
    await worker.close();
    await assert.rejects(worker.prepare(source, LOCATION, options), /not read: the server is stopping/);
  });
});
