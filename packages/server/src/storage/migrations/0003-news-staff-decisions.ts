import type { Kysely } from 'kysely';

/*
 * What staff decided about imported news outlives the next import of the feed.
 * - `news_items.edited_at`: when staff last changed the item through the API. An import leaves an
 *   edited item as staff left it, instead of overwriting the correction with the feed's text.
 * - `news_deleted_sources`: the source ids of imported items staff deleted. An import leaves them
 *   out, so a deleted item does not come back at the next poll of its feed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('news_items').addColumn('edited_at', 'text').execute();
  await db.schema
    .createTable('news_deleted_sources')
    .addColumn('source_id', 'text', (c) => c.primaryKey())
    .addColumn('deleted_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('news_deleted_sources').execute();
  await db.schema.alterTable('news_items').dropColumn('edited_at').execute();
}
