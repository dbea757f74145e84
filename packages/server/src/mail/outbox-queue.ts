import type { Storage } from '../storage/storage.js';

/** An outbox row this process has leased and is about to deliver. */
export interface ClaimedOutboxRow {
  id: string;
  kind: string;
  payload: string;
  /** Attempts made before this one. */
  attempts: number;
}

export interface ClaimOptions {
  now: Date;
  /** How long the claim holds: another process may take the row over after that. */
  leaseMs: number;
  limit: number;
  /** Only rows of these kinds: others belong to other consumers (or a newer server version). */
  kinds: readonly string[];
  /** Rows that failed this often are left alone (given up), for an operator to look at. */
  maxAttempts: number;
}

/**
 * Claims due, undelivered rows by pushing their `next_attempt_at` past the lease: until then no
 * other dispatcher sees them as due. On PostgreSQL, `FOR UPDATE SKIP LOCKED` lets dispatchers of
 * several processes claim disjoint rows at once instead of queueing on each other's locks; the
 * update repeats the due condition, so a row is never claimed twice even without those locks.
 *
 * This runs as a plain (read committed) transaction rather than `storage.transaction()`'s
 * serialisable one: competing claims are expected here, and serialisable would abort them.
 * SQLite has one writer, so its claims simply take turns.
 */
export async function claimDueRows(storage: Storage, options: ClaimOptions): Promise<ClaimedOutboxRow[]> {
  if (options.kinds.length === 0) return [];
  const now = options.now.toISOString();
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs).toISOString();
  return storage.db.transaction().execute(async (trx) => {
    let due = trx
      .selectFrom('outbox')
      .select(['id', 'kind', 'payload', 'attempts'])
      .where('delivered_at', 'is', null)
      .where('next_attempt_at', '<=', now)
      .where('kind', 'in', [...options.kinds])
      .where('attempts', '<', options.maxAttempts)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(options.limit);
    if (storage.kind === 'postgres') due = due.forUpdate().skipLocked();
    const rows = await due.execute();
    if (rows.length === 0) return [];
    const claimed = await trx
      .updateTable('outbox')
      .set({ next_attempt_at: leaseUntil })
      .where(
        'id',
        'in',
        rows.map((row) => row.id),
      )
      .where('delivered_at', 'is', null)
      .where('next_attempt_at', '<=', now)
      .returning('id')
      .execute();
    const ids = new Set(claimed.map((row) => row.id));
    return rows.filter((row) => ids.has(row.id));
  });
}

/** Marks a row done; `note` says why when it was dropped rather than sent. */
export async function markDelivered(
  storage: Storage,
  id: string,
  at: Date,
  note: string | null = null,
): Promise<void> {
  await storage.db
    .updateTable('outbox')
    .set((eb) => ({
      delivered_at: at.toISOString(),
      attempts: eb('attempts', '+', 1),
      last_error: note,
    }))
    .where('id', '=', id)
    .where('delivered_at', 'is', null)
    .execute();
}

/** Records a failed attempt and when to try again. `error` must hold no personal data. */
export async function markFailed(
  storage: Storage,
  id: string,
  { error, retryAt }: { error: string; retryAt: Date },
): Promise<void> {
  await storage.db
    .updateTable('outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: error.slice(0, 500),
      next_attempt_at: retryAt.toISOString(),
    }))
    .where('id', '=', id)
    .where('delivered_at', 'is', null)
    .execute();
}

/** Hands claimed rows back (a stopping dispatcher), so they need not wait for the lease to end. */
export async function releaseClaims(storage: Storage, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await storage.db
    .updateTable('outbox')
    .set({ next_attempt_at: at.toISOString() })
    .where('id', 'in', [...ids])
    .where('delivered_at', 'is', null)
    .execute();
}
