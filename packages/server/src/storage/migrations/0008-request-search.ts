import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/*
 * What the staff inbox filters session requests by, as plain columns and rows, so that the same
 * SQL runs on SQLite and PostgreSQL (no JSON operators, no collations, no extensions):
 * - `session_requests.search_text`: the organisation's name, the contact's name and e-mail,
 *   lower-cased and without accents (NFKD, combining marks removed), one per line. A text search
 *   matches each of its words, normalised the same way, with `like` (session-requests/search.ts).
 * - `session_request_topics`: one row per topic a request asked for, as `news_item_topics` does for
 *   news. It goes with its request (the foreign key cascades, for the retention purge).
 * Rows already stored are filled here. The normalisation is copied rather than imported: a
 * migration must do what it did when it first ran.
 */
function normalise(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function searchTextOf(request: unknown): string {
  const r = (request ?? {}) as {
    organisation?: { name?: unknown };
    contact?: { name?: unknown; email?: unknown };
  };
  return [r.organisation?.name, r.contact?.name, r.contact?.email]
    .filter((part): part is string => typeof part === 'string')
    .map(normalise)
    .join('\n');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('session_requests')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createTable('session_request_topics')
    .addColumn('request_id', 'text', (c) => c.notNull().references('session_requests.id').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_request_topics_pk', ['request_id', 'topic'])
    .execute();
  await db.schema
    .createIndex('session_request_topics_topic')
    .on('session_request_topics')
    .columns(['topic', 'request_id'])
    .execute();

  const { rows } = await sql<{ id: string; request: string }>`
    select id, request from session_requests`.execute(db);
  for (const { id, request } of rows) {
    let parsed: { topics?: unknown } | null = null;
    try {
      parsed = JSON.parse(request) as { topics?: unknown } | null;
    } catch {
      // A row that is not JSON stays unsearchable rather than stopping the migration.
    }
    await sql`update session_requests set search_text = ${searchTextOf(parsed)} where id = ${id}`.execute(db);
    const topics = Array.isArray(parsed?.topics)
      ? [...new Set(parsed.topics.filter((topic): topic is string => typeof topic === 'string'))]
      : [];
    for (const topic of topics) {
      await sql`insert into session_request_topics (request_id, topic) values (${id}, ${topic})`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('session_request_topics').execute();
  await db.schema.alterTable('session_requests').dropColumn('search_text').execute();
}
