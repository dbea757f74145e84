import { type ErrorCode, isApiError, isNetworkError, isTimeoutError } from '@carezone/sdk';
import { html, type TemplateResult } from 'lit';
import type { SendErrorCode, Translation } from '../localization/translation.js';
import type { Name } from './localize.js';

/**
 * The visitor's message for a failure: the API's code when there is one, else what went wrong
 * on the way (offline, unreachable, too slow). Never the server's own English `title`. A widget
 * that sends (the form) passes its texts for the codes only a send answers.
 */
export function errorMessage(
  common: Translation,
  error: unknown,
  sendErrors?: Readonly<Record<SendErrorCode, string>>,
): string {
  if (isApiError(error)) {
    const texts: Partial<Record<ErrorCode, string>> = { ...common.errors, ...sendErrors };
    return texts[error.code] ?? common.unexpectedError;
  }
  if (isNetworkError(error)) return navigator.onLine === false ? common.offline : common.networkError;
  if (isTimeoutError(error)) return common.timeout;
  return common.unexpectedError;
}

/**
 * Placeholder while data loads: grey lines in the space the content will take (the caller sizes
 * it), so nothing below moves when the answer comes. Screen readers hear "Loading…" once.
 */
export function renderLoading(common: Translation, lines = 3): TemplateResult {
  return html`<div part="loading" class="skeleton" role="status">
    <span class="visually-hidden">${common.loading}</span>
    ${Array.from({ length: lines }, () => html`<i></i>`)}
  </div>`;
}

/**
 * A failure in words, with a retry button that runs the failed task again. The button goes with
 * its message, so the focus first moves to the nearest region around it that can hold it (`tabindex="-1"`:
 * the finder's result, a widget's base): it waits there for the answer, never on the page's body.
 */
export function renderError(common: Translation, error: unknown, retry: () => void): TemplateResult {
  return html`<div part="error" class="message error" role="alert">
    ${errorMessage(common, error)}
    <button part="retry-button" class="secondary" type="button" @click=${(event: Event) => {
      (event.target as Element).closest<HTMLElement>('[tabindex="-1"]')?.focus();
      retry();
    }}>${common.retry}</button>
  </div>`;
}

/** A plain statement (empty result, nothing configured), announced politely. */
export function renderMessage(text: Name): TemplateResult {
  return html`<p part="message" class="message" role="status">${text}</p>`;
}
