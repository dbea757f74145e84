import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { StorageTarget } from '../../storage/test-helpers/storage-targets.js';
import { freshStorages, postgresTarget, sqliteTarget } from '../../storage/test-helpers/storage-targets.js';
import { day, sampleNews } from '../test-helpers/sample-news.js';
import { decodeNewsCursor, encodeNewsCursor } from './cursor.js';
import { listNews } from './read.js';
import { createNewsItem } from './store.js';

function paginationSuite(target: StorageTarget) {
  describe(`news pagination on ${target.kind}`, () => {
    const openFresh = freshStorages(target);

    test('every item that existed at the start is seen exactly once, in order, while items are inserted', async () => {
      const storage = await openFresh();
      let clock = Date.UTC(2025, 5, 1);
      const firstSeen = () => {
        clock += 1000;
        return new Date(clock);
      };
      const insert = (publishedAt: string | undefined, title: string) =>
        createNewsItem(storage, sampleNews({ title, publishedAt }), firstSeen());
      // Dated items, several on one instant, and undated ones seen at different times.
      for (let i = 0; i < 12; i++) await insert(day(i % 5), `dated ${i}`);
      for (let i = 0; i < 6; i++) await insert(undefined, `undated ${i}`);
      const initial = (await listNews(storage.db, { limit: 100 })).data.map((item) => item.id);
      assert.equal(initial.length, 18);

      const seen: string[] = [];
      let cursor: string | null = null;
      let inserted = 0;
      do {
        const after = cursor === null ? undefined : decodeNewsCursor(cursor);
        const page = await listNews(storage.db, { limit: 4, after });
        seen.push(...page.data.map((item) => item.id));
        cursor = page.nextCursor;
        // Between fetches: a newer item, an older one, one on an existing instant, an undated one.
        await insert(day(100 + inserted), `newer ${inserted}`);
        await insert(day(-100 - inserted), `older ${inserted}`);
        await insert(day(2), `same instant ${inserted}`);
        await insert(undefined, `undated later ${inserted}`);
        inserted++;
      } while (cursor !== null);

      const initialSet = new Set(initial);
      const seenInitial = seen.filter((id) => initialSet.has(id));
      assert.deepEqual(seenInitial, initial, 'each initial item once, in the initial order');
      assert.equal(new Set(seen).size, seen.length, 'nothing twice');

      const all = (await listNews(storage.db, { limit: 100 })).data;
      const dates = all.map((item) => item.publishedAt);
      const firstUndated = dates.indexOf(null);
      assert.ok(firstUndated > 0);
      assert.ok(
        dates.slice(firstUndated).every((date) => date === null),
        'undated last',
      );
      const dated = dates.slice(0, firstUndated) as string[];
      assert.deepEqual(dated, [...dated].sort().reverse(), 'newest first');
      const undatedTitles = all.slice(firstUndated).map((item) => item.title);
      assert.deepEqual(undatedTitles.slice(-6), [
        'undated 5',
        'undated 4',
        'undated 3',
        'undated 2',
        'undated 1',
        'undated 0',
      ]);
    });

    test('filters by zone, language and topic', async () => {
      const storage = await openFresh();
      await createNewsItem(
        storage,
        sampleNews({ title: 'a', zones: ['bxl-sud'], language: 'nl', topics: ['x'] }),
      );
      await createNewsItem(
        storage,
        sampleNews({ title: 'b', zones: ['bxl-nord', 'bxl-sud'], language: 'fr' }),
      );
      await createNewsItem(
        storage,
        sampleNews({ title: 'c', zones: ['bxl-nord'], language: 'nl', topics: ['x', 'y'] }),
      );
      const titles = async (filter: Parameters<typeof listNews>[1]) =>
        (await listNews(storage.db, filter)).data.map((item) => item.title).sort();
      assert.deepEqual(await titles({ limit: 10, zones: ['bxl-sud'] }), ['a', 'b']);
      assert.deepEqual(await titles({ limit: 10, zones: ['bxl-sud', 'bxl-nord'] }), ['a', 'b', 'c']);
      assert.deepEqual(await titles({ limit: 10, zones: [] }), []);
      assert.deepEqual(await titles({ limit: 10, language: 'fr' }), ['b']);
      assert.deepEqual(await titles({ limit: 10, topic: 'x' }), ['a', 'c']);
      assert.deepEqual(await titles({ limit: 10, topic: 'x', zones: ['bxl-nord'], language: 'nl' }), ['c']);
    });
  });
}

paginationSuite(sqliteTarget());
paginationSuite(postgresTarget());

test('cursors round-trip and anything else is refused', () => {
  const position = { dated: 1 as const, sortAt: '2025-01-01T12:00:00.000Z', id: 'abc' };
  assert.deepEqual(decodeNewsCursor(encodeNewsCursor(position)), position);
  for (const bad of [
    'nope',
    '',
    Buffer.from('[2,"2025-01-01T12:00:00.000Z","a"]').toString('base64url'),
    Buffer.from('[1,"yesterday","a"]').toString('base64url'),
  ]) {
    assert.equal(decodeNewsCursor(bad), undefined, bad);
  }
});
