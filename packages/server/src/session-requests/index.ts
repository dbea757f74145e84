/** Session requests: storing the form, the staff's reading and status changes, and the topics. */
export {
  type CreateOutcome,
  type CreateSessionRequest,
  createSessionRequest,
  type StoredAnswer,
} from './create.js';
export { decodeCursor, encodeCursor, type ListPosition } from './cursor.js';
export {
  type DeleteOutcome,
  type DeleteSessionRequest,
  deleteFlaggedSessionRequest,
} from './delete.js';
export {
  CONFIRM_REQUESTER,
  MAIL_KIND_NAMES,
  NOTIFY_ZONE,
  REQUESTER_UPDATE,
  type RequesterUpdatePayload,
  type SessionRequestOutboxPayload,
} from './outbox-kinds.js';
export {
  getSessionRequest,
  iterateSessionRequests,
  type ListSessionRequests,
  listSessionRequests,
  mailsOfSessionRequest,
  type SessionRequestFilter,
  type StoredSessionRequest,
  type StoredSessionRequestPage,
} from './read.js';
export {
  type ChangeStatus,
  type ChangeStatusOutcome,
  canMove,
  changeSessionRequestStatus,
  NEXT_STATUSES,
  STATUSES_TOLD_TO_REQUESTER,
} from './status.js';
export { type StoredSessionRequestInput, withoutBotFields } from './stored-input.js';
export { DEFAULT_TOPICS, loadTopicsFile, parseTopics } from './topics.js';
