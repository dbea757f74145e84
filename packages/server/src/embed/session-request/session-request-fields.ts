import {
  type Layer,
  OTHER_TOPIC_ID,
  pickLanguage,
  pickText,
  type Topic,
  type ZoneSummary,
} from '@carezone/contract';
import { html } from 'hono/html';
import type { Html } from '../embed-document.js';
import { aroundName, type EmbedLocalize } from '../embed-localize.js';
import { FIELDS, type FieldErrors, type FieldName, type FormValues } from './session-request-form-values.js';

/*
 * The form of `<carezone-session-request>` (`packages/widgets/src/session-request/fields.ts` and
 * `form-parts.ts`) as HTML: the same fields in the same order, the same ids, labels, hints and
 * problems tied to their fields, so that the page and the widget read alike for a screen reader too.
 */

/** Where the request goes: the page's zone, or the zones to choose from (or why they failed to load). */
export type ZoneField =
  | { preset: ZoneSummary }
  | { zones: readonly ZoneSummary[]; layers: readonly Layer[]; chosen: string }
  | { failure: string };

export interface FormView {
  localize: EmbedLocalize;
  values: FormValues;
  errors: FieldErrors;
  zone: ZoneField;
  /** The topics of the API, or why they could not be read. */
  topics: readonly Topic[] | { failure: string };
  /** The page's kept parameters, the idempotency key and the time the form was first shown. */
  hidden: readonly (readonly [string, string])[];
  /** Why the last send failed, said above the form with a button that sends it again. */
  alert?: string | undefined;
}

type TextFieldName = Exclude<
  keyof FormValues,
  'topics' | 'consent' | 'website' | 'organisation.kind' | 'format' | 'language'
>;
type ChoiceFieldName = 'organisation.kind' | 'format' | 'language' | 'topics';

/** The element id of a field (`contact.email` → `contact-email`); its message is `<id>-error`. */
const idOf = (field: FieldName) => field.replace('.', '-');

/** Where the error summary sends the visitor: a group's first option, else the field itself. */
const targetOf = (field: FieldName) =>
  (['organisation.kind', 'format', 'language', 'topics'] as FieldName[]).includes(field)
    ? `${idOf(field)}-0`
    : idOf(field);

/** "Label (required)": said in words, not by colour or an asterisk. */
const labelText = (label: string, required: string | false | undefined): Html | string =>
  required ? html`${label} <span class="required">${required}</span>` : label;

