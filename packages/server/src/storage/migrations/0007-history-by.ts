import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/*
 * Who did what to a session request, and which e-mails belong to it:
 * - `session_request_history.by_token`: the id of the staff token that made a status change;
 *   `null` for the visitor's own "received" (and for every entry made before this migration). The
 *   label is joined from `staff_tokens` when read, so it follows a renamed token; tokens are
 *   revoked, never deleted, so the join always finds one. No foreign key: SQLite cannot add one
 *   to an existing table, and the history must outlive nothing here anyway.
 * - `outbox.request_id`: the session request an outbox row mails about, so the staff API can tell
 *   the state of a request's e-mails with an indexed lookup rather than by parsing every payload.
 *   Filled for the rows already queued from their payload (`{"requestId":…}`), in JavaScript so the
 *   same code runs on both dialects; `null` for rows of other kinds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('session_request_history').addColumn('by_token', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('request_id', 'text').execute();
  await db.schema.createIndex('outbox_request').on('outbox').column('request_id').execute();

  const { rows } = await sql<{ payload: string }>`
    select distinct payload from outbox where kind like 'session-request.%'`.execute(db);
  for (const { payload } of rows) {
    let requestId: unknown;
    try {
      requestId = (JSON.parse(payload) as { requestId?: unknown } | null)?.requestId;
    } catch {
      continue;
    }
    if (typeof requestId !== 'string') continue;
    await sql`update outbox set request_id = ${requestId} where payload = ${payload}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('outbox_request').execute();
  await db.schema.alterTable('outbox').dropColumn('request_id').execute();
  await db.schema.alterTable('session_request_history').dropColumn('by_token').execute();
}
