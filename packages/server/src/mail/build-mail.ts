import { SessionRequest, SessionRequestStatus, type Topic } from '@carezone/contract';
import { CONFIRM_REQUESTER, NOTIFY_ZONE, REQUESTER_UPDATE } from '../session-requests/outbox-kinds.js';
import type { Storage } from '../storage/storage.js';
import type { ZoneDirectory } from '../zones/zone-directory.js';
import {
  composeConfirmationMail,
  composeRequesterUpdateMail,
  composeZoneTeamMail,
  type RequesterUpdate,
  type RequestForMail,
} from './compose-mail.js';
import { confirmationLanguage, zoneTeamLanguage } from './mail-language.js';
import type { InboxSettings } from './mail-settings.js';
import type { ClaimedOutboxRow } from './outbox-queue.js';
import { zoneTeamInbox } from './recipients.js';
import type { OutgoingMail } from './transport.js';

/** The outbox kinds this module delivers. */
export const MAIL_KINDS: readonly string[] = [NOTIFY_ZONE, CONFIRM_REQUESTER, REQUESTER_UPDATE];

const StoredRequest = SessionRequest.shape.request;

export interface MailSources {
  storage: Storage;
  directory: Pick<ZoneDirectory, 'zone'>;
  inboxes: InboxSettings;
  topics: readonly Topic[];
  /**
   * The server's public origin (`CAREZONE_PUBLIC_URL`): the team's e-mail links to the request in
   * the staff inbox under it. Without it, the e-mail has no link (a link to whatever address the
   * mailer guesses would not work for the team).
   */
  publicUrl?: string | undefined;
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

/** The history entry a requester update tells; `undefined` when the request is gone with its history. */
async function loadUpdate(
  storage: Storage,
  requestId: string,
  payload: string,
): Promise<RequesterUpdate | undefined> {
  const { seq, withNote } = JSON.parse(payload) as { seq?: unknown; withNote?: unknown };
  if (typeof seq !== 'number') throw new Error('requester update payload has no seq');
  const entry = await storage.db
    .selectFrom('session_request_history')
    .select(['status', 'note'])
    .where('request_id', '=', requestId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  if (!entry) return undefined;
  const status = SessionRequestStatus.parse(entry.status);
  return { status, note: withNote === true ? (entry.note ?? undefined) : undefined };
}

/** `<public URL>/inbox/requests/<id>`: where the team opens the request. */
export function inboxRequestUrl(publicUrl: string, requestId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/inbox/requests/${encodeURIComponent(requestId)}`;
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
    const inboxUrl =
      sources.publicUrl === undefined ? undefined : inboxRequestUrl(sources.publicUrl, requestId);
    const composed = composeZoneTeamMail(stored, names, zoneTeamLanguage(stored.request), inboxUrl);
    // Replying reaches the requester directly: that is the team's next step.
    return { kind: 'mail', log, mail: { id: row.id, to: teamInbox, replyTo: [requester], ...composed } };
  }
  if (row.kind === CONFIRM_REQUESTER) {
    const composed = composeConfirmationMail(stored, names, confirmationLanguage(stored.request));
    const replyTo = teamInbox.length > 0 ? teamInbox : undefined;
    return { kind: 'mail', log, mail: { id: row.id, to: [requester], replyTo, ...composed } };
  }
  if (row.kind === REQUESTER_UPDATE) {
    const update = await loadUpdate(sources.storage, requestId, row.payload);
    if (!update) return { kind: 'gone', log };
    // The form's language, as the confirmation: the requester chose it.
    const composed = composeRequesterUpdateMail(stored, names, confirmationLanguage(stored.request), update);
    const replyTo = teamInbox.length > 0 ? teamInbox : undefined;
    return { kind: 'mail', log, mail: { id: row.id, to: [requester], replyTo, ...composed } };
  }
  throw new Error(`unknown outbox kind ${row.kind}`);
}
