import {
  CSRF_HEADER,
  type NewsInput,
  NewsItem as NewsItemSchema,
  NewsPage as NewsPageSchema,
  Problem,
  SessionRequestDetail,
  SessionRequestPage as SessionRequestPageSchema,
  type StaffSession,
  StaffSession as StaffSessionSchema,
} from '@carezone/contract';
import {
  ApiError,
  type CarezoneClient,
  createClient,
  createTransport,
  isApiError,
  type Language,
  type NewsItem,
  type NewsPage,
  type SessionRequest,
  type SessionRequestPage,
  type SessionRequestStatus,
  type Transport,
} from '@carezone/sdk';
import type { MailKind, MailState } from '../localization/translation.js';

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

/** One e-mail of a request, from its outbox row (issue 17's `mails`). */
export interface RequestMail {
  kind: MailKind;
  state: MailState;
  attempts: number;
  lastError: string | null;
  at: string;
}

/**
 * A request as the inbox reads it: the contract's, with the history's `by` and the `mails` when the
 * server sends them (the page shows what is there).
 */
export type InboxRequest = SessionRequest & {
  history: (SessionRequest['history'][number] & { by?: string | null })[];
  mails?: RequestMail[];
};

export interface StatusChange {
  status: SessionRequestStatus;
  note?: string;
  notifyRequester?: boolean;
  noteToRequester?: boolean;
}

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
  readonly #fetch: typeof globalThis.fetch;
  /** Called when an answer says the session is over (401), to show the sign-in again. */
  onUnauthorized: (() => void) | undefined;
  constructor(options: InboxApiOptions = {}) {
    this.baseUrl = (options.baseUrl ?? location.origin).replace(/\/+$/, '');
    const base = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.onUnauthorized = options.onUnauthorized;
    this.#fetch = async (input, init) => {
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
    const clientOptions = { baseUrl: this.baseUrl, fetch: this.#fetch, retry: 1 };
    this.client = createClient(clientOptions);
    this.#transport = createTransport(clientOptions);
  }

  /** The session of the cookie, or undefined when there is none (signed out, expired, revoked). */
  async session(signal?: AbortSignal): Promise<StaffSession | undefined> {
    try {
      const session = await this.#transport.get(
        'staff/session',
        StaffSessionSchema,
        undefined,
        signal ? { signal } : {},
      );
      this.csrfToken = session.csrfToken;
      return session;
    } catch (error) {
      if (isApiError(error) && (error.status === 401 || error.status === 404)) return undefined;
      throw error;
    }
  }

  async signIn(token: string): Promise<StaffSession> {
    const session = await this.#transport.send('post', 'staff/session', StaffSessionSchema, {
      body: { token },
    });
    this.csrfToken = session.csrfToken;
    return session;
  }

  /** Ends the session on the server; the page forgets it even when the server cannot be reached. */
  async signOut(): Promise<void> {
    try {
      await this.#delete('staff/session');
    } finally {
      this.csrfToken = undefined;
    }
  }

  listRequests(
    filter: RequestFilter & { cursor?: string | undefined; limit?: number },
    signal?: AbortSignal,
  ): Promise<SessionRequestPage & { data: InboxRequest[] }> {
    return this.#transport.get(
      'session-requests',
      SessionRequestPageSchema,
      { ...filterQuery(filter), cursor: filter.cursor, limit: filter.limit },
      signal ? { signal } : {},
    );
  }

  getRequest(id: string, signal?: AbortSignal): Promise<InboxRequest> {
    return this.#transport.get(
      `session-requests/${encodeURIComponent(id)}`,
      SessionRequestDetail,
      undefined,
      signal ? { signal } : {},
    );
  }

  changeStatus(id: string, change: StatusChange): Promise<InboxRequest> {
    return this.#transport.send('patch', `session-requests/${encodeURIComponent(id)}`, SessionRequestDetail, {
      body: change,
    });
  }

  confirmNotSpam(id: string): Promise<InboxRequest> {
    return this.#transport.send('patch', `session-requests/${encodeURIComponent(id)}`, SessionRequestDetail, {
      body: { possibleSpam: false },
    });
  }

  /** The CSV of the requests of `filter`, with the inbox's language for its labels. */
  exportUrl(filter: RequestFilter, lang: Language): string {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filterQuery(filter))) if (value) query.set(key, value);
    query.set('lang', lang);
    return `${this.baseUrl}/v1/session-requests/export?${query}`;
  }

  listNews(
    params: { zone?: string | undefined; cursor?: string | undefined },
    signal?: AbortSignal,
  ): Promise<NewsPage> {
    return this.#transport.get(
      'news',
      NewsPageSchema,
      { zone: params.zone, cursor: params.cursor, limit: 20 },
      signal ? { signal } : {},
    );
  }

  getNews(id: string, signal?: AbortSignal): Promise<NewsItem> {
    return this.#transport.get(
      `news/${encodeURIComponent(id)}`,
      NewsItemSchema,
      undefined,
      signal ? { signal } : {},
    );
  }

  createNews(input: NewsInput): Promise<NewsItem> {
    return this.#transport.send('post', 'news', NewsItemSchema, { body: input });
  }

  updateNews(id: string, patch: Partial<NewsInput>): Promise<NewsItem> {
    return this.#transport.send('patch', `news/${encodeURIComponent(id)}`, NewsItemSchema, { body: patch });
  }

  deleteNews(id: string): Promise<void> {
    return this.#delete(`news/${encodeURIComponent(id)}`);
  }

  /** DELETE, which the SDK's transport does not send: its problem becomes the same ApiError. */
  async #delete(path: string): Promise<void> {
    const url = `${this.baseUrl}/v1/${path}`;
    const response = await this.#fetch(url, { method: 'DELETE', headers: { accept: 'application/json' } });
    if (response.ok) return;
    const text = await response.text().catch(() => '');
    let problem: Problem | undefined;
    try {
      const parsed = Problem.safeParse(JSON.parse(text));
      if (parsed.success) problem = parsed.data;
    } catch {
      // Not a problem document: built from the status below.
    }
    const retryAfter = Number(response.headers.get('retry-after')) || undefined;
    throw new ApiError(
      problem ?? {
        type: 'about:blank',
        title: response.statusText,
        status: response.status,
        code: 'INTERNAL',
      },
      response.status,
      url,
      retryAfter,
    );
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
