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
  if (problem) return new ApiError(problem, response.status, url);
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
  );
}

function parseProblem(text: string): Problem | undefined {
  try {
    const result = Problem.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
