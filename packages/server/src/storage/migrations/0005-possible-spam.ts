import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/*
 * `session_requests.possible_spam`: 1 for a request whose hidden honeypot field came filled in
 * from a form that was open long enough and had consent given. A browser's or password manager's
 * autofill can do that for a person, so such a request is stored rather than dropped, but it queues
 * no e-mail and stays out of the staff's list until staff confirm it (back to 0) or delete it.
 * An integer rather than a boolean: SQLite has none, and 0/1 reads the same on both dialects.
 * The partial index lists the few flagged requests of a zone without scanning all the others.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('session_requests')
    .addColumn('possible_spam', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('session_requests_possible_spam')
    .on('session_requests')
    .columns(['zone_id', 'created_at desc', 'id desc'])
    .where(sql.ref('possible_spam'), '=', 1)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('session_requests_possible_spam').execute();
  await db.schema.alterTable('session_requests').dropColumn('possible_spam').execute();
}
