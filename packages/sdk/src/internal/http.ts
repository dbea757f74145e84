import ky, { HTTPError, TimeoutError as KyTimeoutError } from 'ky';
import type { ClientOptions } from '../client.js';
import { NetworkError, ResponseValidationError, TimeoutError } from '../errors.js';
import type { RequestOptions } from '../request-options.js';
import { apiErrorFrom } from './problem.js';
import type { Schema, SchemaIssue } from './schema.js';

/** How failed GETs are retried. A number is the `limit`; `0` turns retries off. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  limit?: number;
  /** Longest wait in ms a `Retry-After` header may impose; longer ones are cut to it. Default 10000. */
  maxRetryAfter?: number;
  /** Longest backoff delay in ms between retries. Default: no limit (0.3 s, 0.6 s, 1.2 s…). */
  backoffLimit?: number;
}

/** Query values as the resources give them (numbers written as text); `undefined` leaves one out. */
export type Query = Readonly<Record<string, string | number | undefined>>;

/** A call that changes something: its JSON body, extra headers, and whether retrying it is safe. */
export interface SendOptions extends RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  /**
   * Retry on network errors and 502/503/504 like a GET. Only for calls that are safe to repeat:
   * a POST with an `Idempotency-Key`, a PATCH that sets a state.
   */
  retry?: boolean;
  /** The body is not JSON (a CSV export): the schema checks its text as it is. */
  raw?: boolean;
}

/** The resources' one way to the API: `get` reads, `send` writes; both validate the answer. */
export interface Http {
  get<T>(path: string, schema: Schema<T>, query?: Query, options?: RequestOptions): Promise<T>;
  /** A `204 No Content` answer is checked as `undefined`. A GET here is one of a `raw` body. */
  send<T>(
    method: 'get' | 'post' | 'patch' | 'delete',
    path: string,
    schema: Schema<T>,
    options?: SendOptions,
  ): Promise<T>;
}

const DEFAULT_TIMEOUT = 10_000;

export function createHttp(options: ClientOptions): Http {
  const prefixUrl = apiRoot(options.baseUrl);
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const retry = retryPolicy(options.retry);
  const api = ky.create({
    prefixUrl,
    timeout,
    retry,
    headers: {
      ...options.headers,
      accept: 'application/json',
      ...(options.lang === undefined ? {} : { 'accept-language': options.lang }),
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
    },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });

  async function send<T>(
    method: 'get' | 'post' | 'patch' | 'delete',
    path: string,
    schema: Schema<T>,
    { query, body, headers, signal, retry: retrySafe, raw }: SendOptions = {},
  ): Promise<T> {
    signal?.throwIfAborted();
    const searchParams = toSearchParams(query);
    const search = searchParams.toString();
    const url = `${prefixUrl}${path}${search ? `?${search}` : ''}`;

    let response: Response;
    let text: string;
    try {
      // No empty `searchParams`: ky would end the URL with a bare `?`.
      response = await api(path, {
        method,
        ...(search ? { searchParams } : {}),
        // ky sends no body when `json` is undefined.
        json: body,
        ...(headers ? { headers } : {}),
        ...(signal ? { signal } : {}),
        ...(retrySafe ? { retry: { ...retry, methods: [method] } } : {}),
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof HTTPError)
        throw await apiErrorFrom(error.response, url).catch(rethrow(signal, url));
      if (error instanceof KyTimeoutError) throw new TimeoutError(url, timeout);
      throw new NetworkError(url, error);
    }

    const parsed = response.status === 204 ? undefined : raw ? text : parseJson(text);
    if (parsed === NOT_JSON) throw new ResponseValidationError(url, response.status, [notJsonIssue(text)]);
    const result = schema.safeParse(parsed);
    if (!result.success) throw new ResponseValidationError(url, response.status, result.error.issues);
    return result.data;
  }

  return {
    get: (path, schema, query, requestOptions) => send('get', path, schema, { query, ...requestOptions }),
    send,
  };
}

/** Reading an error body can itself fail (connection cut, abort): report that, not a bare TypeError. */
function rethrow(signal: AbortSignal | undefined, url: string) {
  return (error: unknown): never => {
    if (signal?.aborted) throw signal.reason;
    throw new NetworkError(url, error);
  };
}

/** `https://host/base/` + `v1/`: a base URL may carry a path, with or without a trailing slash. */
function apiRoot(baseUrl: string | URL): string {
  const url = new URL(baseUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}/v1/`;
}

function toSearchParams(query: Query | undefined): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value));
  }
  return params;
}

const NOT_JSON: unique symbol = /* @__PURE__ */ Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/** A body that is not JSON (a proxy's HTML page answered with 200) breaks the contract like any wrong body. */
function notJsonIssue(text: string): SchemaIssue {
  return { code: 'custom', path: [], message: 'The body is not JSON', input: text.slice(0, 200) };
}

function retryPolicy(retry: ClientOptions['retry']) {
  const {
    limit = 2,
    maxRetryAfter = 10_000,
    backoffLimit,
  } = typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  return {
    limit,
    methods: ['get'] as Array<'get' | 'post' | 'patch' | 'delete'>,
    statusCodes: [502, 503, 504],
    afterStatusCodes: [503],
    maxRetryAfter,
    ...(backoffLimit === undefined ? {} : { backoffLimit }),
  };
}
