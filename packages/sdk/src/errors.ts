import type { ErrorCode, FieldError, Problem, ProblemPlace } from '@carezone/contract';
import type { SchemaIssue } from './internal/schema.js';

/**
 * Marks errors of this SDK. `Symbol.for` is shared by every realm and every copy of the SDK on a
 * page, so the guards below also recognise errors thrown by another bundle or an iframe, where
 * `instanceof` fails; the `name` alone is not enough, since `TimeoutError` is also a DOMException.
 */
const BRAND: unique symbol = /* @__PURE__ */ Symbol.for('@carezone/sdk.error');

export type CarezoneErrorName = 'ApiError' | 'NetworkError' | 'TimeoutError' | 'ResponseValidationError';

/** Base of every error the client throws (an abort excepted: it rejects with `signal.reason`). */
// Fields set in the constructors are `declare`d: a class field would be emitted as a declaration
// as well as the assignment, bytes every widget bundle carries for nothing.
export abstract class CarezoneError extends Error {
  abstract override readonly name: CarezoneErrorName;
  readonly [BRAND] = true;
  /** The full URL of the request that failed. */
  declare readonly url: string;

  constructor(message: string, url: string, options?: ErrorOptions) {
    super(message, options);
    this.url = url;
  }
}

/**
 * The API answered with an error status. `problem` is the RFC 9457 body; when the body is not a
 * Carezone problem (an HTML page of a proxy, say), it is built from the status: see `codeForStatus`.
 */
export class ApiError extends CarezoneError {
  override readonly name = 'ApiError';
  declare readonly status: number;
  declare readonly code: ErrorCode;
  declare readonly problem: Problem;
  /** Seconds the server asks to wait before trying again (`Retry-After` of a 429 or 503), if it said. */
  declare readonly retryAfter: number | undefined;

  constructor(problem: Problem, status: number, url: string, retryAfter?: number) {
    super(`${status} ${problem.code}: ${problem.detail ?? problem.title}`, url);
    this.status = status;
    this.code = problem.code;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** Field-level findings of INVALID_QUERY / VALIDATION_FAILED (empty otherwise). */
  get errors(): readonly FieldError[] {
    return this.problem.errors ?? [];
  }

  /** For OUT_OF_COVERAGE: the places understood but outside every layer (empty otherwise). */
  get places(): readonly ProblemPlace[] {
    return this.problem.places ?? [];
  }
}

/** No HTTP answer at all: server down, connection refused or reset, DNS failure, CORS refusal. */
export class NetworkError extends CarezoneError {
  override readonly name = 'NetworkError';

  constructor(url: string, cause: unknown) {
    super(`Could not reach ${url}`, url, { cause });
  }
}

/** The server did not answer within the client's `timeout` (per attempt). */
export class TimeoutError extends CarezoneError {
  override readonly name = 'TimeoutError';
  declare readonly timeout: number;

  constructor(url: string, timeout: number) {
    super(`No answer from ${url} within ${timeout} ms`, url);
    this.timeout = timeout;
  }
}

/** A successful answer whose body breaks the contract (or is not JSON): client and server disagree. */
export class ResponseValidationError extends CarezoneError {
  override readonly name = 'ResponseValidationError';
  declare readonly status: number;
  declare readonly issues: readonly SchemaIssue[];

  constructor(url: string, status: number, issues: readonly SchemaIssue[]) {
    const first = issues[0];
    const where = first ? ` at ${first.path.join('.') || '(root)'}: ${first.message}` : '';
    super(`The response of ${url} does not match the contract${where}`, url);
    this.status = status;
    this.issues = issues;
  }
}

function isBranded(error: unknown): error is CarezoneError {
  return typeof error === 'object' && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true;
}

export function isCarezoneError(error: unknown): error is CarezoneError {
  return isBranded(error);
}

export function isApiError(error: unknown): error is ApiError {
  return isBranded(error) && error.name === 'ApiError';
}

export function isNetworkError(error: unknown): error is NetworkError {
  return isBranded(error) && error.name === 'NetworkError';
}

export function isTimeoutError(error: unknown): error is TimeoutError {
  return isBranded(error) && error.name === 'TimeoutError';
}

export function isResponseValidationError(error: unknown): error is ResponseValidationError {
  return isBranded(error) && error.name === 'ResponseValidationError';
}

/** True for a call cancelled through its `signal` (the standard `AbortError` DOMException). */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
