import { isApiError } from '@carezone/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { errorMessage } from '../internal/data-states.js';
import { formatRelativeTime, type LocalizeController } from '../internal/localize.js';
import type { SessionRequestTranslation } from '../localization/session-request/translation.js';
import { idOf } from './fields.js';
import { FIELDS, type FieldErrors, type FieldName } from './form-values.js';

/** The name of every field, for its label and for the error summary. */
export function fieldLabels(texts: SessionRequestTranslation): Record<FieldName, string> {
  return {
    'organisation.name': texts.organisation,
    'organisation.kind': texts.kind,
    zone: texts.zone,
    'contact.name': texts.contactName,
    'contact.email': texts.email,
    'contact.phone': texts.phone,
    topics: texts.topics,
    otherTopic: texts.otherTopic,
    format: texts.format,
    preferredPeriod: texts.period,
    participants: texts.participants,
    language: texts.language,
    message: texts.message,
    consent: texts.consent,
    website: '',
  };
}

/**
 * Every problem in the form's order, each a link to its field (`focusField`): shown above the
 * form when a check or the server finds some, and given the focus.
 */
export function errorSummary(
  texts: SessionRequestTranslation,
  labels: Record<FieldName, string>,
  errors: FieldErrors,
  focusField: (field: FieldName) => void,
): TemplateResult | typeof nothing {
  const fields = FIELDS.filter((field) => errors[field]);
  if (fields.length === 0) return nothing;
  return html`<div part="error-summary" class="message error" role="alert" tabindex="-1"
      aria-labelledby="summary-title">
    <p id="summary-title"><strong>${texts.problem}</strong></p>
    <ul>${fields.map(
      (field) =>
        html`<li><a href="#${idOf(field)}" @click=${(event: Event) => {
          event.preventDefault();
          focusField(field);
        }}>${labels[field].replace(/[.:]$/, '')}: ${errors[field]}</a></li>`,
    )}</ul>
  </div>`;
}

/** "Uw referentienummer: CZ-7K3M-Q9P2", the code never broken over two lines at its hyphens. */
export function referenceText(texts: SessionRequestTranslation, code: string): TemplateResult {
  const [before, after] = texts.reference(code).split(code);
  return html`${before}<span class="code">${code}</span>${after}`;
}

/** "in 30 seconds", "over 2 minuten", "dans 1 heure": a wait, rounded up, as the language says it. */
function inTime(seconds: number, localize: LocalizeController): string {
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    seconds < 90 ? [seconds, 'second'] : seconds < 5400 ? [seconds / 60, 'minute'] : [seconds / 3600, 'hour'];
  return formatRelativeTime(localize, Math.ceil(value), unit);
}

/**
 * Why the last send failed (nothing when it did not), with the wait a 429 asks for, and a retry
 * button that sends again (disabled while sending).
 */
export function sendFailure(
  texts: SessionRequestTranslation,
  error: unknown,
  sending: boolean,
  localize: LocalizeController,
  retry: (event?: Event) => void,
): TemplateResult | typeof nothing {
  if (error === undefined) return nothing;
  let text = errorMessage(localize.t, error, texts.errors);
  if (isApiError(error) && error.code === 'RATE_LIMITED' && error.retryAfter !== undefined)
    text = texts.retryIn(inTime(error.retryAfter, localize));
  return html`<div part="error" id="send-error" class="message error" role="alert">
    ${text}
    <button part="retry-button" class="secondary" type="button" ?disabled=${sending}
      @click=${retry}>${localize.t.retry}</button>
  </div>`;
}

/** What the zone field shows: where the zone comes from, and its name once known. */
export interface ZoneFieldState {
  /** The `zone` attribute: the page's zone, nothing to choose. */
  attribute: string | undefined;
  /** The zone's name in the visitor's language (the attribute's id while its name loads). */
  name: string | undefined;
  error: string | undefined;
  /** The finder inside the form, when the zone is chosen here (no attribute, no `zone-source`). */
  finder: TemplateResult | undefined;
}

/** The zone: given by the page, chosen in the form's finder, or in a finder elsewhere on the page. */
export function zoneField(texts: SessionRequestTranslation, zone: ZoneFieldState): TemplateResult {
  const { attribute, name, error, finder } = zone;
  return html`<fieldset part="field fieldset zone" id="zone" class="field"
      aria-describedby=${ifDefined(error ? 'zone-error' : undefined)}>
    <legend part="label">${texts.zone}${attribute ? nothing : html` <span class="required">${texts.required}</span>`}</legend>
    ${error ? html`<p id="zone-error" part="field-error" class="field-error">${error}</p>` : nothing}
    ${finder ?? nothing}
    <p part="zone-name">${name ? texts.zoneChosen(name) : finder ? '' : texts.zoneElsewhere}</p>
  </fieldset>`;
}
