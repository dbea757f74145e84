import {
  CSRF_HEADER,
  type NewsInput,
  NewsItem as NewsItemSchema,
  type NewsPatch,
  type SessionRequestDetail,
  type SessionRequestMail,
  type SessionRequestPatch,
  type StaffSession,
} from '@carezone/contract';
import {
  type CarezoneClient,
  createClient,
  createTransport,
  isApiError,
  type Language,
  type NewsItem,
  type NewsPage,
  type SessionRequestPage,
  type SessionRequestStatus,
  type Transport,
} from '@carezone/sdk';

export type { StaffSession };

/** The filters of the request list, as the page's query string carries them. */
export interface RequestFilter {
  zone?: string | undefined;
  status?: SessionRequestStatus | undefined;
  topic?: string | undefined;
  /** `YYYY-MM-DD`, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

export const FILTER_KEYS = ['zone', 'status', 'topic', 'from', 'to', 'q'] as const;

/** A request as its page shows it: with its history (and who made each change) and its e-mails. */
export type InboxRequest = SessionRequestDetail;
/** One e-mail of a request (to the team, the confirmation, a status update), from the outbox. */
export type RequestMail = SessionRequestMail;
/** A status change, with its note and whether the requester hears of it. */
export type StatusChange = Pick<
  SessionRequestPatch,
  'status' | 'note' | 'notifyRequester' | 'noteToRequester'
> & { status: SessionRequestStatus };

/** The answer of a DELETE: `204 No Content`. */
const NO_CONTENT = {
  safeParse: (input: unknown) =>
    input === undefined
      ? ({ success: true, data: undefined } as const)
      : ({ success: false, error: { issues: [] } } as const),
};

export interface InboxApiOptions {
  /** The server's origin. Default: the page's. */
  baseUrl?: string;
  /** Replaces the global `fetch` (tests). */
  fetch?: typeof globalThis.fetch;
  /** Called when an answer says the session is over (401), to show the sign-in again. */
  onUnauthorized?: () => void;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The inbox's way to the API: the SDK over the session cookie (`credentials: 'same-origin'`), with
 * the session's CSRF token on every state-changing call, and the staff calls the inbox needs.
 */
export class InboxApi {
  readonly baseUrl: string;
  /** The `csrfToken` of the signed-in session. */
  csrfToken: string | undefined;
  readonly client: CarezoneClient;
  readonly #transport: Transport;
  /** Called when an answer says the session is over (401), to show the sign-in again. */
  onUnauthorized: (() => void) | undefined;
  constructor(options: InboxApiOptions = {}) {
    this.baseUrl = (options.baseUrl ?? location.origin).replace(/\/+$/, '');
    const base = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.onUnauthorized = options.onUnauthorized;
    const fetchWithSession: typeof globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      if (!SAFE_METHODS.has(request.method) && this.csrfToken)
        request.headers.set(CSRF_HEADER, this.csrfToken);
      // `no-cache`: the public lists (news) may be cached for minutes; the team must see its own
      // changes at once, so every answer is revalidated (a 304 when unchanged).
      const response = await base(request, { credentials: 'same-origin', cache: 'no-cache' });
      if (response.status === 401 && !new URL(request.url).pathname.endsWith('/v1/staff/session')) {
        this.onUnauthorized?.();
      }
      return response;
    };
    const clientOptions = { baseUrl: this.baseUrl, fetch: fetchWithSession, retry: 1 };
    this.client = createClient(clientOptions);
    this.#transport = createTransport(clientOptions);
  }

  /** The session of the cookie, or undefined when there is none (signed out, expired, revoked). */
  async session(signal?: AbortSignal): Promise<StaffSession | undefined> {
    try {
      const session = await this.client.staffSession.current(signal ? { signal } : {});
      this.csrfToken = session.csrfToken;
      return session;
    } catch (error) {
      if (isApiError(error) && (error.status === 401 || error.status === 404)) return undefined;
      throw error;
    }
  }

  async signIn(token: string): Promise<StaffSession> {
    const session = await this.client.staffSession.signIn(token);
    this.csrfToken = session.csrfToken;
    return session;
  }

  /** Ends the session on the server; the page forgets it even when the server cannot be reached. */
  async signOut(): Promise<void> {
    try {
      await this.client.staffSession.signOut();
    } finally {
      this.csrfToken = undefined;
    }
  }

  listRequests(
    filter: RequestFilter & { cursor?: string | undefined; limit?: number },
    signal?: AbortSignal,
  ): Promise<SessionRequestPage> {
    const { cursor, limit } = filter;
    return this.client.sessionRequests.list(
      { ...filterQuery(filter), ...(cursor ? { cursor } : {}), ...(limit ? { limit } : {}) },
      signal ? { signal } : {},
    );
  }

  getRequest(id: string, signal?: AbortSignal): Promise<InboxRequest> {
    return this.client.sessionRequests.get(id, signal ? { signal } : {});
  }

  changeStatus(id: string, change: StatusChange): Promise<InboxRequest> {
    return this.client.sessionRequests.update(id, change);
  }

  confirmNotSpam(id: string): Promise<InboxRequest> {
    return this.client.sessionRequests.update(id, { possibleSpam: false });
  }

  /** The CSV of the requests of `filter`, with the inbox's language for its labels. */
  exportUrl(filter: RequestFilter, lang: Language): string {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filterQuery(filter))) if (value) query.set(key, value);
    query.set('lang', lang);
    return `${this.baseUrl}/v1/session-requests/export?${query}`;
  }

  // The news staff write (the SDK's news resource reads only, so that the feed widget carries no
  // more): through the SDK's transport, with the contract's schemas.

  listNews(
    params: { zone?: string | undefined; cursor?: string | undefined },
    signal?: AbortSignal,
  ): Promise<NewsPage> {
    return this.client.news.list(
      {
        ...(params.zone ? { zone: params.zone } : {}),
        ...(params.cursor ? { cursor: params.cursor } : {}),
        limit: 20,
      },
      signal ? { signal } : {},
    );
  }

  getNews(id: string, signal?: AbortSignal): Promise<NewsItem> {
    return this.client.news.get(id, signal ? { signal } : {});
  }

  createNews(input: NewsInput): Promise<NewsItem> {
    return this.#transport.send('post', 'news', NewsItemSchema, { body: input });
  }

  /** Fields left out stay as they are; `null` clears an optional one. */
  updateNews(id: string, patch: NewsPatch): Promise<NewsItem> {
    return this.#transport.send('patch', `news/${encodeURIComponent(id)}`, NewsItemSchema, { body: patch });
  }

  async deleteNews(id: string): Promise<void> {
    await this.#transport.send('delete', `news/${encodeURIComponent(id)}`, NO_CONTENT);
  }
}

/** The filter as query parameters, empty ones left out. */
export function filterQuery(filter: RequestFilter): Record<string, string | undefined> {
  const query: Record<string, string | undefined> = {};
  for (const key of FILTER_KEYS) {
    const value = filter[key]?.trim();
    if (value) query[key] = value;
  }
  return query;
}

/** The filter a page's query string describes. */
export function filterFromSearch(search: string): RequestFilter {
  const params = new URLSearchParams(search);
  const filter: RequestFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) (filter as Record<string, string>)[key] = value;
  }
  return filter;
}
