import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Storage } from '../../storage/storage.js';
import {
  freshStorages,
  postgresTarget,
  type StorageTarget,
  sqliteTarget,
} from '../../storage/test-helpers/storage-targets.js';
import { memoryLogger } from '../../test-helpers/memory-logger.js';
import { listNews } from '../publish/read.js';
import { deleteNewsItem } from '../publish/store.js';
import { newsRowCounts, referenceZoneIds } from '../test-helpers/news-storage.js';
import { type FeedAnswer, type PolledFeedServer, startPolledFeed } from '../test-helpers/polled-feed.js';
import { REFERENCE_FEEDS, REFERENCE_IDS } from '../test-helpers/reference-news.js';
import { createNewsPoller, type NewsPollerOptions } from './poll-scheduler.js';
import type { NewsSource } from './poll-settings.js';

const MINUTE = 60_000;
const INTERVAL = 30 * MINUTE;
const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const LAST_MODIFIED = 'Wed, 05 Mar 2025 08:00:00 GMT';
const FIRST_TITLE = 'Infosessie bij de Sociale Coördinatie in Elsene';

/** A clock the test moves by hand, so schedules are exact. */
function manualClock() {
  let time = Date.parse('2025-03-05T09:00:00.000Z');
  return {
    now: () => new Date(time),
    set: (iso: string) => {
      time = Date.parse(iso);
    },
    advance: (ms: number) => {
      time += ms;
    },
    iso: (offsetMs = 0) => new Date(time + offsetMs).toISOString(),
  };
}

