import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/database.js';
import { hashStaffToken, looksLikeStaffToken, type VerifiedStaffToken } from './tokens.js';

/**
 * The staff inbox's sign-in sessions. A staff member pastes a staff token once; the server checks
 * it and makes a session, whose random id travels in an `HttpOnly` cookie. Only a SHA-256 of that
 * id is stored. A session lasts while it is used (an idle timeout, renewed at most every few
 * minutes so that not every request writes), never longer than a fixed cap from sign-in, and only
 * while its token is not revoked: `carezone token revoke` ends its sessions at once.
 */

/** A session unused this long ends. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** No session lasts longer than this from sign-in, however much it is used. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** A session in use is renewed (one write) when it was last renewed longer ago than this. */
export const SESSION_RENEW_AFTER_MS = 5 * 60 * 1000;
/** Ended and expired sessions are deleted this long afterwards. */
const PURGE_AFTER_MS = 24 * 60 * 60 * 1000;

/** base64url of 32 random bytes. */
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface StaffSessionState {
  /** The staff token signed in with. */
  token: VerifiedStaffToken & { label: string };
  csrfToken: string;
  /** When the session ends unless used before (ISO). */
  expiresAt: string;
}

export interface VerifiedStaffSession extends StaffSessionState {
  /** Whether this verification renewed the session (a new `expiresAt`, worth a new cookie). */
  renewed: boolean;
}

function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

function idleExpiry(now: Date, createdAt: string): string {
  const cap = Date.parse(createdAt) + SESSION_MAX_MS;
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, cap)).toISOString();
}

/**
 * Signs in with a staff token: a new session when the token is known and not revoked, else
 * `undefined`. The session id is returned once, for the cookie, and never stored.
 */
export async function signInWithStaffToken(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<{ sessionId: string; session: StaffSessionState } | undefined> {
  if (!looksLikeStaffToken(token)) return undefined;
  const row = await db
    .selectFrom('staff_tokens')
    .select(['id', 'zone_id', 'label'])
    .where('token_hash', '=', hashStaffToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const createdAt = now.toISOString();
  const expiresAt = idleExpiry(now, createdAt);
  await db
    .insertInto('staff_sessions')
    .values({
      id_hash: hashSessionId(sessionId),
      token_id: row.id,
      csrf_token: csrfToken,
      created_at: createdAt,
      last_used_at: createdAt,
      expires_at: expiresAt,
      ended_at: null,
    })
    .execute();
  return {
    sessionId,
    session: { token: { id: row.id, zone: row.zone_id, label: row.label }, csrfToken, expiresAt },
  };
}

/**
 * The session of `sessionId` when it is live: not signed out, not expired, its token not revoked.
 * A session last renewed longer than `renewAfterMs` ago is renewed (its idle expiry moves on).
 */
export async function verifyStaffSession(
  db: Kysely<Database>,
  sessionId: string,
  { now = new Date(), renewAfterMs = SESSION_RENEW_AFTER_MS }: { now?: Date; renewAfterMs?: number } = {},
): Promise<VerifiedStaffSession | undefined> {
  if (!SESSION_ID_PATTERN.test(sessionId)) return undefined;
  const idHash = hashSessionId(sessionId);
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_tokens as t', 't.id', 's.token_id')
    .select([
      's.csrf_token',
      's.created_at',
      's.last_used_at',
      's.expires_at',
      't.id',
      't.zone_id',
      't.label',
    ])
    .where('s.id_hash', '=', idHash)
    .where('s.ended_at', 'is', null)
    .where('s.expires_at', '>', now.toISOString())
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const token = { id: row.id, zone: row.zone_id, label: row.label };
  if (now.getTime() - Date.parse(row.last_used_at) < renewAfterMs) {
    return { token, csrfToken: row.csrf_token, expiresAt: row.expires_at, renewed: false };
  }
  const expiresAt = idleExpiry(now, row.created_at);
  await db
    .updateTable('staff_sessions')
    .set({ last_used_at: now.toISOString(), expires_at: expiresAt })
    .where('id_hash', '=', idHash)
    .where('ended_at', 'is', null)
    .execute();
  return { token, csrfToken: row.csrf_token, expiresAt, renewed: true };
}

/** Signs out: `false` when there was no live session of that id. */
export async function endStaffSession(
  db: Kysely<Database>,
  sessionId: string,
  now = new Date(),
): Promise<boolean> {
  if (!SESSION_ID_PATTERN.test(sessionId)) return false;
  const result = await db
    .updateTable('staff_sessions')
    .set({ ended_at: now.toISOString() })
    .where('id_hash', '=', hashSessionId(sessionId))
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Whether `given` is the session's CSRF token; in constant time. */
export function csrfTokenMatches(session: StaffSessionState, given: string | undefined): boolean {
  if (given === undefined) return false;
  const expected = Buffer.from(session.csrfToken);
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Deletes the sessions that ended or expired over a day before `now`; says how many. */
export async function purgeStaffSessions(db: Kysely<Database>, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - PURGE_AFTER_MS).toISOString();
  const result = await db
    .deleteFrom('staff_sessions')
    .where((eb) => eb.or([eb('expires_at', '<', before), eb('ended_at', '<', before)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
