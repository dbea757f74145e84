import { type ErrorCode, type FieldError, type Problem, problemType } from '@carezone/contract';
import { UNAVAILABLE_RETRY_AFTER_S } from '../storage/open-storage.js';

const TITLES: Record<ErrorCode, string> = {
  INVALID_QUERY: 'The query is not valid',
  VALIDATION_FAILED: 'The request body is not valid',
  UNKNOWN_PLACE: 'No such place',
  OUT_OF_COVERAGE: 'The place lies outside every zone layer',
  NOT_FOUND: 'Not found',
  NO_GEOMETRY: 'This zone has no geometry',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  UNAUTHORIZED: 'Authentication required',
  FORBIDDEN: 'Not allowed for this token',
  CONFLICT: 'Conflict',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  RATE_LIMITED: 'Too many requests',
  NOT_READY: 'The service is not ready',
  STORAGE_UNAVAILABLE: 'The database cannot take writes right now',
  INTERNAL: 'Internal error',
};

/**
 * Thrown anywhere in a handler to answer with an RFC 9457 problem. The app's error handler turns
 * it into the response, so handlers read straight through without early-return plumbing.
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly extras: Pick<Problem, 'errors' | 'places'>;
  /** Response headers the problem needs, such as `Retry-After` or `WWW-Authenticate`. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: ErrorCode,
    detail: string,
    extras: Pick<Problem, 'errors' | 'places'> = {},
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.status = status;
    this.code = code;
    this.extras = extras;
    this.headers = headers;
  }

  toProblem(instance?: string): Problem {
    return {
      type: problemType(this.code),
      title: TITLES[this.code],
      status: this.status,
      code: this.code,
      detail: this.message,
      ...(instance === undefined ? {} : { instance }),
      ...this.extras,
    };
  }
}

export function invalidQuery(errors: FieldError[]): ProblemError {
  const detail = errors.map((error) => `${error.path || 'query'}: ${error.message}`).join('; ');
  return new ProblemError(400, 'INVALID_QUERY', detail, { errors });
}

/**
 * A body that breaks the contract: 422 when it is JSON that breaks a rule (a missing field, an
 * unknown zone), 400 when it is not even JSON.
 */
export function invalidBody(errors: FieldError[], status: 400 | 422 = 422): ProblemError {
  const detail = errors.map((error) => `${error.path || 'body'}: ${error.message}`).join('; ');
  return new ProblemError(status, 'VALIDATION_FAILED', detail, { errors });
}

/**
 * The database cannot be used right now (see storage/unavailable.ts): a read is "not ready", as
 * `/readyz` says; a write is told that nothing was stored, and both when to try again.
 */
export function storageUnavailable(method: string): ProblemError {
  const headers = { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_S) };
  if (method === 'GET' || method === 'HEAD') {
    return new ProblemError(
      503,
      'NOT_READY',
      'the database cannot be reached; try again shortly',
      {},
      headers,
    );
  }
  return new ProblemError(
    503,
    'STORAGE_UNAVAILABLE',
    'the database cannot take writes right now, so nothing was stored; send the same request again ' +
      `in ${UNAVAILABLE_RETRY_AFTER_S} s`,
    {},
    headers,
  );
}

export function problemResponse(problem: Problem, headers: Readonly<Record<string, string>> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...headers },
  });
}
