import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/*
 * One schema for SQLite and PostgreSQL, so only portable column types are used:
 * - timestamps are `text` holding `toISOString()` (UTC, fixed width). `timestamptz` would come
 *   back from pg as a `Date` but from SQLite as a string; text reads the same on both, and
 *   fixed-width UTC strings sort and compare in time order, which the cursors rely on.
 * - JSON is `text` (`JSON.stringify`): `jsonb` would be parsed by pg but not by SQLite. What has to
 *   be filtered (a news item's zones and topics) also gets its own rows.
 * - ids are application-made text (UUIDs, references), so no autoincrement, which differs.
 * A migration never imports from the contract: it must stay as it was when it first ran.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('session_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('zone_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The staff list: one zone, newest first, keyset cursor on (created_at, id).
  await db.schema
    .createIndex('session_requests_zone_newest')
    .on('session_requests')
    .columns(['zone_id', 'created_at desc', 'id desc'])
    .execute();

  await db.schema
    .createTable('session_request_history')
    .addColumn('request_id', 'text', (c) => c.notNull().references('session_requests.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_request_history_pk', ['request_id', 'seq'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer', (c) => c.notNull())
    .addColumn('response_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Expiring old keys scans by age.
  await db.schema
    .createIndex('idempotency_keys_created')
    .on('idempotency_keys')
    .column('created_at')
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
  // The sender only ever looks at undelivered rows that are due; delivered ones pile up.
  await db.schema
    .createIndex('outbox_due')
    .on('outbox')
    .column('next_attempt_at')
    .where(sql.ref('delivered_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('staff_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('news_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Both dialects let several rows have a null in a unique column.
    .addColumn('source_id', 'text', (c) => c.unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text')
    .addColumn('language', 'text')
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text')
    .addColumn('author', 'text')
    .addColumn('zones', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('image', 'text')
    .addColumn('source_url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Never null: SQLite sorts nulls last in `desc` and PostgreSQL first, so a nullable
    // `published_at` would page differently on the two.
    .addColumn('sort_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('news_items_newest')
    .on('news_items')
    .columns(['sort_at desc', 'id desc'])
    .execute();

  await db.schema
    .createTable('news_item_zones')
    .addColumn('news_id', 'text', (c) => c.notNull().references('news_items.id').onDelete('cascade'))
    .addColumn('zone_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('news_item_zones_pk', ['news_id', 'zone_id'])
    .execute();
  await db.schema
    .createIndex('news_item_zones_zone')
    .on('news_item_zones')
    .columns(['zone_id', 'news_id'])
    .execute();

  await db.schema
    .createTable('news_item_topics')
    .addColumn('news_id', 'text', (c) => c.notNull().references('news_items.id').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('news_item_topics_pk', ['news_id', 'topic'])
    .execute();
  await db.schema
    .createIndex('news_item_topics_topic')
    .on('news_item_topics')
    .columns(['topic', 'news_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'news_item_topics',
    'news_item_zones',
    'news_items',
    'staff_tokens',
    'outbox',
    'idempotency_keys',
    'session_request_history',
    'session_requests',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
