import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/database.js';
import type { Storage, StorageKind, StorageTransaction } from '../../storage/storage.js';
import { retryOnWriteConflict } from '../../storage/write-conflicts.js';
import type { PreparedNewsItem } from '../items/news-draft.js';
import { contentColumns, type NewsRow, sortColumns, toPrepared } from './rows.js';

/**
 * The item, and on PostgreSQL a lock on it until the transaction ends (SQLite's transactions are
 * serial already): what a staff change reads and checks cannot change before it writes, and two
 * changes of one item take their locks in the same order instead of deadlocking.
 */
function selectItemToChange(trx: Kysely<Database>, kind: StorageKind, id: string) {
  const query = trx.selectFrom('news_items').selectAll().where('id', '=', id);
  return (kind === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}

/** The zone and topic rows of an item, rewritten to match it (filters are plain joins on them). */
async function syncLinks(trx: Kysely<Database>, id: string, item: PreparedNewsItem): Promise<void> {
  await trx.deleteFrom('news_item_zones').where('news_id', '=', id).execute();
  await trx.deleteFrom('news_item_topics').where('news_id', '=', id).execute();
  if (item.zones.length > 0) {
    await trx
      .insertInto('news_item_zones')
      .values(item.zones.map((zone_id) => ({ news_id: id, zone_id })))
      .execute();
  }
  if (item.topics.length > 0) {
    await trx
      .insertInto('news_item_topics')
      .values(item.topics.map((topic) => ({ news_id: id, topic })))
      .execute();
  }
}

async function insertItem(trx: Kysely<Database>, item: PreparedNewsItem, now: Date): Promise<NewsRow> {
  const createdAt = now.toISOString();
  const row = {
    id: randomUUID(),
    ...contentColumns(item),
    created_at: createdAt,
    ...sortColumns(item, createdAt),
    edited_at: null,
  };
  await trx.insertInto('news_items').values(row).execute();
  await syncLinks(trx, row.id, item);
  return row;
}

/** Rewrites an item's content; `editedAt` marks a change by staff (an import passes none). */
async function replaceItem(
  trx: Kysely<Database>,
  current: NewsRow,
  item: PreparedNewsItem,
  editedAt: string | null = current.edited_at,
): Promise<NewsRow> {
  const columns = { ...contentColumns(item), ...sortColumns(item, current.created_at), edited_at: editedAt };
  await trx.updateTable('news_items').set(columns).where('id', '=', current.id).execute();
  await syncLinks(trx, current.id, item);
  return { ...current, ...columns };
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Items staff changed through the API: left as staff left them. */
  editedByStaff: number;
  /** Items staff deleted: left out. */
  deletedByStaff: number;
}

/**
 * Stores the items of one feed in one transaction: an item whose `sourceId` is known is updated
 * when its content changed and left untouched when not; a new one is inserted. What staff decided
 * stands: an item staff edited keeps their version, one staff deleted stays deleted. A failure
 * stores nothing of the feed. Two imports of one feed at once (the CLI beside a poll): the loser's
 * insert breaks the source id's unique key, and it runs again as an update.
 */
export function upsertImportedItems(
  storage: Storage,
  items: readonly PreparedNewsItem[],
  now: () => Date = () => new Date(),
): Promise<ImportCounts> {
  return retryOnWriteConflict(() => storage.transaction((trx) => upsertOnce(trx, items, now)));
}

async function upsertOnce(
  trx: StorageTransaction,
  items: readonly PreparedNewsItem[],
  now: () => Date,
): Promise<ImportCounts> {
  const counts: ImportCounts = {
    created: 0,
    updated: 0,
    unchanged: 0,
    editedByStaff: 0,
    deletedByStaff: 0,
  };
  for (const item of items) {
    if (item.sourceId === null) throw new Error('an imported news item needs its source id');
    const current = await trx
      .selectFrom('news_items')
      .selectAll()
      .where('source_id', '=', item.sourceId)
      .executeTakeFirst();
    if (!current) {
      const deleted = await trx
        .selectFrom('news_deleted_sources')
        .select('source_id')
        .where('source_id', '=', item.sourceId)
        .executeTakeFirst();
      if (deleted) {
        counts.deletedByStaff++;
      } else {
        await insertItem(trx, item, now());
        counts.created++;
      }
    } else if (current.edited_at !== null) {
      counts.editedByStaff++;
    } else if (isDeepStrictEqual(toPrepared(current), item)) {
      counts.unchanged++;
    } else {
      await replaceItem(trx, current, item);
      counts.updated++;
    }
  }
  return counts;
}

/** Stores an item published through the API. */
export function createNewsItem(storage: Storage, item: PreparedNewsItem, now = new Date()): Promise<NewsRow> {
  return storage.transaction((trx) => insertItem(trx, item, now));
}

/**
 * Changes a stored item as staff asked: `change` gets the current content and returns the new one,
 * or `undefined` to leave it. Read (and locked) and written in one transaction, so two edits cannot interleave. A
 * changed item is marked edited, so the next import of its feed does not undo the change.
 */
export function updateNewsItem(
  storage: Storage,
  id: string,
  change: (current: PreparedNewsItem) => PreparedNewsItem | undefined,
  now = new Date(),
): Promise<NewsRow | undefined> {
  return storage.transaction(async (trx) => {
    const current = await selectItemToChange(trx, storage.kind, id);
    if (!current) return undefined;
    const next = change(toPrepared(current));
    return next === undefined ? current : replaceItem(trx, current, next, now.toISOString());
  });
}

/**
 * Deletes an item with its zone and topic rows; whether it existed. `check` gets the stored item
 * first and throws to refuse (a staff token's zone rules), in the same transaction as the delete,
 * so the item cannot change zones in between. An imported item's source id is remembered, so the
 * next import of its feed leaves it out.
 */
export function deleteNewsItem(
  storage: Storage,
  id: string,
  check: (current: PreparedNewsItem) => void = () => undefined,
  now = new Date(),
): Promise<boolean> {
  return storage.transaction(async (trx) => {
    const current = await selectItemToChange(trx, storage.kind, id);
    if (!current) return false;
    check(toPrepared(current));
    if (current.source_id !== null) {
      await trx
        .insertInto('news_deleted_sources')
        .values({ source_id: current.source_id, deleted_at: now.toISOString() })
        .onConflict((conflict) => conflict.column('source_id').doNothing())
        .execute();
    }
    // Explicit rather than relying on ON DELETE CASCADE, which SQLite applies only with foreign keys on.
    await trx.deleteFrom('news_item_zones').where('news_id', '=', id).execute();
    await trx.deleteFrom('news_item_topics').where('news_id', '=', id).execute();
    await trx.deleteFrom('news_items').where('id', '=', id).execute();
    return true;
  });
}
