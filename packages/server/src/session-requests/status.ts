import type { SessionRequestStatus } from '@carezone/contract';
import type { Storage, StorageTransaction } from '../storage/storage.js';
import { retryOnWriteConflict, WriteConflict } from '../storage/write-conflicts.js';
import { getSessionRequest, type StoredSessionRequest } from './read.js';
import { queueRequesterUpdate, queueRequestMails } from './request-mails.js';

/** A change to one of these always e-mails the requester: they are waiting to hear. */
export const STATUSES_TOLD_TO_REQUESTER: readonly SessionRequestStatus[] = ['planned', 'declined'];

/** Where a request may go from each status: received → planned → done, and declined until done. */
export const NEXT_STATUSES: Readonly<Record<SessionRequestStatus, readonly SessionRequestStatus[]>> = {
  received: ['planned', 'declined'],
  planned: ['done', 'declined'],
  done: [],
  declined: [],
};

export function canMove(from: SessionRequestStatus, to: SessionRequestStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

export interface ChangeStatus {
  id: string;
  /** The new status; none to confirm a flagged request only. */
  status?: SessionRequestStatus | undefined;
  note?: string | undefined;
  /** Clears the possible-spam flag and queues the request's e-mails, as a new request's. */
  confirm?: boolean | undefined;
  /** The zone the caller may act on; `null` for every zone. Another zone's request is not found. */
  visibleZone: string | null;
  /** The id of the staff token making the change, kept in the history (its label is shown). */
  by?: string | undefined;
  /** E-mail the requester about a change other than to `planned` or `declined` (those always are). */
  notifyRequester?: boolean | undefined;
  /** Send the note to the requester too (which implies an e-mail). */
  noteToRequester?: boolean | undefined;
  now?: () => Date;
}

export type ChangeStatusOutcome =
  | { kind: 'changed'; request: StoredSessionRequest }
  | { kind: 'not-found' }
  | { kind: 'invalid-transition'; from: SessionRequestStatus; to: SessionRequestStatus }
  /** A request flagged as possible spam moves on only once confirmed. */
  | { kind: 'unconfirmed' };

/**
 * Moves a request to another status and appends the move, with its note, to the history, in one
 * transaction; confirming a request flagged as possible spam clears the flag and queues its
 * e-mails in the same one. Two staff members changing one request at once: each update is
 * conditional on what was read (the status, the flag), so the second matches nothing once the
 * first has committed (its row lock made it wait) and runs again against the new state; the
 * history's (request, seq) key backs that up. A second confirmation queues nothing.
 */
export function changeSessionRequestStatus(
  storage: Storage,
  change: ChangeStatus,
): Promise<ChangeStatusOutcome> {
  return retryOnWriteConflict(() => storage.transaction((trx) => changeOnce(trx, change)));
}

async function changeOnce(trx: StorageTransaction, change: ChangeStatus): Promise<ChangeStatusOutcome> {
  const { id, status, note, confirm = false, visibleZone, by, now = () => new Date() } = change;
  const row = await trx
    .selectFrom('session_requests')
    .select(['status', 'zone_id', 'possible_spam'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || (visibleZone !== null && row.zone_id !== visibleZone)) return { kind: 'not-found' };
  const from = row.status as SessionRequestStatus;
  const flagged = row.possible_spam === 1;
  if (flagged && !confirm) return { kind: 'unconfirmed' };
  if (status !== undefined && !canMove(from, status)) return { kind: 'invalid-transition', from, to: status };

  const at = now().toISOString();
  if (flagged) await confirmOnce(trx, id, at);
  if (status !== undefined) {
    const seq = await moveOnce(trx, { id, from, status, note, at, by });
    const withNote = change.noteToRequester === true && Boolean(note);
    if (STATUSES_TOLD_TO_REQUESTER.includes(status) || change.notifyRequester === true || withNote) {
      // In this transaction: the requester hears of the change exactly when it is made.
      await queueRequesterUpdate(trx, { requestId: id, seq, withNote }, at);
    }
  }
  const request = await getSessionRequest(trx, id);
  if (!request) throw new Error(`session request ${id} vanished inside its own transaction`);
  return { kind: 'changed', request };
}

async function confirmOnce(trx: StorageTransaction, id: string, at: string): Promise<void> {
  const { numUpdatedRows } = await trx
    .updateTable('session_requests')
    .set({ possible_spam: 0, updated_at: at })
    .where('id', '=', id)
    .where('possible_spam', '=', 1)
    .executeTakeFirst();
  if (numUpdatedRows !== 1n) throw new WriteConflict(`session request ${id} was confirmed meanwhile`);
  await queueRequestMails(trx, id, at);
}

async function moveOnce(
  trx: StorageTransaction,
  move: {
    id: string;
    from: SessionRequestStatus;
    status: SessionRequestStatus;
    note?: string | undefined;
    at: string;
    by?: string | undefined;
  },
): Promise<number> {
  const { id, from, status, note, at, by } = move;
  const { numUpdatedRows } = await trx
    .updateTable('session_requests')
    .set({ status, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  if (numUpdatedRows !== 1n) throw new WriteConflict(`session request ${id} left "${from}" meanwhile`);
  const { last } = await trx
    .selectFrom('session_request_history')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('request_id', '=', id)
    .executeTakeFirstOrThrow();
  const seq = (last ?? -1) + 1;
  await trx
    .insertInto('session_request_history')
    .values({ request_id: id, seq, status, note: note || null, at, by_token: by ?? null })
    .execute();
  return seq;
}
