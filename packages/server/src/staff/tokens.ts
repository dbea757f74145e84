import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/database.js';

/**
 * Bearer tokens of zone teams and of the network. Only a SHA-256 of each token is stored: a
 * leaked database reveals no usable token, and since the lookup is by hash, comparing in
 * constant time would not hide anything more. Tokens are never logged.
 */

const TOKEN_PREFIX = 'cz_';
/** `cz_` and base64url of 32 random bytes (43 characters). */
const TOKEN_PATTERN = /^cz_[A-Za-z0-9_-]{43}$/;

export interface StaffTokenInfo {
  id: string;
  /** `null`: a network-wide token that sees every zone. */
  zone: string | null;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface VerifiedStaffToken {
  id: string;
  zone: string | null;
}

export function hashStaffToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether `token` has the shape of a staff token; the rest is not worth a database query. */
export function looksLikeStaffToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** Makes a token and stores its hash. The token itself is returned once and never again. */
export async function createStaffToken(
  db: Kysely<Database>,
  { zone, label }: { zone: string | null; label: string },
): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  await db
    .insertInto('staff_tokens')
    .values({
      id,
      zone_id: zone,
      token_hash: hashStaffToken(token),
      label,
      created_at: new Date().toISOString(),
      revoked_at: null,
    })
    .execute();
  return { id, token };
}

/** Revokes a token; `false` when there is no such token or it was already revoked. */
export async function revokeStaffToken(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db
    .updateTable('staff_tokens')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Every token, oldest first, without the token (which is not stored anyway). */
export async function listStaffTokens(db: Kysely<Database>): Promise<StaffTokenInfo[]> {
  const rows = await db
    .selectFrom('staff_tokens')
    .select(['id', 'zone_id', 'label', 'created_at', 'revoked_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    zone: row.zone_id,
    label: row.label,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  }));
}

/** The token's id and zone when it is known and not revoked; otherwise `undefined`. */
export async function verifyStaffToken(
  db: Kysely<Database>,
  token: string,
): Promise<VerifiedStaffToken | undefined> {
  if (!looksLikeStaffToken(token)) return undefined;
  const row = await db
    .selectFrom('staff_tokens')
    .select(['id', 'zone_id'])
    .where('token_hash', '=', hashStaffToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && { id: row.id, zone: row.zone_id };
}
