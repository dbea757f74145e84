import {
  IDEMPOTENCY_KEY_HEADER,
  SessionRequest,
  SessionRequestCreated,
  type SessionRequestInput,
  SessionRequestPage,
  type SessionRequestPatch,
  type SessionRequestStatus,
} from '@carezone/contract';
import { newIdempotencyKey } from '../idempotency-key.js';
import type { Http } from '../internal/http.js';
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
  /** Requests per page: the server's default is `LIMITS.pageDefault`, the most `LIMITS.pageMax`. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/** What a visitor's page may do with session requests: send one. */
export interface SessionRequestIntake {
  /** Sends a visitor's request. Resolves only once the server has stored it durably. */
  create(input: SessionRequestInput, options?: CreateSessionRequestOptions): Promise<SessionRequestCreated>;
}

/** Sending, and the staff's side: reading and moving requests on (needs `token`). */
export interface SessionRequestsResource extends SessionRequestIntake {
  /** Staff (needs `token`): one page of requests, newest first. */
  list(params?: SessionRequestListParams, options?: RequestOptions): Promise<SessionRequestPage>;
  /** Staff: every request matching `params`, page after page. */
  listAll(
    params?: Omit<SessionRequestListParams, 'cursor'>,
    options?: RequestOptions,
  ): AsyncIterable<SessionRequest>;
  /** Staff: one request with its history. Another zone's request: ApiError NOT_FOUND. */
  get(id: string, options?: RequestOptions): Promise<SessionRequest>;
  /** Staff: moves a request on (received → planned → done, or declined), with a note. */
  update(id: string, patch: SessionRequestPatch, options?: RequestOptions): Promise<SessionRequest>;
}

export function sessionRequestIntake(http: Http): SessionRequestIntake {
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
  const list: SessionRequestsResource['list'] = (params = {}, options) =>
    http.send('get', 'session-requests', SessionRequestPage, {
      query: {
        zone: params.zone,
        status: params.status,
        limit: params.limit === undefined ? undefined : String(params.limit),
        cursor: params.cursor,
      },
      ...options,
    });

  return {
    ...sessionRequestIntake(http),
    list,
    async *listAll(params = {}, options) {
      let cursor: string | undefined;
      do {
        const page = await list({ ...params, ...(cursor === undefined ? {} : { cursor }) }, options);
        yield* page.data;
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
    },
    get(id, options) {
      return http.send('get', `session-requests/${encodeURIComponent(id)}`, SessionRequest, options);
    },
    update(id, patch, options) {
      return http.send('patch', `session-requests/${encodeURIComponent(id)}`, SessionRequest, {
        body: patch,
        ...options,
      });
    },
  };
}
