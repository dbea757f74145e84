import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openStorage } from '../../storage/open-storage.js';
import type { Storage } from '../../storage/storage.js';
import type { StorageTarget } from '../../storage/test-helpers/storage-targets.js';
import { postgresTarget, sqliteTarget } from '../../storage/test-helpers/storage-targets.js';
import { listNews } from '../publish/read.js';
import { deleteNewsItem, updateNewsItem } from '../publish/store.js';
import { startFeedServer } from '../test-helpers/feed-server.js';
import { newsRowCounts, referenceZoneIds } from '../test-helpers/news-storage.js';
import { REFERENCE_FEEDS, REFERENCE_IDS } from '../test-helpers/reference-news.js';
import { FeedImportError } from './feed-error.js';
import { type ImportOptions, importFeed } from './import-feed.js';

const NOISE =
  /Aantal weergaven|keer bekeken|Facebook|Twitter|LinkedIn|Delen|^21 mrt|INFO:|IconClass|Presentatie /;

const rss = (items: string, declaration = '<?xml version="1.0" encoding="utf-8"?>') =>
  `${declaration}\n<rss version="2.0"><channel><title>t</title><link>https://feeds.example/</link>${items}</channel></rss>`;
const rssItem = (id: string, title: string) =>
  `<item><guid>${id}</guid><title>${title}</title><description>&lt;p&gt;${title}&lt;/p&gt;</description></item>`;

