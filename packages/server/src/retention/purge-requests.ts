import type { Storage } from '../storage/storage.js';

/** What a purge deleted: counts only, so they can be printed and logged. */
export interface PurgeCounts {
  requests: number;
  historyEntries: number;
  outboxRows: number;
  idempotencyKeys: number;
}

/**
 * Deletes, in one transaction, the session requests stored before `cutoff` (their history goes
 * with them: the foreign key cascades), the e-mails they queued, and the idempotency keys of the
 * same age. Age is counted from when a request was stored, not from its last status change, so
 * the retention an organisation is told about holds whatever the team did with the request.
 *
 * Outbox rows are deleted by age too: they are written in the same transaction as their request,
 * and their payload holds only its id. A row queued later for a purged request finds nothing to
 * send and is dropped by the dispatcher.
 */
export async function purgeRequestsBefore(storage: Storage, cutoff: Date): Promise<PurgeCounts> {
  const before = cutoff.toISOString();
  return storage.transaction(async (trx) => {
    const oldRequests = trx.selectFrom('session_requests').select('id').where('created_at', '<', before);
    const history = await trx
      .selectFrom('session_request_history')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('request_id', 'in', oldRequests)
      .executeTakeFirstOrThrow();
    const outbox = await trx
      .deleteFrom('outbox')
      .where('kind', 'like', 'session-request.%')
      .where('created_at', '<', before)
      .executeTakeFirst();
    const keys = await trx.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
    const requests = await trx
      .deleteFrom('session_requests')
      .where('created_at', '<', before)
      .executeTakeFirst();
    return {
      requests: Number(requests.numDeletedRows),
      historyEntries: Number(history.count),
      outboxRows: Number(outbox.numDeletedRows),
      idempotencyKeys: Number(keys.numDeletedRows),
    };
  });
}
