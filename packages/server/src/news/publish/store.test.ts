// Staff changes to one news item at the same moment, on both storages: each change reads the item
// and writes what it decided from it, so without a lock on PostgreSQL (read committed) the second
// write would undo the first.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { freshStorages, postgresTarget, sqliteTarget } from '../../storage/test-helpers/storage-targets.js';
import { prepareNewsItem } from '../items/prepare-item.js';
import { createNewsItem, deleteNewsItem, updateNewsItem } from './store.js';

const ROUNDS = 20;

for (const target of [sqliteTarget(), postgresTarget()]) {
  describe(`news store on ${target.kind}`, () => {
    const openFresh = freshStorages(target);

    test('two staff edits of one item at once both stand', async () => {
      const storage = await openFresh();
      for (let round = 0; round < ROUNDS; round++) {
        const item = await createNewsItem(
          storage,
          prepareNewsItem({ sourceId: null, title: 'Oud', summary: 'Oud', zones: ['bxl-nord'] }),
        );
        await Promise.all([
          updateNewsItem(storage, item.id, (current) => ({ ...current, title: `Titel ${round}` })),
          updateNewsItem(storage, item.id, (current) => ({ ...current, summary: `Samenvatting ${round}` })),
        ]);
        const stored = await storage.db
          .selectFrom('news_items')
          .select(['title', 'summary'])
          .where('id', '=', item.id)
          .executeTakeFirstOrThrow();
        assert.deepEqual(
          stored,
          { title: `Titel ${round}`, summary: `Samenvatting ${round}` },
          `round ${round}`,
        );
      }
    });

    test('a delete checks the zones the item has when it deletes, not before', async () => {
      const storage = await openFresh();
      for (let round = 0; round < ROUNDS; round++) {
        const item = await createNewsItem(
          storage,
          prepareNewsItem({ sourceId: null, title: 'Gedeeld', zones: ['bxl-sud'] }),
        );
        const onlyOwnZone = (current: { zones: readonly string[] }) => {
          if (current.zones.some((zone) => zone !== 'bxl-sud')) throw new Error('shared');
        };
        const [shared, deleted] = await Promise.allSettled([
          updateNewsItem(storage, item.id, (current) => ({ ...current, zones: ['bxl-sud', 'bxl-nord'] })),
          deleteNewsItem(storage, item.id, onlyOwnZone),
        ]);
        assert.equal(shared.status, 'fulfilled');
        const remaining = await storage.db
          .selectFrom('news_items')
          .select('zones')
          .where('id', '=', item.id)
          .executeTakeFirst();
        // Either the delete went first (nothing left), or it saw the shared item and refused.
        if (deleted.status === 'fulfilled' && deleted.value) {
          assert.equal(remaining, undefined, `round ${round}: deleted, so gone`);
        } else {
          assert.deepEqual(JSON.parse(remaining?.zones ?? '[]'), ['bxl-sud', 'bxl-nord'], `round ${round}`);
        }
      }
    });
  });
}
