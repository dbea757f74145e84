import type { Generated } from 'kysely';

/*
 * Row types of the tables made by the migrations. Timestamps are ISO-8601 UTC strings from
 * `Date.prototype.toISOString()` and JSON columns are text: see migrations/0001-initial.ts.
 */

/** ISO-8601 UTC, always `YYYY-MM-DDTHH:mm:ss.sssZ`, so text order is time order. */
export type IsoTimestamp = string;
/** `JSON.stringify` output. */
export type JsonText = string;

export interface SessionRequestsTable {
  id: string;
  reference: string;
  zone_id: string;
  status: string;
  request: JsonText;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
  /** 1 while the request is flagged as possible spam (see migrations/0005-possible-spam.ts), else 0. */
  possible_spam: Generated<number>;
  /** Organisation name, contact name and e-mail, lower case without accents (migrations/0008). */
  search_text: Generated<string>;
}

/** One row per topic a session request asked for, so filtering by topic is plain SQL (migrations/0008). */
export interface SessionRequestTopicsTable {
  request_id: string;
  topic: string;
}

export interface SessionRequestHistoryTable {
  request_id: string;
  /** 0, 1, 2… per request: orders the entries and makes two racing status changes collide. */
  seq: number;
  status: string;
  note: string | null;
  at: IsoTimestamp;
  /** The staff token that made the change; `null` for the visitor's "received" (migrations/0007). */
  by_token: Generated<string | null>;
}

export interface IdempotencyKeysTable {
  key: string;
  request_hash: string;
  response_status: number;
  response_body: JsonText;
  created_at: IsoTimestamp;
}

export interface OutboxTable {
  id: string;
  kind: string;
  payload: JsonText;
  created_at: IsoTimestamp;
  attempts: Generated<number>;
  next_attempt_at: IsoTimestamp;
  delivered_at: IsoTimestamp | null;
  last_error: string | null;
  /** The session request a row mails about; `null` for other kinds (migrations/0007). */
  request_id: Generated<string | null>;
}

export interface StaffTokensTable {
  id: string;
  /** `null`: a network-wide token that sees every zone. */
  zone_id: string | null;
  token_hash: string;
  label: string;
  created_at: IsoTimestamp;
  revoked_at: IsoTimestamp | null;
}

/** A staff inbox sign-in session (migrations/0006-staff-sessions.ts, staff/sessions.ts). */
export interface StaffSessionsTable {
  /** SHA-256 (hex) of the session id the cookie carries; the id itself is not stored. */
  id_hash: string;
  token_id: string;
  csrf_token: string;
  created_at: IsoTimestamp;
  last_used_at: IsoTimestamp;
  /** Idle expiry, renewed while in use, never past `created_at` plus the absolute cap. */
  expires_at: IsoTimestamp;
  /** Signed out. */
  ended_at: IsoTimestamp | null;
}

export interface NewsItemsTable {
  id: string;
  /** The feed's own id of an imported item; `null` for items published through the API. */
  source_id: string | null;
  title: string;
  summary: string;
  body_html: string | null;
  language: string | null;
  published_at: IsoTimestamp | null;
  updated_at: IsoTimestamp | null;
  author: string | null;
  zones: JsonText;
  topics: JsonText;
  image: string | null;
  source_url: string | null;
  created_at: IsoTimestamp;
  /** `published_at ?? updated_at ?? created_at`: the never-null time of newest-first pagination. */
  sort_at: IsoTimestamp;
  /** 1 when the item has a published or updated date, else 0: undated items sort after dated ones. */
  dated: Generated<number>;
  /** When staff last changed the item through the API; an import then leaves it as staff left it. */
  edited_at: IsoTimestamp | null;
}

/** Imported items staff deleted, by their feed's id: an import leaves them out. */
export interface NewsDeletedSourcesTable {
  source_id: string;
  deleted_at: IsoTimestamp;
}

/** One row per zone of a news item, so filtering by zone is plain SQL on both dialects. */
export interface NewsItemZonesTable {
  news_id: string;
  zone_id: string;
}

export interface NewsItemTopicsTable {
  news_id: string;
  topic: string;
}

/** A polled feed: what its last answer said, for conditional requests, and its failures, for backoff. */
export interface NewsSourcesTable {
  url: string;
  etag: string | null;
  last_modified: string | null;
  failures: Generated<number>;
  next_poll_at: IsoTimestamp;
  last_polled_at: IsoTimestamp | null;
  last_error: string | null;
}

export interface Database {
  session_requests: SessionRequestsTable;
  session_request_history: SessionRequestHistoryTable;
  session_request_topics: SessionRequestTopicsTable;
  idempotency_keys: IdempotencyKeysTable;
  outbox: OutboxTable;
  staff_tokens: StaffTokensTable;
  staff_sessions: StaffSessionsTable;
  news_items: NewsItemsTable;
  news_item_zones: NewsItemZonesTable;
  news_item_topics: NewsItemTopicsTable;
  news_sources: NewsSourcesTable;
  news_deleted_sources: NewsDeletedSourcesTable;
}
