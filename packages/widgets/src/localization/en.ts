import type { Translation } from './translation.js';

export const en: Translation = {
  loading: 'Loading…',
  retry: 'Try again',
  offline: 'You are offline. Check your connection and try again.',
  unexpectedError: 'Something went wrong. Please try again later.',
  networkError: 'The service cannot be reached. Try again in a moment.',
  timeout: 'The answer is taking too long. Please try again.',
  errors: {
    INVALID_QUERY: 'We do not understand that input. Enter a postcode or a municipality.',
    VALIDATION_FAILED: 'Some fields are not filled in correctly.',
    UNKNOWN_PLACE: 'We do not know that place.',
    OUT_OF_COVERAGE: 'This place lies outside the zones we know.',
    NOT_FOUND: 'Not found.',
    NO_GEOMETRY: 'No map is available for this zone.',
    METHOD_NOT_ALLOWED: 'This action is not allowed.',
    UNAUTHORIZED: 'You need to sign in.',
    FORBIDDEN: 'You do not have access to this zone.',
    CONFLICT: 'This request was already sent with other details.',
    PAYLOAD_TOO_LARGE: 'The request is too large.',
    UNSUPPORTED_MEDIA_TYPE: 'This request cannot be processed.',
    RATE_LIMITED: 'Too many requests. Wait a moment and try again.',
    NOT_READY: 'The service is starting. Try again in a moment.',
    INTERNAL: 'Something went wrong on our side. Please try again later.',
  },
};
