import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/*
 * News ordering and feed polling.
 * - `dated`: 1 when a news item has a publication or update date, 0 when it has neither. The
 *   list orders by (dated desc, sort_at desc, id desc): newest first and undated items last, with
 *   no nulls in the key, so SQLite and PostgreSQL (which sort nulls at opposite ends) page alike.
 *   `sort_at` becomes published ?? updated ?? first seen.
 * - `news_sources`: what the last answer of each polled feed said (ETag, Last-Modified), for
 *   conditional requests, and its failures, for backoff. Shared by every server process.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('news_items')
    .addColumn('dated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update news_items
    set dated = case when published_at is null and updated_at is null then 0 else 1 end,
        sort_at = coalesce(published_at, updated_at, created_at)`.execute(db);
  await db.schema.dropIndex('news_items_newest').execute();
  await db.schema
    .createIndex('news_items_order')
    .on('news_items')
    .columns(['dated desc', 'sort_at desc', 'id desc'])
    .execute();

  await db.schema
    .createTable('news_sources')
    .addColumn('url', 'text', (c) => c.primaryKey())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_poll_at', 'text', (c) => c.notNull())
    .addColumn('last_polled_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('news_sources').execute();
  await db.schema.dropIndex('news_items_order').execute();
  await db.schema
    .createIndex('news_items_newest')
    .on('news_items')
    .columns(['sort_at desc', 'id desc'])
    .execute();
  await db.schema.alterTable('news_items').dropColumn('dated').execute();
}
