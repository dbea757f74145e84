import { type ErrorCode, Problem } from '@carezone/contract';
import { ApiError } from '../errors.js';

const CODE_BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'INVALID_QUERY',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/**
 * The code of an error answer that carries no Carezone problem (a proxy's HTML page, a problem of
 * a newer server with a code this SDK does not know): the obvious code of the status, else INTERNAL.
 */
export function codeForStatus(status: number): ErrorCode {
  return CODE_BY_STATUS[status] ?? 'INTERNAL';
}

/** Turns an error answer into an ApiError; the body is read but never trusted. */
export async function apiErrorFrom(response: Response, url: string): Promise<ApiError> {
  const problem = parseProblem(await response.text());
  const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
  if (problem) return new ApiError(problem, response.status, url, retryAfter);
  const code = codeForStatus(response.status);
  return new ApiError(
    {
      type: 'about:blank',
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
      code,
    },
    response.status,
    url,
    retryAfter,
  );
}

/** `Retry-After` is either whole seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

function parseProblem(text: string): Problem | undefined {
  try {
    const result = Problem.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
