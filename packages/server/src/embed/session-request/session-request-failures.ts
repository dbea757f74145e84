import type { Language } from '@carezone/contract';
import { isApiError, isTimeoutError } from '@carezone/sdk';
import type { EmbedLocalize } from '../embed-localize.js';
import { type FieldErrors, type FormValues, serverErrors } from './session-request-form-values.js';

/** "in 30 seconds", "over 2 minuten": a wait, rounded up, as the widget says it. */
function inTime(seconds: number, lang: Language): string {
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    seconds < 90 ? [seconds, 'second'] : seconds < 5400 ? [seconds / 60, 'minute'] : [seconds / 3600, 'hour'];
  return new Intl.RelativeTimeFormat(`${lang}-BE`, { numeric: 'auto' }).format(Math.ceil(value), unit);
}

/** The catalogues' words for a failure, as the widget's `errorMessage` and `sendFailure` choose them. */
export function failureText(localize: EmbedLocalize, error: unknown): string {
  const { t, form } = localize;
  if (isApiError(error)) {
    if (error.code === 'RATE_LIMITED' && error.retryAfter !== undefined)
      return form.retryIn(inTime(error.retryAfter, localize.lang));
    const texts: Partial<Record<string, string>> = { ...t.errors, ...form.errors };
    return texts[error.code] ?? t.unexpectedError;
  }
  // No answer at all: the page cannot tell "offline" (it is the server), so never says it.
  if (isTimeoutError(error)) return t.timeout;
  return t.networkError;
}

/** How the form page answers a send that failed. */
export interface SendFailure {
  status: number;
  /** Problems the API placed on fields: shown at those fields, nothing above the form. */
  errors: FieldErrors;
  /** Any other failure, said above the form. */
  alert?: string | undefined;
  headers?: Record<string, string> | undefined;
  /** The key already holds an earlier request (409): sending again needs a new one. */
  renewKey: boolean;
}

/**
 * A send that failed, as the widget answers it: problems the API places on fields at those fields
 * (422); any other failure said above the form with the status and `Retry-After` of the API's
 * answer (503 when there was no answer), the key kept so that sending again is a retry.
 */
export function sendFailure(error: unknown, values: FormValues, localize: EmbedLocalize): SendFailure {
  if (!isApiError(error))
    return { status: 503, errors: {}, alert: failureText(localize, error), renewKey: false };
  const errors = serverErrors(values, error.errors, localize.form.invalid);
  if (Object.keys(errors).length > 0) return { status: 422, errors, renewKey: false };
  return {
    status: error.status,
    errors: {},
    alert: failureText(localize, error),
    headers: error.retryAfter === undefined ? undefined : { 'retry-after': String(error.retryAfter) },
    renewKey: error.code === 'CONFLICT',
  };
}
