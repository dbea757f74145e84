import { randomUUID } from 'node:crypto';
import type { SessionRequestCreated } from '@carezone/contract';
import type { Storage, StorageTransaction } from '../storage/storage.js';
import { retryOnWriteConflict } from '../storage/write-conflicts.js';
import { newReference } from './reference.js';
import { requestHash } from './request-hash.js';
import { queueRequestMails } from './request-mails.js';
import { searchTextOf } from './search.js';
import type { StoredSessionRequestInput } from './stored-input.js';

export interface CreateSessionRequest {
  input: StoredSessionRequestInput;
  idempotencyKey: string;
  /**
   * The honeypot was filled by what may be a person's autofill: stored flagged, with no e-mail
   * queued, until staff confirm or delete it (see status.ts).
   */
  possibleSpam?: boolean;
  now?: () => Date;
  /** Replaceable so tests can force a reference collision. */
  makeReference?: () => string;
}

/** An answer as it was first given, kept with its idempotency key and replayed byte for byte. */
export interface StoredAnswer {
  status: number;
  /** JSON text. */
  body: string;
}

export type CreateOutcome =
  | { kind: 'created'; answer: StoredAnswer; created: SessionRequestCreated }
  | { kind: 'replayed'; answer: StoredAnswer }
  /** The key was used before with another body. */
  | { kind: 'conflict' };

/**
 * Stores a session request, its first history entry, its idempotency record and the two e-mails
 * it queues (none while it is flagged as possible spam) in one transaction: when this resolves
 * `created`, all of it is committed (and on SQLite fsynced), so the API may answer 201. The same
 * key with the same input replays the first answer; with another input it is a conflict.
 *
 * Two requests racing with one key: on SQLite the write lock orders them and the second reads the
 * first's key. On PostgreSQL the second blocks on the key's primary key until the first commits,
 * then fails with a unique violation; the transaction runs again, reads the key and replays.
 * Nothing here needs more isolation than read committed: the primary key is the arbiter.
 */
export function createSessionRequest(
  storage: Storage,
  request: CreateSessionRequest,
): Promise<CreateOutcome> {
  const hash = requestHash(request.input);
  return retryOnWriteConflict(() => storage.transaction((trx) => createOnce(trx, request, hash)));
}

async function createOnce(
  trx: StorageTransaction,
  {
    input,
    idempotencyKey,
    possibleSpam = false,
    now = () => new Date(),
    makeReference = newReference,
  }: CreateSessionRequest,
  hash: string,
): Promise<CreateOutcome> {
  const previous = await trx
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'response_status', 'response_body'])
    .where('key', '=', idempotencyKey)
    .executeTakeFirst();
  if (previous) {
    if (previous.request_hash !== hash) return { kind: 'conflict' };
    return { kind: 'replayed', answer: { status: previous.response_status, body: previous.response_body } };
  }

  const at = now().toISOString();
  const created: SessionRequestCreated = {
    id: randomUUID(),
    reference: makeReference(),
    status: 'received',
    createdAt: at,
  };
  const answer: StoredAnswer = { status: 201, body: JSON.stringify(created) };
  // The key goes first: a concurrent twin then waits on it rather than doing all the work too.
  await trx
    .insertInto('idempotency_keys')
    .values({
      key: idempotencyKey,
      request_hash: hash,
      response_status: answer.status,
      response_body: answer.body,
      created_at: at,
    })
    .execute();
  await trx
    .insertInto('session_requests')
    .values({
      id: created.id,
      reference: created.reference,
      zone_id: input.zone,
      status: created.status,
      request: JSON.stringify(input),
      created_at: at,
      updated_at: at,
      possible_spam: possibleSpam ? 1 : 0,
      search_text: searchTextOf(input),
    })
    .execute();
  const topics = [...new Set(input.topics)];
  if (topics.length > 0) {
    await trx
      .insertInto('session_request_topics')
      .values(topics.map((topic) => ({ request_id: created.id, topic })))
      .execute();
  }
  await trx
    .insertInto('session_request_history')
    .values({ request_id: created.id, seq: 0, status: created.status, note: null, at })
    .execute();
  // A possible spammer's address gets no mail, nor the team: both wait for staff to confirm it.
  if (!possibleSpam) await queueRequestMails(trx, created.id, at);
  return { kind: 'created', answer, created };
}
