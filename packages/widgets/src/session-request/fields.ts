import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldLabels } from '../localization/session-request/translation.js';
import type { FieldErrors, FieldName, FormValues } from './form-values.js';

/** What every field needs to render: the values, the problems, the labels and "(required)". */
export interface FieldContext {
  values: FormValues;
  errors: FieldErrors;
  labels: FieldLabels;
  required: string;
}

/** The element id of a field (`contact.email` → `contact-email`); its message is `<id>-error`. */
export const idOf = (field: FieldName) => field.replace('.', '-');

// The honeypot is no field a person fills in: it has no label, and the form renders it itself.
type TextField = Exclude<keyof FormValues & keyof FieldLabels, 'topics' | 'consent'>;

interface TextOptions {
  required?: boolean;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  inputmode?: 'numeric';
  hint?: string;
  multiline?: boolean;
}

/**
 * "Label (required)": said in words, so that it does not rest on colour or an asterisk; `required`
 * is those words, or `false`. The space stays in the label's own text node: a text node of a space
 * alone is left out of the accessible name ("Zone(required)").
 */
export function labelText(label: string, required: string | false | undefined): TemplateResult | string {
  return required ? html`${label} <span class="required">${required}</span>` : label;
}

/** The hint and the problem of a field, and the ids that describe it. */
function descriptions(context: FieldContext, field: FieldName, hint: string | undefined) {
  const id = idOf(field);
  const error = context.errors[field];
  return {
    describedBy: [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined,
    invalid: error ? 'true' : undefined,
    content: html`${hint ? html`<p id="${id}-hint" class="hint">${hint}</p>` : nothing}${
      error ? html`<p id="${id}-error" part="field-error" class="field-error">${error}</p>` : nothing
    }`,
  };
}

/** A labelled text input (or text area), with its hint and its problem tied to it. */
export function textField(
  context: FieldContext,
  field: TextField,
  options: TextOptions = {},
): TemplateResult {
  const id = idOf(field);
  const { describedBy, invalid, content } = descriptions(context, field, options.hint);
  const value = context.values[field];
  return html`<div part="field" class="field">
    <label part="label" for=${id}>${labelText(context.labels[field], options.required && context.required)}</label>
    ${content}
    ${
      options.multiline
        ? html`<textarea id=${id} name=${field} rows="5" aria-invalid=${ifDefined(invalid)}
            aria-describedby=${ifDefined(describedBy)} .value=${value}></textarea>`
        : html`<input id=${id} name=${field} type=${options.type ?? 'text'} .value=${value}
            autocomplete=${ifDefined(options.autocomplete)} inputmode=${ifDefined(options.inputmode)}
            aria-invalid=${ifDefined(invalid)} aria-describedby=${ifDefined(describedBy)}>`
    }
  </div>`;
}

interface ChoiceOptions {
  /** Checkboxes (several answers) instead of radio buttons. */
  multiple?: boolean;
  hint?: string;
  /** Shown above the options (topics: loading, or their failure). */
  before?: unknown;
  /** Shown below the options (the "other" topic's name). */
  after?: unknown;
}

/** A group of radio buttons or checkboxes in a fieldset, its legend naming the question. */
export function choiceField(
  context: FieldContext,
  field: 'organisation.kind' | 'format' | 'language' | 'topics',
  choices: readonly (readonly [value: string, label: string])[],
  options: ChoiceOptions = {},
): TemplateResult {
  const id = idOf(field);
  const { describedBy, content } = descriptions(context, field, options.hint);
  const chosen = context.values[field];
  return html`<fieldset part="field fieldset" id=${id} class="field" aria-describedby=${ifDefined(describedBy)}>
    <legend part="label">${labelText(context.labels[field], context.required)}</legend>
    ${content}${options.before}
    ${choices.map(
      ([value, label], index) => html`<label class="choice">
        <input id="${id}-${index}" type=${options.multiple ? 'checkbox' : 'radio'} name=${field} value=${value}
          .checked=${Array.isArray(chosen) ? chosen.includes(value) : chosen === value}>
        ${label}
      </label>`,
    )}
    ${options.after}
  </fieldset>`;
}

/** The consent checkbox, described by the statement of what is stored. */
export function consentField(context: FieldContext, privacyId: string): TemplateResult {
  const { describedBy, invalid, content } = descriptions(context, 'consent', undefined);
  return html`<div part="field" class="field">
    ${content}
    <label part="label" class="choice">
      <input id="consent" type="checkbox" name="consent" .checked=${context.values.consent}
        aria-invalid=${ifDefined(invalid)} aria-describedby=${[privacyId, describedBy].filter(Boolean).join(' ')}>
      <span>${labelText(context.labels.consent, context.required)}</span>
    </label>
  </div>`;
}
