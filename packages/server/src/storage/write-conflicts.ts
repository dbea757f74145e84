/**
 * Whether a database error is a unique or primary-key violation: PostgreSQL's `23505`, or
 * better-sqlite3's `SQLITE_CONSTRAINT_UNIQUE` / `SQLITE_CONSTRAINT_PRIMARYKEY`.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Thrown inside a transaction that finds a row changed under it since it read it (a conditional
 * update that matched nothing): the transaction rolls back and runs again on what is there now.
 */
export class WriteConflict extends Error {
  override readonly name = 'WriteConflict';
}

/**
 * Runs `fn` again when it loses a race: a unique violation, or a `WriteConflict`. `fn` must be a
 * whole transaction: its next run reads what the winner committed (an idempotency key that now
 * replays, a status that moved on) or picks another random value (a reference). The winner has
 * committed by then, so the next run goes at once.
 */
export async function retryOnWriteConflict<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const lostRace = isUniqueViolation(error) || error instanceof WriteConflict;
      if (!lostRace || attempt >= attempts) throw error;
    }
  }
}
