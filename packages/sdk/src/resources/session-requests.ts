import {
  IDEMPOTENCY_KEY_HEADER,
  type Language,
  SessionRequestCreated,
  SessionRequestDetail,
  type SessionRequestInput,
  SessionRequestPage,
  type SessionRequestPatch,
  type SessionRequestStatus,
  type SpamFilter,
} from '@carezone/contract';
import { newIdempotencyKey } from '../idempotency-key.js';
import type { Http } from '../internal/http.js';
import { pagesOf } from '../internal/pages.js';
import type { Schema } from '../internal/schema.js';
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
  /** Only requests that asked for this topic (an id of `topics.list()`, or `other`). */
  topic?: string;
  /** Received on or after this day, `YYYY-MM-DD`, in Brussels time. */
  from?: string;
  /** Received on or before this day (inclusive), `YYYY-MM-DD`, in Brussels time. */
  to?: string;
  /** Words that must all appear in the organisation's name or the contact's name or e-mail (any case or accents). */
  q?: string;
  /** Requests per page: the server's default is `LIMITS.pageDefault`, the most `LIMITS.pageMax`. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/** The requests of a CSV export: the list's filters, without paging, and the file's language and delimiter. */
export interface SessionRequestExportParams extends Omit<SessionRequestListParams, 'limit' | 'cursor'> {
  /** Of the header row and the labels. Default: the client's `lang`, else Dutch. */
  lang?: Language;
  /** `,` (default) or `;`, which Excel expects in a Belgian locale. */
  delimiter?: ',' | ';';
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
  /**
   * Staff: one request with its history (who made each change: `by`) and the state of its
   * e-mails (`mails`). Another zone's request: ApiError NOT_FOUND.
   */
  get(id: string, options?: RequestOptions): Promise<SessionRequestDetail>;
  /**
   * Staff: moves a request on (received → planned → done, or declined), with a note; and/or
   * confirms one flagged as possible spam with `{ possibleSpam: false }`, which sends its e-mails.
   * Planned and declined e-mail the requester; `notifyRequester` another change too, and
   * `noteToRequester` puts the note into that e-mail.
   */
  update(id: string, patch: SessionRequestPatch, options?: RequestOptions): Promise<SessionRequestDetail>;
  /**
   * Staff: the requests matching `params` as a CSV file's text (oldest first, with a byte order mark,
   * labels in `lang`), as `carezone requests export` writes it. A page whose browser holds a staff
   * session can link to the same file instead: `/v1/session-requests/export?` and these parameters.
   */
  export(params?: SessionRequestExportParams, options?: RequestOptions): Promise<string>;
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

/**
 * The export's body. A page that is not CSV answered with 200 (a proxy's HTML, JSON) breaks the
 * contract: the file starts with its header row, never with `<` or `{`.
 */
const CSV_TEXT: Schema<string> = {
  safeParse: (input) =>
    typeof input === 'string' && !/^\s*[<{[]/.test(input)
      ? { success: true, data: input }
      : {
          success: false,
          error: {
            issues: [
              {
                code: 'custom',
                path: [],
                message: 'The body is not CSV',
                input: String(input).slice(0, 200),
              },
            ],
          },
        },
};

export function sessionRequestsResource(http: Http): SessionRequestsResource {
  const list: SessionRequestsResource['list'] = (
    { zone, status, spam, topic, from, to, q, limit, cursor } = {},
    options,
  ) =>
    http.get(
      'session-requests',
      SessionRequestPage,
      { zone, status, spam, topic, from, to, q, limit, cursor },
      options,
    );
  const exportQuery = ({
    zone,
    status,
    spam,
    topic,
    from,
    to,
    q,
    lang,
    delimiter,
  }: SessionRequestExportParams) => ({
    zone,
    status,
    spam,
    topic,
    from,
    to,
    q,
    lang,
    delimiter,
  });

  return {
    ...sessionRequestIntakeResource(http),
    list,
    pages: (params, options) => pagesOf(list, params, options),
    get(id, options) {
      return http.get(`session-requests/${encodeURIComponent(id)}`, SessionRequestDetail, undefined, options);
    },
    update(id, patch, options) {
      return http.send('patch', `session-requests/${encodeURIComponent(id)}`, SessionRequestDetail, {
        body: patch,
        ...options,
      });
    },
    export(params = {}, options) {
      return (
        http
          .send('get', 'session-requests/export', CSV_TEXT, {
            query: exportQuery(params),
            headers: { accept: 'text/csv' },
            raw: true,
            ...options,
          })
          // Reading the body as text dropped its byte order mark: the file keeps it, for spreadsheets.
          .then((text) => `\uFEFF${text}`)
      );
    },
  };
}
