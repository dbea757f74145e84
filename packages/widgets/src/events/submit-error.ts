import { type ErrorCode, isApiError, isNetworkError, isTimeoutError } from '@carezone/sdk';

/**
 * Why a submission failed: the API's code, or what went wrong on the way (`NETWORK_ERROR`: no
 * answer at all, offline included; `TIMEOUT`; `UNEXPECTED`: anything else, such as an answer
 * that breaks the contract).
 */
export type SubmitErrorCode = ErrorCode | 'NETWORK_ERROR' | 'TIMEOUT' | 'UNEXPECTED';

/** The code of an error the SDK threw while sending. */
export function submitErrorCode(error: unknown): SubmitErrorCode {
  if (isApiError(error)) return error.code;
  if (isNetworkError(error)) return 'NETWORK_ERROR';
  return isTimeoutError(error) ? 'TIMEOUT' : 'UNEXPECTED';
}

/**
 * Fired by `<carezone-session-request>` when sending the request failed (not when the form's own
 * check finds a field to correct: nothing was sent then). The form stays filled for a retry.
 */
export class SubmitErrorEvent extends Event {
  static readonly type = 'carezone-submit-error';
  readonly detail: SubmitErrorCode;
  /** The SDK's error (`ApiError`, `NetworkError`, `TimeoutError`…), for logging. */
  readonly error: unknown;

  constructor(detail: SubmitErrorCode, error?: unknown) {
    super(SubmitErrorEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
    this.error = error;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'carezone-submit-error': SubmitErrorEvent;
  }
}
