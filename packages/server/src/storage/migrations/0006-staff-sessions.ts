import type { Kysely } from 'kysely';

/*
 * `staff_sessions`: the staff inbox's sign-in sessions, each made from a staff token (see
 * staff/sessions.ts).
 * - `id_hash`: a SHA-256 (hex) of the session id that the cookie carries; the id itself is never
 *   stored, so a leaked database opens no session.
 * - `token_id`: the staff token signed in with. A session is valid only while that token is not
 *   revoked, so revoking it ends its sessions at once.
 * - `csrf_token`: sent back by the page in `X-CSRF-Token` on every state-changing request; useless
 *   without the cookie, so it is kept as it is (the page may ask for it again).
 * - `last_used_at`, `expires_at`: renewed while the session is in use (idle timeout), never past
 *   `created_at` plus the absolute cap; `ended_at`: signed out.
 * The index on `token_id` serves the join with `staff_tokens`; the one on `expires_at`, the purge of
 * old rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('token_id', 'text', (c) => c.notNull().references('staff_tokens.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('staff_sessions_token').on('staff_sessions').column('token_id').execute();
  await db.schema.createIndex('staff_sessions_expires').on('staff_sessions').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('staff_sessions').execute();
}