/** A small RSS feed whose ids start with `prefix`, so two feeds do not share items. */
const smallRss = (prefix: string) =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${prefix}</title>` +
  [1, 2]
    .map(
      (n) =>
        `<item><guid>${prefix}/${n}</guid><title>Bericht ${n}</title><description>Tekst ${n}</description></item>`,
    )
    .join('') +
  '</channel></rss>';

function pollingSuite(target: StorageTarget) {
  describe(`news polling on ${target.kind}`, () => {
    const fresh = freshStorages(target);
    const feeds: PolledFeedServer[] = [];
    let reference = '';
    let knownZones: ReadonlySet<string>;
    const v1 = (): FeedAnswer => ({
      kind: 'feed',
      body: reference,
      contentType: RSS_TYPE,
      etag: '"v1"',
      lastModified: LAST_MODIFIED,
    });

    before(async () => {
      reference = await readFile(REFERENCE_FEEDS.rss, 'utf8');
      knownZones = await referenceZoneIds();
    });
    after(async () => {
      for (const feed of feeds) await feed.close();
    });

    const feedServer = async (first: FeedAnswer, delayMs = 0) => {
      const feed = await startPolledFeed(first, delayMs);
      feeds.push(feed);
      return feed;
    };
    const poller = (
      storage: Storage,
      sources: NewsSource[],
      clock: ReturnType<typeof manualClock>,
      extra: Partial<NewsPollerOptions> = {},
    ) =>
      createNewsPoller({
        storage,
        logger: memoryLogger().logger,
        settings: { sources, intervalMs: INTERVAL },
        knownZones,
        now: clock.now,
        random: () => 0.5,
        ...extra,
      });
    const sourceRow = (storage: Storage, url: string) =>
      storage.db.selectFrom('news_sources').selectAll().where('url', '=', url).executeTakeFirstOrThrow();
    const itemRows = (storage: Storage) =>
      storage.db.selectFrom('news_items').selectAll().orderBy('source_id').execute();

    test('the first poll imports the feed into every zone of its source; the next sends the validators back, and a 304 imports nothing', async () => {
      const storage = await fresh();
      const feed = await feedServer(v1());
      const url = `${feed.url}/feed.rss`;
      const clock = manualClock();
      const polling = poller(storage, [{ url, zones: ['bxl-sud', 'bxl-nord'] }], clock);

      const [first, ...none] = await polling.runOnce();
      assert.deepEqual(none, []);
      assert.equal(first?.kind, 'imported');
      assert.deepEqual(
        first.kind === 'imported' && [first.items, first.created, first.updated, first.unchanged],
        [5, 5, 0, 0],
      );
      assert.deepEqual(feed.requests, [
        { path: '/feed.rss', ifNoneMatch: undefined, ifModifiedSince: undefined },
      ]);
      const items = (await listNews(storage.db, { limit: 100 })).data;
      assert.deepEqual(items.map((item) => item.sourceUrl).sort(), [...REFERENCE_IDS].sort());
      for (const item of items) assert.deepEqual(item.zones, ['bxl-sud', 'bxl-nord']);
      const polled = await sourceRow(storage, url);
      assert.equal(polled.etag, '"v1"');
      assert.equal(polled.last_modified, LAST_MODIFIED);
      assert.equal(Number(polled.failures), 0);
      assert.equal(polled.last_polled_at, clock.iso());
      assert.equal(polled.next_poll_at, clock.iso(INTERVAL));

      assert.deepEqual(await polling.runOnce(), [], 'not due before its interval');
      assert.equal(feed.requests.length, 1);

      // An item deleted by staff stays deleted, whatever its feed answers next.
      assert.ok(await deleteNewsItem(storage, items[0]?.id ?? ''));
      const before = await itemRows(storage);
      clock.advance(INTERVAL);
      const second = await polling.runOnce();
      assert.deepEqual(second, [{ url, kind: 'not-modified' }]);
      assert.deepEqual(feed.requests[1], {
        path: '/feed.rss',
        ifNoneMatch: '"v1"',
        ifModifiedSince: LAST_MODIFIED,
      });
      assert.deepEqual(await itemRows(storage), before, 'a 304 imports nothing');
      const after = await sourceRow(storage, url);
      assert.equal(after.etag, '"v1"', 'a 304 keeps the validators');
      assert.equal(after.next_poll_at, clock.iso(INTERVAL));

      feed.answer({ kind: 'feed', body: reference, contentType: RSS_TYPE, etag: '"v2"' });
      clock.advance(INTERVAL);
      const [third] = await polling.runOnce();
      assert.equal(third?.kind, 'imported');
      assert.equal(
        third.kind === 'imported' && third.deletedByStaff,
        1,
        'a full answer does not bring it back',
      );
      assert.deepEqual(await itemRows(storage), before);
    });

    test('a changed feed updates its items in place: no duplicates, new validators', async () => {
      const storage = await fresh();
      const feed = await feedServer(v1());
      const url = `${feed.url}/feed.rss`;
      const clock = manualClock();
      const polling = poller(storage, [{ url, zones: ['bxl-sud'] }], clock);
      await polling.runOnce();
      const before = await itemRows(storage);

      feed.answer({
        kind: 'feed',
        body: reference.replace(
          `<title>${FIRST_TITLE}</title>`,
          '<title>Infosessie in Elsene (verslag)</title>',
        ),
        contentType: RSS_TYPE,
        etag: '"v2"',
      });
      clock.advance(INTERVAL);
      const [changed] = await polling.runOnce();
      assert.equal(feed.requests[1]?.ifNoneMatch, '"v1"');
      assert.equal(changed?.kind, 'imported');
      assert.deepEqual(
        changed.kind === 'imported' && [changed.created, changed.updated, changed.unchanged],
        [0, 1, 4],
      );
      const after = await itemRows(storage);
      assert.deepEqual(
        after.map((row) => row.id),
        before.map((row) => row.id),
        'the same rows, none added',
      );
      const titles = after.map((row) => row.title);
      assert.ok(titles.includes('Infosessie in Elsene (verslag)'));
      assert.ok(!titles.includes(FIRST_TITLE));
      const polled = await sourceRow(storage, url);
      assert.equal(polled.etag, '"v2"');
      assert.equal(polled.last_modified, null, 'validators the answer did not send are forgotten');
    });

    test('a failing source backs off further each time, keeps its last error, and stores nothing half', async () => {
      const storage = await fresh();
      const feed = await feedServer(v1());
      const url = `${feed.url}/feed.rss`;
      const clock = manualClock();
      const polling = poller(storage, [{ url, zones: ['bxl-sud'] }], clock, { limits: { timeoutMs: 300 } });
      await polling.runOnce();
      const before = await itemRows(storage);
      // A new, changed item first, then a broken one: the changed one must not be stored either.
      const broken = reference
        .replace(`<title>${FIRST_TITLE}</title>`, '<title>Gewijzigd</title>')
        .replace('</channel>', '<item><guid>https://example.org/x</guid><title>Half</item></channel>');
      const failures: [FeedAnswer, RegExp][] = [
        [{ kind: 'status', status: 500 }, /feed\.rss answered HTTP 500/],
        [{ kind: 'silent' }, /feed\.rss did not answer within/],
        [
          { kind: 'feed', body: broken, contentType: RSS_TYPE, etag: '"v3"' },
          /feed\.rss is not well-formed XML/,
        ],
      ];
      const waits: number[] = [];
      for (const [index, [answer, error]] of failures.entries()) {
        clock.set((await sourceRow(storage, url)).next_poll_at);
        feed.answer(answer);
        const [outcome] = await polling.runOnce();
        assert.equal(outcome?.kind, 'failed', String(index));
        const row = await sourceRow(storage, url);
        assert.equal(Number(row.failures), index + 1);
        assert.match(row.last_error ?? '', error);
        assert.equal(row.last_polled_at, clock.iso());
        assert.equal(row.etag, '"v1"', 'a failure keeps the last validators');
        waits.push(Date.parse(row.next_poll_at) - clock.now().getTime());
        assert.deepEqual(await itemRows(storage), before, `nothing stored after failure ${index + 1}`);
      }
      // random() is 0.5: three quarters of 1, 2 and 4 hours.
      assert.deepEqual(waits, [45 * MINUTE, 90 * MINUTE, 180 * MINUTE]);

      clock.set((await sourceRow(storage, url)).next_poll_at);
      feed.answer(v1());
      assert.deepEqual(await polling.runOnce(), [{ url, kind: 'not-modified' }]);
      const healed = await sourceRow(storage, url);
      assert.equal(Number(healed.failures), 0);
      assert.equal(healed.last_error, null);
      assert.equal(healed.next_poll_at, clock.iso(INTERVAL));
    });

    test('two pollers on one database fetch each due source once', async () => {
      const [first, second] = await fresh.twoOnOneDatabase();
      // Slow answers: each poller is still fetching while the other looks for due sources.
      const feedA = await feedServer({ kind: 'feed', body: smallRss('urn:a'), contentType: RSS_TYPE }, 150);
      const feedB = await feedServer({ kind: 'feed', body: smallRss('urn:b'), contentType: RSS_TYPE }, 150);
      const sources = [
        { url: `${feedA.url}/a.rss`, zones: ['bxl-sud'] },
        { url: `${feedB.url}/b.rss`, zones: ['bxl-nord'] },
      ];
      const clock = manualClock();
      const [one, two] = [poller(first, sources, clock), poller(second, sources, clock)];
      const results = await Promise.all([one.runOnce(), two.runOnce()]);
      assert.equal(feedA.requests.length, 1, 'feed A fetched once');
      assert.equal(feedB.requests.length, 1, 'feed B fetched once');
      assert.deepEqual(
        results
          .flat()
          .map((polled) => `${polled.url} ${polled.kind}`)
          .sort(),
        sources.map((source) => `${source.url} imported`).sort(),
      );
      assert.equal((await newsRowCounts(first)).items, 4);
      assert.deepEqual(await Promise.all([one.runOnce(), two.runOnce()]), [[], []]);
      assert.equal(feedA.requests.length + feedB.requests.length, 2);
    });

    test('a feed polled for one zone cannot place its items in others through `_carezone.zones`', async () => {
      const storage = await fresh();
      const item = (id: string, zones: string[]) => ({
        id,
        title: `Bericht ${id}`,
        content_text: 'Tekst',
        _carezone: { zones },
      });
      const feed = await feedServer({
        kind: 'feed',
        contentType: 'application/feed+json',
        body: JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'Zuid',
          feed_url: 'https://zuid.example/feed.json',
          items: [
            item('https://zuid.example/1', ['bxl-nord', 'bxl-sud']),
            item('https://zuid.example/2', ['bxl-nord']),
            item('https://zuid.example/3', []),
          ],
        }),
      });
      const url = `${feed.url}/feed.json`;
      const [polled] = await poller(storage, [{ url, zones: ['bxl-sud'] }], manualClock()).runOnce();
      assert.equal(polled?.kind, 'imported');
      const items = (await listNews(storage.db, { limit: 100 })).data;
      assert.equal(items.length, 3);
      for (const stored of items) assert.deepEqual(stored.zones, ['bxl-sud'], stored.title);
      assert.deepEqual((await listNews(storage.db, { zones: ['bxl-nord'], limit: 100 })).data, []);
    });

    test('a restart keeps schedule and failures but fetches in full once, in case the zones changed', async () => {
      const storage = await fresh();
      const feed = await feedServer(v1());
      const url = `${feed.url}/feed.rss`;
      const clock = manualClock();
      await poller(storage, [{ url, zones: ['bxl-sud'] }], clock).runOnce();
      const restarted = poller(storage, [{ url, zones: ['bxl-sud', 'bxl-nord'] }], clock);
      assert.deepEqual(await restarted.runOnce(), [], 'still not due');
      clock.advance(INTERVAL);
      const [polled] = await restarted.runOnce();
      assert.equal(feed.requests[1]?.ifNoneMatch, undefined);
      assert.equal(polled?.kind, 'imported');
      for (const item of (await listNews(storage.db, { limit: 100 })).data) {
        assert.deepEqual(item.zones, ['bxl-sud', 'bxl-nord']);
      }
    });

    test('stopping during a fetch returns at once and hands the source back', async () => {
      const storage = await fresh();
      const feed = await feedServer({ kind: 'silent' });
      const url = `${feed.url}/feed.rss`;
      const polling = createNewsPoller({
        storage,
        logger: memoryLogger().logger,
        settings: { sources: [{ url, zones: ['bxl-sud'] }], intervalMs: INTERVAL },
        knownZones,
        limits: { timeoutMs: 20_000 },
      });
      polling.start();
      for (let waited = 0; feed.requests.length === 0 && waited < 5000; waited += 10) await sleep(10);
      assert.equal(feed.requests.length, 1);
      const stopStarted = performance.now();
      await polling.stop();
      assert.ok(performance.now() - stopStarted < 1000, 'stop() did not wait for the 20 s timeout');
      for (let waited = 0; feed.abandoned() === 0 && waited < 1000; waited += 10) await sleep(10);
      assert.equal(feed.abandoned(), 1, 'the fetch is cancelled, not left to run until its timeout');
      const row = await sourceRow(storage, url);
      assert.ok(row.next_poll_at <= new Date().toISOString(), 'due again at once, not after the lease');
      assert.equal(Number(row.failures), 0, 'a stop is no failure');
      assert.deepEqual(await polling.runOnce(), [], 'a stopped poller polls nothing');
    });
  });
}

pollingSuite(sqliteTarget());
pollingSuite(postgresTarget());
