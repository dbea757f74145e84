import { isApiError, isNetworkError, isTimeoutError } from '@carezone/sdk';
import type { InboxTranslation } from '../localization/translation.js';

/**
 * What went wrong, in the inbox's language: never the server's English detail, which is for
 * developers. Field errors name the fields by their labels when the form gives them.
 */
export function errorMessage(
  t: InboxTranslation,
  error: unknown,
  fieldLabels: Readonly<Record<string, string>> = {},
): string {
  if (isNetworkError(error)) return t.errors.network;
  if (isTimeoutError(error)) return t.errors.timeout;
  if (!isApiError(error)) return t.errors.unexpected;
  switch (error.code) {
    case 'UNAUTHORIZED':
      return t.errors.badToken;
    case 'RATE_LIMITED':
      return t.errors.rateLimited(
        error.retryAfter === undefined ? undefined : Math.max(1, Math.ceil(error.retryAfter / 60)),
      );
    case 'FORBIDDEN':
      return t.errors.forbidden;
    case 'NOT_FOUND':
      return t.errors.notFound;
    case 'CONFLICT':
      return t.errors.conflict;
    case 'VALIDATION_FAILED':
    case 'INVALID_QUERY': {
      const fields = [
        ...new Set(error.errors.map((field) => fieldLabels[field.path.split('.')[0] ?? ''] ?? field.path)),
      ];
      return fields.length > 0 ? t.errors.validation(fields.join(', ')) : t.errors.unexpected;
    }
    case 'STORAGE_UNAVAILABLE':
    case 'NOT_READY':
      return t.errors.unavailable;
    default:
      return error.status === 403 ? t.errors.forbidden : t.errors.unexpected;
  }
}
