import type {
  SessionRequest,
  SessionRequestMail,
  SessionRequestMailKind,
  SessionRequestStatus,
  SpamFilter,
} from '@carezone/contract';
import { type Kysely, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import type { Database, SessionRequestHistoryTable, SessionRequestsTable } from '../storage/database.js';
import { encodeCursor, type ListPosition } from './cursor.js';
import { MAIL_KIND_NAMES } from './outbox-kinds.js';
import { brusselsDayRange, searchPatterns } from './search.js';

/** A stored request in the contract's shape, plus its zone (the same as `request.zone`). */
export type StoredSessionRequest = SessionRequest & { zone: string };

type RequestRow = Selectable<SessionRequestsTable>;
type HistoryRow = Pick<Selectable<SessionRequestHistoryTable>, 'request_id' | 'status' | 'note' | 'at'> & {
  /** The label of the token that made the change, joined from `staff_tokens`. */
  by: string | null;
};

function toStoredSessionRequest(row: RequestRow, history: readonly HistoryRow[]): StoredSessionRequest {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status as SessionRequestStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    zone: row.zone_id,
    request: JSON.parse(row.request) as SessionRequest['request'],
    history: history.map((entry) => ({
      status: entry.status as SessionRequestStatus,
      note: entry.note,
      at: entry.at,
      by: entry.by,
    })),
    possibleSpam: row.possible_spam === 1,
  };
}

/** Histories of many requests in one query, each oldest first. */
async function historiesOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, HistoryRow[]>> {
  const byRequest = new Map<string, HistoryRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byRequest;
  const rows = await db
    .selectFrom('session_request_history as h')
    .leftJoin('staff_tokens as t', 't.id', 'h.by_token')
    .select(['h.request_id', 'h.status', 'h.note', 'h.at', 't.label as by'])
    .where('h.request_id', 'in', ids)
    .orderBy('h.request_id')
    .orderBy('h.seq')
    .execute();
  for (const row of rows) byRequest.get(row.request_id)?.push(row);
  return byRequest;
}

/** One stored request with its history, or `undefined`. Works inside a transaction too. */
export async function getSessionRequest(
  db: Kysely<Database>,
  id: string,
): Promise<StoredSessionRequest | undefined> {
  const row = await db.selectFrom('session_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return toStoredSessionRequest(row, (await historiesOf(db, [id])).get(id) ?? []);
}

/**
 * The e-mails of one request, oldest first, from its outbox rows: `sent` once delivered, `failing`
 * after a failed attempt, else `queued`. Rows of kinds this version does not know are left out.
 */
export async function mailsOfSessionRequest(
  db: Kysely<Database>,
  requestId: string,
): Promise<SessionRequestMail[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['kind', 'attempts', 'created_at', 'delivered_at', 'last_error'])
    .where('request_id', '=', requestId)
    .execute();
  const names: Readonly<Record<string, SessionRequestMailKind>> = MAIL_KIND_NAMES;
  const rank = Object.keys(MAIL_KIND_NAMES);
  // Rows queued together (the team's and the confirmation) keep one order: the kinds'.
  rows.sort((a, b) =>
    a.created_at === b.created_at
      ? rank.indexOf(a.kind) - rank.indexOf(b.kind)
      : a.created_at < b.created_at
        ? -1
        : 1,
  );
  return rows.flatMap((row) => {
    const kind = names[row.kind];
    if (kind === undefined) return [];
    const state = row.delivered_at !== null ? 'sent' : row.attempts > 0 ? 'failing' : 'queued';
    return [
      {
        kind,
        state,
        attempts: Number(row.attempts),
        lastError: row.last_error,
        at: row.delivered_at ?? row.created_at,
      },
    ];
  });
}

export interface SessionRequestFilter {
  /** Only this zone; all zones when absent. */
  zone?: string | undefined;
  status?: SessionRequestStatus | undefined;
  /** Requests flagged as possible spam: left out by default, as they are until staff confirm them. */
  spam?: SpamFilter | undefined;
  /** Only requests that asked for this topic. */
  topic?: string | undefined;
  /** Received on or after this Brussels day (`YYYY-MM-DD`). */
  from?: string | undefined;
  /** Received on or before this Brussels day (`YYYY-MM-DD`). */
  to?: string | undefined;
  /** Words that must all appear in the organisation's name or the contact's name or e-mail. */
  q?: string | undefined;
}

type RequestQuery = SelectQueryBuilder<Database, 'session_requests', Selectable<SessionRequestsTable>>;

/** The `where` of a filter, shared by the list, its pages and the CSV export. */
export function whereFilter(
  query: RequestQuery,
  { zone, status, spam = 'exclude', topic, from, to, q }: SessionRequestFilter,
): RequestQuery {
  let filtered = query;
  if (zone !== undefined) filtered = filtered.where('zone_id', '=', zone);
  if (status !== undefined) filtered = filtered.where('status', '=', status);
  if (spam !== 'include') filtered = filtered.where('possible_spam', '=', spam === 'only' ? 1 : 0);
  if (topic !== undefined) {
    filtered = filtered.where((eb) =>
      eb.exists(
        eb
          .selectFrom('session_request_topics')
          .select('session_request_topics.request_id')
          .whereRef('session_request_topics.request_id', '=', 'session_requests.id')
          .where('session_request_topics.topic', '=', topic),
      ),
    );
  }
  const { start, end } = brusselsDayRange(from, to);
  if (start !== undefined) filtered = filtered.where('created_at', '>=', start);
  if (end !== undefined) filtered = filtered.where('created_at', '<', end);
  for (const pattern of q === undefined ? [] : searchPatterns(q)) {
    // `like` is case-sensitive on PostgreSQL and not on SQLite: both columns and patterns are lower case.
    filtered = filtered.where(sql<boolean>`${sql.ref('search_text')} like ${pattern} escape '\\'`);
  }
  return filtered;
}

export interface ListSessionRequests extends SessionRequestFilter {
  /** Continue after this request (the decoded cursor of the previous page). */
  after?: ListPosition | undefined;
  limit: number;
}

export interface StoredSessionRequestPage {
  data: StoredSessionRequest[];
  nextCursor: string | null;
}

/** One page, newest first, keyset-paged on (created_at, id) so pages stay stable while requests arrive. */
export async function listSessionRequests(
  db: Kysely<Database>,
  { after, limit, ...filter }: ListSessionRequests,
): Promise<StoredSessionRequestPage> {
  const rows = await whereFilter(db.selectFrom('session_requests').selectAll(), filter)
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('created_at', '<', after?.createdAt ?? ''),
          eb.and([eb('created_at', '=', after?.createdAt ?? ''), eb('id', '<', after?.id ?? '')]),
        ]),
      ),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    // One more than asked tells whether another page exists without a count.
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const histories = await historiesOf(
    db,
    page.map((row) => row.id),
  );
  const last = page.at(-1);
  return {
    data: page.map((row) => toStoredSessionRequest(row, histories.get(row.id) ?? [])),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  };
}

/**
 * Every request matching `filter`, newest first, read page by page so an export of a large zone
 * never holds it all in memory.
 */
export async function* iterateSessionRequests(
  db: Kysely<Database>,
  filter: SessionRequestFilter,
  pageSize = 200,
): AsyncGenerator<StoredSessionRequest> {
  let after: ListPosition | undefined;
  for (;;) {
    const page = await listSessionRequests(db, { ...filter, after, limit: pageSize });
    yield* page.data;
    const last = page.data.at(-1);
    if (page.nextCursor === null || !last) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
