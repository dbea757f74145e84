import { html, nothing, type TemplateResult } from 'lit';
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
