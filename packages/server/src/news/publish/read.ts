import type { NewsItem } from '@carezone/contract';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/database.js';
import { encodeNewsCursor, type NewsPosition } from './cursor.js';
import { type NewsRow, toNewsItem } from './rows.js';

export interface NewsFilter {
  /** Items of any of these zones; all items when absent. An empty list matches nothing. */
  zones?: readonly string[] | undefined;
  language?: string | undefined;
  topic?: string | undefined;
}

export interface ListNews extends NewsFilter {
  after?: NewsPosition | undefined;
  limit: number;
}

export interface StoredNewsPage {
  data: NewsItem[];
  nextCursor: string | null;
}

/** The stored row of one item, or `undefined`. */
export function getNewsRow(db: Kysely<Database>, id: string): Promise<NewsRow | undefined> {
  return db.selectFrom('news_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getNewsItem(db: Kysely<Database>, id: string): Promise<NewsItem | undefined> {
  const row = await getNewsRow(db, id);
  return row && toNewsItem(row);
}

/**
 * One page, newest first with undated items last, keyset-paged on (dated, sort_at, id): a row
 * comparison both dialects understand and the `news_items_order` index serves.
 */
export async function listNews(
  db: Kysely<Database>,
  { zones, language, topic, after, limit }: ListNews,
): Promise<StoredNewsPage> {
  if (zones !== undefined && zones.length === 0) return { data: [], nextCursor: null };
  const rows = await db
    .selectFrom('news_items')
    .selectAll()
    .$if(zones !== undefined, (q) =>
      q.where('id', 'in', (eb) =>
        eb
          .selectFrom('news_item_zones')
          .select('news_id')
          .where('zone_id', 'in', zones ?? []),
      ),
    )
    .$if(topic !== undefined, (q) =>
      q.where('id', 'in', (eb) =>
        eb
          .selectFrom('news_item_topics')
          .select('news_id')
          .where('topic', '=', topic ?? ''),
      ),
    )
    .$if(language !== undefined, (q) => q.where('language', '=', language ?? ''))
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb(
          eb.refTuple('dated', 'sort_at', 'id'),
          '<',
          eb.tuple(after?.dated ?? 0, after?.sortAt ?? '', after?.id ?? ''),
        ),
      ),
    )
    .orderBy('dated', 'desc')
    .orderBy('sort_at', 'desc')
    .orderBy('id', 'desc')
    // One more than asked tells whether another page exists without a count.
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(toNewsItem),
    nextCursor:
      rows.length > limit && last
        ? encodeNewsCursor({ dated: last.dated === 1 ? 1 : 0, sortAt: last.sort_at, id: last.id })
        : null,
  };
}
