import {
  IDEMPOTENCY_KEY_HEADER,
  SessionRequest,
  SessionRequestCreated,
  type SessionRequestInput,
  SessionRequestPage,
  type SessionRequestPatch,
  type SessionRequestStatus,
  type SpamFilter,
} from '@carezone/contract';
import { newIdempotencyKey } from '../idempotency-key.js';
import type { Http } from '../internal/http.js';
import { pagesOf } from '../internal/pages.js';
import type { RequestOptions } from '../request-options.js';

export interface CreateSessionRequestOptions extends RequestOptions {
  /**
   * Makes the call safe to repeat: the server stores one request per key and replays its answer.
   * Keep one key per filled-in form and reuse it when retrying after a failure. Default: a new
   * random key for this call, which still makes the SDK's own retries safe.
   */
  idempotencyKey?: string;
}

export interface SessionRequestListParams {
  /** Only this zone's requests (a zone token sees only its own zone anyway). */
  zone?: string;
  status?: SessionRequestStatus;
  /**
   * Requests flagged as possible spam (`possibleSpam: true`): left out by default (`exclude`),
   * `only` to review them, `include` for every request.
   */
  spam?: SpamFilter;
  /** Requests per page: the server's default is `LIMITS.pageDefault`, the most `LIMITS.pageMax`. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/** What a visitor's page may do with session requests: send one. */
export interface SessionRequestIntakeResource {
  /** Sends a visitor's request. Resolves only once the server has stored it durably. */
  create(input: SessionRequestInput, options?: CreateSessionRequestOptions): Promise<SessionRequestCreated>;
}

/** Sending, and the staff's side: reading and moving requests on (needs `token`). */
export interface SessionRequestsResource extends SessionRequestIntakeResource {
  /** Staff (needs `token`): one page of requests, newest first. */
  list(params?: SessionRequestListParams, options?: RequestOptions): Promise<SessionRequestPage>;
  /**
   * Staff: every page of requests matching `params`, following the cursors: `for await (const page
   * of client.sessionRequests.pages({ status: 'received' }))`.
   */
  pages(
    params?: Omit<SessionRequestListParams, 'cursor'>,
    options?: RequestOptions,
  ): AsyncIterable<SessionRequestPage>;
  /** Staff: one request with its history. Another zone's request: ApiError NOT_FOUND. */
  get(id: string, options?: RequestOptions): Promise<SessionRequest>;
  /**
   * Staff: moves a request on (received → planned → done, or declined), with a note; and/or
   * confirms one flagged as possible spam with `{ possibleSpam: false }`, which sends its e-mails.
   */
  update(id: string, patch: SessionRequestPatch, options?: RequestOptions): Promise<SessionRequest>;
}

export function sessionRequestIntakeResource(http: Http): SessionRequestIntakeResource {
  return {
    create(input, { idempotencyKey = newIdempotencyKey(), ...options } = {}) {
      return http.send('post', 'session-requests', SessionRequestCreated, {
        body: input,
        headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
        retry: true,
        ...options,
      });
    },
  };
}

export function sessionRequestsResource(http: Http): SessionRequestsResource {
  const list: SessionRequestsResource['list'] = ({ zone, status, spam, limit, cursor } = {}, options) =>
    http.get('session-requests', SessionRequestPage, { zone, status, spam, limit, cursor }, options);

  return {
    ...sessionRequestIntakeResource(http),
    list,
    pages: (params, options) => pagesOf(list, params, options),
    get(id, options) {
      return http.get(`session-requests/${encodeURIComponent(id)}`, SessionRequest, undefined, options);
    },
    update(id, patch, options) {
      return http.send('patch', `session-requests/${encodeURIComponent(id)}`, SessionRequest, {
        body: patch,
        ...options,
      });
    },
  };
}
