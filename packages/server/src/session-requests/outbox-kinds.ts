import type { SessionRequestMailKind } from '@carezone/contract';

/**
 * The outbox rows a stored request queues, read by the mail dispatcher. Their payload is
 * `JSON.stringify({ requestId })`: the mailer reads the request itself, so personal data is
 * stored once, in `session_requests`, and a purge there leaves nothing behind in the outbox.
 */
export const NOTIFY_ZONE = 'session-request.notify-zone';
export const CONFIRM_REQUESTER = 'session-request.confirm-requester';
/**
 * The requester's news of a status change. Its payload also names the history entry (`seq`) whose
 * status and note it tells, and whether the team chose to send the note (`withNote`): the note
 * itself stays in the history.
 */
export const REQUESTER_UPDATE = 'session-request.requester-update';

export interface SessionRequestOutboxPayload {
  requestId: string;
}

export interface RequesterUpdatePayload extends SessionRequestOutboxPayload {
  seq: number;
  withNote: boolean;
}

/** The name the staff API gives each kind of a request's e-mails (`mails[].kind`). */
export const MAIL_KIND_NAMES = {
  [NOTIFY_ZONE]: 'team',
  [CONFIRM_REQUESTER]: 'confirmation',
  [REQUESTER_UPDATE]: 'requester-update',
} as const satisfies Record<string, SessionRequestMailKind>;
