import { SessionRequest, type Topic } from '@carezone/contract';
import { CONFIRM_REQUESTER, NOTIFY_ZONE } from '../session-requests/outbox-kinds.js';
import type { Storage } from '../storage/storage.js';
import type { ZoneDirectory } from '../zones/zone-directory.js';
import { composeConfirmationMail, composeZoneTeamMail, type RequestForMail } from './compose-mail.js';
import { confirmationLanguage, zoneTeamLanguage } from './mail-language.js';
import type { InboxSettings } from './mail-settings.js';
import type { ClaimedOutboxRow } from './outbox-queue.js';
import { zoneTeamInbox } from './recipients.js';
import type { OutgoingMail } from './transport.js';

/** The outbox kinds this module delivers. */
export const MAIL_KINDS: readonly string[] = [NOTIFY_ZONE, CONFIRM_REQUESTER];

const StoredRequest = SessionRequest.shape.request;

export interface MailSources {
  storage: Storage;
  directory: Pick<ZoneDirectory, 'zone'>;
  inboxes: InboxSettings;
  topics: readonly Topic[];
}

/** Ids that are safe to log: never a name, an address or a message. */
export interface MailLogFields {
  outboxId: string;
  kind: string;
  requestId?: string;
  reference?: string;
  zone?: string;
}

export type BuiltMail =
  | { kind: 'mail'; mail: OutgoingMail; log: MailLogFields }
  /** The request was purged (retention) before its e-mail went out: nothing left to send. */
  | { kind: 'gone'; log: MailLogFields };

function requestIdOf(payload: string): string {
  const requestId = (JSON.parse(payload) as { requestId?: unknown } | null)?.requestId;
  if (typeof requestId !== 'string' || requestId === '') throw new Error('outbox payload has no requestId');
  return requestId;
}

async function loadRequest(storage: Storage, requestId: string): Promise<RequestForMail | undefined> {
  const row = await storage.db
    .selectFrom('session_requests')
    .select(['reference', 'zone_id', 'created_at', 'request'])
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!row) return undefined;
  const parsed = StoredRequest.safeParse(JSON.parse(row.request));
  if (!parsed.success) throw new Error(`stored request ${requestId} does not match the contract`);
  return { reference: row.reference, zoneId: row.zone_id, createdAt: row.created_at, request: parsed.data };
}

/** Reads what an outbox row refers to and writes its e-mail. Throws on what a retry may fix. */
export async function buildMail(row: ClaimedOutboxRow, sources: MailSources): Promise<BuiltMail> {
  const requestId = requestIdOf(row.payload);
  const log: MailLogFields = { outboxId: row.id, kind: row.kind, requestId };
  const stored = await loadRequest(sources.storage, requestId);
  if (!stored) return { kind: 'gone', log };
  Object.assign(log, { reference: stored.reference, zone: stored.zoneId });

  const names = { zoneName: sources.directory.zone(stored.zoneId)?.name, topics: sources.topics };
  const teamInbox = zoneTeamInbox(stored.zoneId, sources.directory, sources.inboxes);
  const requester = stored.request.contact.email;
  if (row.kind === NOTIFY_ZONE) {
    const composed = composeZoneTeamMail(stored, names, zoneTeamLanguage(stored.request));
    // Replying reaches the requester directly: that is the team's next step.
    return { kind: 'mail', log, mail: { id: row.id, to: teamInbox, replyTo: [requester], ...composed } };
  }
  if (row.kind === CONFIRM_REQUESTER) {
    const composed = composeConfirmationMail(stored, names, confirmationLanguage(stored.request));
    const replyTo = teamInbox.length > 0 ? teamInbox : undefined;
    return { kind: 'mail', log, mail: { id: row.id, to: [requester], replyTo, ...composed } };
  }
  throw new Error(`unknown outbox kind ${row.kind}`);
}
