import { randomUUID } from 'node:crypto';
import type { StorageTransaction } from '../storage/storage.js';
import {
  CONFIRM_REQUESTER,
  NOTIFY_ZONE,
  REQUESTER_UPDATE,
  type RequesterUpdatePayload,
  type SessionRequestOutboxPayload,
} from './outbox-kinds.js';

/**
 * Queues the two e-mails of a request the team should see: the zone team's notice and the
 * requester's confirmation. In the caller's transaction, so they are queued exactly when the
 * request is stored (or confirmed, for one flagged as possible spam), never without it.
 */
export async function queueRequestMails(
  trx: StorageTransaction,
  requestId: string,
  at: string,
): Promise<void> {
  const payload = JSON.stringify({ requestId } satisfies SessionRequestOutboxPayload);
  await trx
    .insertInto('outbox')
    .values(
      [NOTIFY_ZONE, CONFIRM_REQUESTER].map((kind) => ({
        id: randomUUID(),
        kind,
        payload,
        created_at: at,
        next_attempt_at: at,
        delivered_at: null,
        last_error: null,
        request_id: requestId,
      })),
    )
    .execute();
}

/**
 * Queues the requester's news of a status change (the history entry `seq`), in the caller's
 * transaction: delivered at least once, with retries, like the request's first two e-mails.
 */
export async function queueRequesterUpdate(
  trx: StorageTransaction,
  payload: RequesterUpdatePayload,
  at: string,
): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({
      id: randomUUID(),
      kind: REQUESTER_UPDATE,
      payload: JSON.stringify(payload),
      created_at: at,
      next_attempt_at: at,
      delivered_at: null,
      last_error: null,
      request_id: payload.requestId,
    })
    .execute();
}