/** The hint and the problem of a field, and the attributes that tie them to its control. */
function descriptions(view: FormView, field: FieldName, hint?: string, describedByToo?: string) {
  const id = idOf(field);
  const error = view.errors[field];
  const describedBy = [describedByToo, hint && `${id}-hint`, error && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  return {
    attributes: html`${describedBy ? html` aria-describedby="${describedBy}"` : ''}${
      error ? html` aria-invalid="true"` : ''
    }`,
    describedBy: describedBy ? html` aria-describedby="${describedBy}"` : '',
    content: html`${hint ? html`<p id="${id}-hint" class="hint">${hint}</p>` : ''}${
      error ? html`<p id="${id}-error" class="field-error">${error}</p>` : ''
    }`,
  };
}

interface TextOptions {
  required?: boolean;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  numeric?: boolean;
  hint?: string;
  multiline?: boolean;
}

function textField(view: FormView, field: TextFieldName, options: TextOptions = {}): Html {
  const id = idOf(field);
  const { form } = view.localize;
  const { attributes, content } = descriptions(view, field, options.hint);
  const value = view.values[field];
  // A textarea's first line break is dropped by the parser: the one written here, not the visitor's.
  const control = options.multiline
    ? html`<textarea id="${id}" name="${field}" rows="5"${attributes}>
${value}</textarea>`
    : html`<input id="${id}" name="${field}" type="${options.type ?? 'text'}" value="${value}"${
        options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''
      }${options.numeric ? html` inputmode="numeric"` : ''}${attributes}>`;
  return html`<div class="field">
<label for="${id}">${labelText(form.labels[field], options.required && form.required)}</label>
${content}
${control}
</div>`;
}

/** Radio buttons or checkboxes in a fieldset whose legend asks the question. */
function choiceField(
  view: FormView,
  field: ChoiceFieldName,
  choices: readonly (readonly [value: string, label: string])[],
  extra: { hint?: string; before?: Html | string; after?: Html | string } = {},
): Html {
  const id = idOf(field);
  const { form } = view.localize;
  const { describedBy, content } = descriptions(view, field, extra.hint);
  const chosen = view.values[field];
  const type = field === 'topics' ? 'checkbox' : 'radio';
  return html`<fieldset id="${id}" class="field"${describedBy}>
<legend>${labelText(form.labels[field], form.required)}</legend>
${content}${extra.before ?? ''}
${choices.map(
  ([value, label], index) =>
    html`<label class="choice"><input id="${id}-${index}" type="${type}" name="${field}" value="${value}"${
      (Array.isArray(chosen) ? chosen.includes(value) : chosen === value) ? ' checked' : ''
    }> ${label}</label>`,
)}
${extra.after ?? ''}
</fieldset>`;
}

const entries = <K extends string>(labels: Record<K, string>) => Object.entries(labels) as [K, string][];

/** The zone: the page's (said, and sent in a hidden field), or chosen from the list by name. */
function zoneField(view: FormView): Html {
  const { localize, zone } = view;
  const { form } = localize;
  const error = view.errors.zone;
  const errorText = error ? html`<p id="zone-error" class="field-error">${error}</p>` : '';
  if ('preset' in zone) {
    return html`<fieldset id="zone" class="field"${error ? html` aria-describedby="zone-error"` : ''}>
<legend>${form.labels.zone}</legend>
${errorText}
<p>${aroundName(form.zoneChosen, localize.named(zone.preset.name))}</p>
</fieldset>`;
  }
  const label = html`<label for="zone">${labelText(form.labels.zone, form.required)}</label>`;
  if ('failure' in zone)
    return html`<div class="field">${label}${errorText}<p id="zone" class="message error" tabindex="-1">${zone.failure}</p></div>`;
  const { attributes } = descriptions(view, 'zone');
  return html`<div class="field">
${label}
${errorText}
<select id="zone" name="chosen-zone"${attributes}>
<option value=""></option>
${zoneOptions(zone.zones, zone.layers, zone.chosen, localize)}
</select>
</div>`;
}

/** The zones by name in the page's language, grouped by layer when there are several. */
function zoneOptions(
  zones: readonly ZoneSummary[],
  layers: readonly Layer[],
  chosen: string,
  localize: EmbedLocalize,
): Html {
  const { lang } = localize;
  const collator = new Intl.Collator(`${lang}-BE`);
  // An option holds text only: a name in another language is marked on the option itself.
  const option = (zone: ZoneSummary) => {
    const named = pickLanguage(zone.name, lang);
    return html`<option value="${zone.id}"${named && named !== lang ? html` lang="${named}"` : ''}${
      zone.id === chosen ? ' selected' : ''
    }>${pickText(zone.name, lang) || zone.id}</option>`;
  };
  const sorted = [...zones].sort((a, b) => collator.compare(pickText(a.name, lang), pickText(b.name, lang)));
  const layerIds = [...new Set(sorted.map((zone) => zone.layer))];
  if (layerIds.length < 2) return html`${sorted.map(option)}`;
  const order = (id: string) => layers.findIndex((layer) => layer.id === id) >>> 0;
  return html`${layerIds
    .sort((a, b) => order(a) - order(b))
    .map((id) => {
      const title = layers.find((layer) => layer.id === id)?.title;
      return html`<optgroup label="${(title && pickText(title, lang)) || id}">${sorted
        .filter((zone) => zone.layer === id)
        .map(option)}</optgroup>`;
    })}`;
}

/** The API's topics in its order, the "other" topic last with the name of that other topic. */
function topicsField(view: FormView): Html {
  const { localize, topics } = view;
  const { form } = localize;
  const offered = 'failure' in topics ? [] : topics.filter((topic) => topic.id !== OTHER_TOPIC_ID);
  const choices = offered.map((topic) => [topic.id, topic.label[localize.lang]] as const);
  return choiceField(view, 'topics', [...choices, [OTHER_TOPIC_ID, form.other]], {
    hint: form.topicsHint,
    before: 'failure' in topics ? html`<p class="message error">${topics.failure}</p>` : '',
    // Always there, as no script reveals it; the style sheet hides it while "other" is not ticked.
    after: html`<div class="other-topic">${textField(view, 'otherTopic', { required: true })}</div>`,
  });
}

/** Every problem in the form's order, each a link to its field; it takes the focus where it may. */
function errorSummary(view: FormView): Html | string {
  const { form } = view.localize;
  const fields = FIELDS.filter((field) => view.errors[field]);
  if (fields.length === 0) return '';
  return html`<div id="error-summary" class="message error" role="alert" tabindex="-1" autofocus aria-labelledby="summary-title">
<p id="summary-title"><strong>${form.problem}</strong></p>
<ul>${fields.map(
    (field) =>
      html`<li><a href="#${targetOf(field)}">${form.fieldProblem(
        form.labels[field].replace(/\s*[.:?]$/, ''),
        view.errors[field] ?? '',
      )}</a></li>`,
  )}</ul>
</div>`;
}

/** The consent checkbox, described by the statement of what is stored. */
function consentField(view: FormView): Html {
  const { form } = view.localize;
  const { attributes, content } = descriptions(view, 'consent', undefined, 'privacy');
  return html`<div class="field">
${content}
<label class="choice"><input id="consent" type="checkbox" name="consent" value="true"${
    view.values.consent ? ' checked' : ''
  }${attributes}> <span>${labelText(form.labels.consent, form.required)}</span></label>
</div>`;
}

/**
 * The whole form, as the widget renders it. The honeypot is the widget's, hidden the same way and
 * for the same reasons (see `#renderForm` in session-request.ts): off-screen, out of the tab order
 * and of the accessibility tree, named `cz-hp` with an autocomplete token no browser fills.
 */
export function sessionRequestForm(view: FormView): Html {
  const { localize, values } = view;
  const { form } = localize;
  return html`<form method="post" action="/embed/session-request" novalidate aria-label="${form.title}" class="session-request">
${view.hidden.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
${
  view.alert
    ? html`<div id="send-error" class="message error" role="alert" tabindex="-1" autofocus>${view.alert}
<button class="secondary" type="submit">${localize.t.retry}</button></div>`
    : ''
}
${errorSummary(view)}
${textField(view, 'organisation.name', { required: true, autocomplete: 'organization' })}
${choiceField(view, 'organisation.kind', entries(form.kinds))}
${zoneField(view)}
${textField(view, 'contact.name', { required: true, autocomplete: 'name' })}
${textField(view, 'contact.email', { required: true, type: 'email', autocomplete: 'email' })}
${textField(view, 'contact.phone', { type: 'tel', autocomplete: 'tel' })}
${topicsField(view)}
${choiceField(view, 'format', entries(form.formats))}
${textField(view, 'preferredPeriod', { hint: form.periodHint })}
${textField(view, 'participants', { numeric: true })}
${choiceField(view, 'language', entries(form.languages))}
${textField(view, 'message', { multiline: true })}
<p id="privacy" class="hint">${form.privacy}</p>
${consentField(view)}
<div class="visually-hidden" aria-hidden="true">
<label for="cz-hp">cz-hp</label>
<input id="cz-hp" name="cz-hp" tabindex="-1" autocomplete="cz-hp" value="${values.website}">
</div>
<button type="submit">${form.submit}</button>
</form>`;
}
