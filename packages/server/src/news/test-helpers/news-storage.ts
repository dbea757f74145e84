import { REFERENCE_PACK_DIR } from '../../packs/test-helpers/reference-pack.js';
import type { Storage } from '../../storage/storage.js';
import { loadZoneDirectory } from '../../zones/load-zone-directory.js';

/** Rows of the three news tables, to show that a failed import stored nothing. */
export async function newsRowCounts(storage: Storage) {
  const count = async (table: 'news_items' | 'news_item_zones' | 'news_item_topics') => {
    const { n } = await storage.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  };
  return {
    items: await count('news_items'),
    zones: await count('news_item_zones'),
    topics: await count('news_item_topics'),
  };
}

let referenceZones: Promise<Set<string>> | undefined;

/** Zone ids of the reference pack. */
export function referenceZoneIds(): Promise<Set<string>> {
  referenceZones ??= loadZoneDirectory([REFERENCE_PACK_DIR]).then(
    (directory) => new Set(directory.zones({}).map((zone) => zone.id)),
  );
  return referenceZones;
}
