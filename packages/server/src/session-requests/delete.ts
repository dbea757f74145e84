import type { Storage } from '../storage/storage.js';
import { retryOnWriteConflict, WriteConflict } from '../storage/write-conflicts.js';

export interface DeleteSessionRequest {
  id: string;
  /** The zone the caller may act on; `null` for every zone. Another zone's request is not found. */
  visibleZone: string | null;
}

export type DeleteOutcome = { kind: 'deleted' } | { kind: 'not-found' } | { kind: 'not-flagged' };

/**
 * Deletes a request flagged as possible spam, with its history (the foreign key cascades), once
 * staff judged it a bot's. Only a flagged one: a request the team has seen was answered 201 and
 * is kept until the retention purge; declining it is how staff turn it down. No e-mail was queued
 * for a flagged request, so the outbox holds nothing of it. The idempotency key stays: it holds
 * no form data, and a bot retrying with it is answered as before rather than stored again.
 * The delete is conditional on the flag: when a confirmation or another delete commits first, it
 * runs again and says what became of the request.
 */
export async function deleteFlaggedSessionRequest(
  storage: Storage,
  { id, visibleZone }: DeleteSessionRequest,
): Promise<DeleteOutcome> {
  return retryOnWriteConflict(() =>
    storage.transaction(async (trx): Promise<DeleteOutcome> => {
      const row = await trx
        .selectFrom('session_requests')
        .select(['zone_id', 'possible_spam'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row || (visibleZone !== null && row.zone_id !== visibleZone)) return { kind: 'not-found' };
      if (row.possible_spam !== 1) return { kind: 'not-flagged' };
      const { numDeletedRows } = await trx
        .deleteFrom('session_requests')
        .where('id', '=', id)
        .where('possible_spam', '=', 1)
        .executeTakeFirst();
      if (numDeletedRows !== 1n) throw new WriteConflict(`session request ${id} changed meanwhile`);
      return { kind: 'deleted' };
    }),
  );
}