function importSuite(target: StorageTarget) {
  describe(`news import on ${target.kind}`, () => {
    const opened: Storage[] = [];
    let dir = '';
    let options: ImportOptions;
    const fresh = async () => {
      const storage = await openStorage(await target.fresh());
      opened.push(storage);
      return storage;
    };
    const items = async (storage: Storage) => (await listNews(storage.db, { limit: 100 })).data;
    const rows = (storage: Storage) =>
      storage.db.selectFrom('news_items').selectAll().orderBy('source_id').execute();

    before(async () => {
      await target.setUp();
      dir = await mkdtemp(join(tmpdir(), 'carezone-news-'));
      options = { zones: [], knownZones: await referenceZoneIds() };
    });
    after(async () => {
      for (const storage of opened) await storage.close();
      await target.tearDown();
      await rm(dir, { recursive: true, force: true });
    });

    test('the JSON Feed imports the five articles with zones, dates, author, topics and clean summaries', async () => {
      const storage = await fresh();
      const result = await importFeed(storage, REFERENCE_FEEDS.json, {
        ...options,
        zones: ['bxl-centre-ouest'],
      });
      assert.deepEqual(result, {
        format: 'json',
        items: 5,
        skipped: [],
        created: 5,
        updated: 0,
        unchanged: 0,
        editedByStaff: 0,
        deletedByStaff: 0,
      });
      const stored = await rows(storage);
      assert.deepEqual(stored.map((row) => row.source_id).sort(), [...REFERENCE_IDS].sort());
      const byId = new Map((await items(storage)).map((item) => [item.sourceUrl, item]));
      const elsene = byId.get(REFERENCE_IDS[0]);
      assert.ok(elsene);
      assert.equal(elsene.title, 'Infosessie bij de Sociale Coördinatie in Elsene');
      assert.equal(elsene.publishedAt, '2024-03-21T09:00:00.000Z');
      assert.deepEqual(elsene.zones, ['bxl-sud', 'bxl-centre-ouest']);
      assert.deepEqual(elsene.topics, ['info-session']);
      assert.equal(elsene.language, 'nl');
      assert.match(elsene.summary, /^Op 21 maart 2024 was er een infosessie/);
      // Three articles have no date in any field: nothing is invented.
      const undated = [1, 2, 3].map((i) => byId.get(REFERENCE_IDS[i]));
      for (const item of undated) {
        assert.ok(item);
        assert.equal(item.publishedAt, null);
        assert.equal(item.updatedAt, null);
      }
      assert.equal(byId.get(REFERENCE_IDS[2])?.author, 'JH');
      assert.equal(byId.get(REFERENCE_IDS[3])?.author, 'Sandrina Sangers');
      // No zone suggested: only the --zone given.
      assert.deepEqual(byId.get(REFERENCE_IDS[3])?.zones, ['bxl-centre-ouest']);
      // All five Brussels zones, and --zone's already among them once.
      assert.equal(byId.get(REFERENCE_IDS[1])?.zones.length, 5);
      // Flemish zones of the reference pack are kept.
      assert.deepEqual(byId.get(REFERENCE_IDS[2])?.zones, [
        'elz-noorderkempen',
        'elz-noord-antwerpen',
        'bxl-centre-ouest',
      ]);
      for (const item of byId.values()) {
        assert.ok(item.summary.length <= 300, item.summary);
        assert.doesNotMatch(item.summary, NOISE);
        assert.ok(item.bodyHtml?.startsWith('<p>'));
        assert.match(item.bodyHtml ?? '', /[éëï’“]/u, 'non-ASCII intact');
      }
      assert.match(byId.get(REFERENCE_IDS[3])?.summary ?? '', /^Agora en Fibula zijn op zoek/);
      assert.match(byId.get(REFERENCE_IDS[1])?.summary ?? '', /^Een woonzorgregio, dat is een gebied/);
      // Newest first, undated last.
      const order = (await items(storage)).map((item) => item.publishedAt);
      assert.deepEqual(order.slice(0, 2), ['2024-03-21T09:00:00.000Z', '2018-08-07T10:00:00.000Z']);
      assert.deepEqual(order.slice(2), [null, null, null]);
    });

    test('what staff decided stands: an edited item keeps their text, a deleted one stays deleted', async () => {
      const storage = await fresh();
      const withZone = { ...options, zones: ['bxl-sud'] };
      await importFeed(storage, REFERENCE_FEEDS.rss, withZone);
      const [edited, deleted] = (await rows(storage)).filter((row) => row.source_id !== null);
      assert.ok(edited && deleted);
      await updateNewsItem(storage, edited.id, (current) => ({
        ...current,
        title: 'Rechtgezet door het zoneteam',
      }));
      assert.ok(await deleteNewsItem(storage, deleted.id));

      // The next poll of a changed feed: every item again, with other text.
      const reimported = await importFeed(storage, REFERENCE_FEEDS.atom, withZone);
      assert.equal(reimported.editedByStaff, 1);
      assert.equal(reimported.deletedByStaff, 1);
      assert.equal(reimported.created, 0, 'the deleted item does not come back');
      const after = await rows(storage);
      assert.equal(after.length, 4);
      assert.ok(!after.some((row) => row.source_id === deleted.source_id));
      assert.equal(after.find((row) => row.id === edited.id)?.title, 'Rechtgezet door het zoneteam');
      assert.ok(after.find((row) => row.id === edited.id)?.edited_at, 'the edit is marked');
      // The items staff left alone still follow their feed.
      assert.ok(after.filter((row) => row.id !== edited.id).every((row) => row.edited_at === null));
      assert.equal(reimported.unchanged + reimported.updated, 3);
    });

    test('an item without any zone fails the import, naming it, and stores nothing', async () => {
      const storage = await fresh();
      await assert.rejects(importFeed(storage, REFERENCE_FEEDS.json, options), (error: Error) => {
        assert.ok(error instanceof FeedImportError);
        assert.match(error.message, /1 item\(s\) have no zone: "Oproep: help samenwerking.*--zone/);
        return true;
      });
      assert.deepEqual(await newsRowCounts(storage), { items: 0, zones: 0, topics: 0 });
    });

    test('Atom and RSS of the same articles update the same rows; re-import is idempotent', async () => {
      const storage = await fresh();
      const withZone = { ...options, zones: ['bxl-sud'] };
      await importFeed(storage, REFERENCE_FEEDS.json, withZone);
      const before = await rows(storage);
      const again = await importFeed(storage, REFERENCE_FEEDS.json, withZone);
      assert.deepEqual(again, {
        format: 'json',
        items: 5,
        skipped: [],
        created: 0,
        updated: 0,
        unchanged: 5,
        editedByStaff: 0,
        deletedByStaff: 0,
      });
      assert.deepEqual(await rows(storage), before, 'an unchanged item keeps its row untouched');

      for (const format of ['atom', 'rss'] as const) {
        const result = await importFeed(storage, REFERENCE_FEEDS[format], withZone);
        assert.equal(result.format, format);
        assert.equal(result.created, 0, `${format} creates no duplicate`);
        assert.equal((await newsRowCounts(storage)).items, 5);
        const now = await rows(storage);
        assert.deepEqual(
          now.map((row) => row.id),
          before.map((row) => row.id),
          `${format}: same ids`,
        );
        for (const row of now) {
          assert.match(row.body_html ?? '', /Co|Zorg|zorg/);
          assert.doesNotMatch(row.summary, NOISE);
          if (row.source_id !== REFERENCE_IDS[0] && row.source_id !== REFERENCE_IDS[4])
            assert.equal(row.published_at, null, `${format}: no date invented`);
        }
        assert.deepEqual(
          (await importFeed(storage, REFERENCE_FEEDS[format], withZone)).unchanged,
          5,
          `${format}: idempotent`,
        );
      }
      const atomAuthor = await importFeed(storage, REFERENCE_FEEDS.atom, withZone);
      assert.equal(atomAuthor.updated, 5);
      const byId = new Map((await items(storage)).map((item) => [item.sourceUrl, item]));
      assert.equal(byId.get(REFERENCE_IDS[2])?.author, 'JH');
      assert.deepEqual(byId.get(REFERENCE_IDS[2])?.topics, ['network-event']);
    });

    test('local item ids are prefixed with the feed, so two feeds cannot collide', async () => {
      const storage = await fresh();
      const a = join(dir, 'a.rss');
      const b = join(dir, 'b.rss');
      const feed = (link: string) => rss(rssItem('42', 'Zelfde id')).replace('https://feeds.example/', link);
      await writeFile(a, feed('https://a.example/'));
      await writeFile(b, feed('https://b.example/'));
      await importFeed(storage, a, { ...options, zones: ['bxl-sud'] });
      await importFeed(storage, b, { ...options, zones: ['bxl-sud'] });
      assert.deepEqual(
        (await rows(storage)).map((row) => row.source_id),
        ['https://a.example/#42', 'https://b.example/#42'],
      );
    });

    describe('malformed feeds: a clear error and nothing stored', () => {
      const rejects = async (location: string, message: RegExp, extra: Partial<ImportOptions> = {}) => {
        const storage = await fresh();
        await importFeed(storage, REFERENCE_FEEDS.json, { ...options, zones: ['bxl-sud'] });
        const before = await newsRowCounts(storage);
        await assert.rejects(
          importFeed(storage, location, { ...options, zones: ['bxl-sud'], ...extra }),
          (error: Error) => {
            assert.ok(error instanceof FeedImportError, String(error));
            assert.match(error.message, message);
            return true;
          },
        );
        assert.deepEqual(await newsRowCounts(storage), before);
      };

      test('broken XML', async () => {
        const file = join(dir, 'broken.rss');
        await writeFile(file, rss(`${rssItem('1', 'Een')}<item><title>Twee</item>`));
        await rejects(file, /broken\.rss is not well-formed XML: .*line/);
      });

      test('JSON that is not JSON, and a page that is not a feed', async () => {
        const json = join(dir, 'broken.json');
        await writeFile(json, '{"version": "https://jsonfeed.org/version/1.1", "items": [');
        await rejects(json, /is not valid JSON/);
        const html = join(dir, 'page.html');
        await writeFile(html, '<html><body><p>Hallo</p></body></html>');
        await rejects(html, /is not an RSS, Atom or JSON feed/);
      });

      test('a missing file', async () => {
        await rejects(join(dir, 'nope.xml'), /no file .*nope\.xml/);
      });

      test('a file over the size cap', async () => {
        const file = join(dir, 'huge.rss');
        await writeFile(file, rss(rssItem('1', 'x'.repeat(5000))));
        await rejects(file, /larger than 1000 bytes/, { limits: { maxBytes: 1000 } });
      });

      test('a URL that never answers', async () => {
        const server = await startFeedServer(() => {});
        try {
          await rejects(`${server.url}/feed.xml`, /did not answer within/, { limits: { timeoutMs: 300 } });
        } finally {
          await server.close();
        }
      });

      test('HTTP 500 and 404', async () => {
        const server = await startFeedServer((request, response) => {
          response.writeHead(request.url === '/gone' ? 404 : 500).end('no');
        });
        try {
          await rejects(`${server.url}/feed.xml`, /answered HTTP 500/);
          await rejects(`${server.url}/gone`, /answered HTTP 404/);
        } finally {
          await server.close();
        }
      });

      test('a body over the cap from a server that sends no length', async () => {
        const server = await startFeedServer((_request, response) => {
          response.writeHead(200, { 'content-type': 'application/rss+xml' });
          response.write(rss(rssItem('1', 'x'.repeat(2000))));
          response.end();
        });
        try {
          await rejects(`${server.url}/feed.xml`, /larger than 1000 bytes/, { limits: { maxBytes: 1000 } });
        } finally {
          await server.close();
        }
      });
    });

    describe('encodings', () => {
      test('ISO-8859-1 declared in the XML decodes right', async () => {
        const storage = await fresh();
        const file = join(dir, 'latin1.rss');
        const text = rss(
          rssItem('https://x.example/1', 'Coördinatie in Liège, één café'),
          '<?xml version="1.0" encoding="ISO-8859-1"?>',
        );
        await writeFile(file, Buffer.from(text, 'latin1'));
        await importFeed(storage, file, { ...options, zones: ['bxl-sud'] });
        assert.equal((await items(storage))[0]?.title, 'Coördinatie in Liège, één café');
      });

      test('an HTTP charset wins over the declaration', async () => {
        const storage = await fresh();
        const text = rss(rssItem('https://x.example/2', 'Zürich'), '<?xml version="1.0" encoding="utf-8"?>');
        const server = await startFeedServer((_request, response) => {
          response.writeHead(200, { 'content-type': 'application/rss+xml; charset=iso-8859-1' });
          response.end(Buffer.from(text, 'latin1'));
        });
        try {
          await importFeed(storage, `${server.url}/feed`, { ...options, zones: ['bxl-sud'] });
        } finally {
          await server.close();
        }
        assert.equal((await items(storage))[0]?.title, 'Zürich');
      });

      test('bytes invalid in the declared encoding become U+FFFD instead of failing', async () => {
        const storage = await fresh();
        const file = join(dir, 'wrong.rss');
        // Declared UTF-8, written in latin1: "ö" is a lone 0xF6 byte.
        await writeFile(file, Buffer.from(rss(rssItem('https://x.example/3', 'Coördinatie')), 'latin1'));
        await importFeed(storage, file, { ...options, zones: ['bxl-sud'] });
        assert.equal((await items(storage))[0]?.title, 'Co\uFFFDrdinatie');
      });

      test('an unknown encoding name falls back to UTF-8', async () => {
        const storage = await fresh();
        const file = join(dir, 'unknown.rss');
        await writeFile(
          file,
          rss(rssItem('https://x.example/4', 'Coördinatie'), '<?xml version="1.0" encoding="x-klingon"?>'),
        );
        await importFeed(storage, file, { ...options, zones: ['bxl-sud'] });
        assert.equal((await items(storage))[0]?.title, 'Coördinatie');
      });
    });
  });
}

importSuite(sqliteTarget());
importSuite(postgresTarget());
