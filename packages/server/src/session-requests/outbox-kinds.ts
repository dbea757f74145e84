/**
 * The outbox rows a stored request queues, read by the mail dispatcher. Their payload is
 * `JSON.stringify({ requestId })`: the mailer reads the request itself, so personal data is
 * stored once, in `session_requests`, and a purge there leaves nothing behind in the outbox.
 */
export const NOTIFY_ZONE = 'session-request.notify-zone';
export const CONFIRM_REQUESTER = 'session-request.confirm-requester';

export interface SessionRequestOutboxPayload {
  requestId: string;
}
