import { OTHER_TOPIC_ID } from '@carezone/contract';
import { isApiError, type SessionRequestCreated, type Topic } from '@carezone/sdk';
import type { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { errorMessage, renderError, renderLoading } from '../internal/data-states.js';
import { aroundName, formatRelativeTime, type LocalizeController, type Name } from '../internal/localize.js';
import type { FieldLabels, SessionRequestTranslation } from '../localization/session-request/translation.js';
import { choiceField, type FieldContext, idOf, labelText, textField } from './fields.js';
import { FIELDS, type FieldErrors, type FieldName } from './form-values.js';

/**
 * Every problem in the form's order, each a link to its field (`focusField`): shown above the
 * form when a check or the server finds some, and given the focus.
 */
export function errorSummary(
  texts: SessionRequestTranslation,
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
        }}>${texts.fieldProblem(texts.labels[field as keyof FieldLabels].replace(/\s*[.:?]$/, ''), errors[field] ?? '')}</a></li>`,
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
  name: Name | undefined;
  error: string | undefined;
  /** The finder inside the form, when the zone is chosen here (no attribute, no `zone-source`). */
  finder: TemplateResult | undefined;
}

/** The zone: given by the page, chosen in the form's finder, or in a finder elsewhere on the page. */
export function zoneField(texts: SessionRequestTranslation, zone: ZoneFieldState): TemplateResult {
  const { attribute, name, error, finder } = zone;
  return html`<fieldset part="field fieldset zone" id="zone" class="field"
      aria-describedby=${ifDefined(error ? 'zone-error' : undefined)}>
    <legend part="label">${labelText(texts.labels.zone, !attribute && texts.required)}</legend>
    ${error ? html`<p id="zone-error" part="field-error" class="field-error">${error}</p>` : nothing}
    ${finder ?? nothing}
    <p part="zone-name">${name ? aroundName(texts.zoneChosen, name) : finder ? '' : texts.zoneElsewhere}</p>
  </fieldset>`;
}

/**
 * The topics to tick: the server's in its order, the `other` topic last (worded by the form), and
 * the name of that other topic once it is ticked; above them, while they load or why they failed.
 */
export function topicsField(
  texts: SessionRequestTranslation,
  context: FieldContext,
  localize: LocalizeController,
  topics: Task<readonly unknown[], Topic[]>,
): TemplateResult {
  const common = localize.t;
  const choices = (topics.value ?? [])
    .filter((topic) => topic.id !== OTHER_TOPIC_ID)
    .map((topic) => [topic.id, topic.label[localize.lang]] as const);
  return choiceField(context, 'topics', [...choices, [OTHER_TOPIC_ID, texts.other]], {
    multiple: true,
    hint: texts.topicsHint,
    before: topics.render({
      pending: () => html`<div class="topics-loading">${renderLoading(common)}</div>`,
      error: (error) => renderError(common, error, () => void topics.run()),
    }),
    after: context.values.topics.includes(OTHER_TOPIC_ID)
      ? textField(context, 'otherTopic', { required: true })
      : nothing,
  });
}

/** Shown instead of the form once it is sent: the reference (it takes the focus) and what follows. */
export function confirmation(
  texts: SessionRequestTranslation,
  created: SessionRequestCreated,
): TemplateResult {
  return html`<div part="confirmation" class="message">
    <p part="reference" tabindex="-1">${texts.sent} <strong>${referenceText(texts, created.reference)}</strong></p>
    <p>${texts.followUp}</p>
  </div>`;
}
