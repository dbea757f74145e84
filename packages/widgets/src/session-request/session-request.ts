import {
  isApiError,
  type SessionRequestCreated,
  sessionRequestIntakeResource,
  topicsResource,
  type ZoneSummary,
  zonesGetResource,
} from '@carezone/sdk';
import { Task } from '@lit/task';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { SubmitErrorEvent, submitErrorCode } from '../events/submit-error.js';
import { SubmitSuccessEvent } from '../events/submit-success.js';
import type { ZoneChangeEvent } from '../events/zone-change.js';
import { CarezoneFinder } from '../finder/finder.js';
import { CarezoneElement } from '../internal/carezone-element.js';
import { formatNumber } from '../internal/localize.js';
import { ZoneSourceController } from '../internal/zone-source.js';
import { sessionRequestTexts } from '../localization/session-request/catalogue.js';
import type { SessionRequestTranslation } from '../localization/session-request/translation.js';
import { draftKey, FormDraft } from './draft.js';
import { choiceField, consentField, type FieldContext, textField } from './fields.js';
import { confirmation, errorSummary, sendFailure, topicsField, zoneField } from './form-parts.js';
import {
  type ChosenZone,
  check,
  EMPTY_VALUES,
  type FieldErrors,
  type FieldName,
  type FormValues,
  requestBody,
  serverErrors,
  withInput,
} from './form-values.js';
import { sessionRequestStyles } from './session-request.styles.js';

const entries = <K extends string>(labels: Record<K, string>) => Object.entries(labels) as [K, string][];

/**
 * @summary A form with which a professional organisation asks its zone team for an information
 * session: organisation, zone, contact, topics, format, period, participants, language, message.
 *
 * The zone is the `zone` attribute; else the zone chosen in the finder that `zone-source` points
 * to; else the visitor chooses it in a finder inside the form (`<carezone-finder>` must be
 * defined: the bundles and `@carezone/widgets/define` do). The form is checked with the contract's
 * own schema: each problem shows at its field and in a summary that takes the focus. Sending is
 * safe to repeat: one idempotency key per filled-in form, sent again by every retry, renewed after
 * a success, or when a 409 CONFLICT says the key already holds other content. Until it is sent, the
 * form is kept in sessionStorage (this tab only) under `carezone-session-request:<path>#<id>`, the
 * element's `id`, else its `zone`: give two forms on one page ids. Nothing in localStorage, no
 * cookies. A hidden honeypot field, the time the form was open and its language go with the request.
 *
 * @event carezone-submit-success - `SubmitSuccessEvent`: the request was stored; `detail` is the
 * server's answer (`id`, `reference`, `status`, `createdAt`).
 * @event carezone-submit-error - `SubmitErrorEvent`: sending failed; `detail` is the error code
 * (the API's, or `NETWORK_ERROR`, `TIMEOUT`, `UNEXPECTED`). Not fired for problems the form finds
 * itself before sending.
 *
 * @csspart base - The wrapper of the form or its confirmation.
 * @csspart form - The form.
 * @csspart error-summary - The list of problems, shown above the form when it cannot be sent.
 * @csspart field - One field (label, hint, problem and input).
 * @csspart fieldset - A group of radio buttons or checkboxes.
 * @csspart label - The label or legend of a field.
 * @csspart field-error - The problem of a field.
 * @csspart zone - The zone fieldset.
 * @csspart finder - The embedded `<carezone-finder>` (no `zone` nor `zone-source`).
 * @csspart zone-name - The chosen zone.
 * @csspart privacy - What is stored, why, who sees it and for how long.
 * @csspart submit-button - Sends the request.
 * @csspart status - Says that the request is on its way.
 * @csspart error - A failure to send, with its retry button.
 * @csspart retry-button - Sends the same request again (with the same idempotency key).
 * @csspart loading - The placeholder while the topics load.
 * @csspart confirmation - Shown instead of the form once it is sent.
 * @csspart reference - The reference number of the sent request (it takes the focus).
 */
export class CarezoneSessionRequest extends CarezoneElement {
  static override styles = [...CarezoneElement.styles, sessionRequestStyles];
  /** Its own, and the embedded finder's: that finder reads through the form's client. */
  static override resources = {
    ...CarezoneFinder.resources,
    topics: topicsResource,
    zones: zonesGetResource,
    sessionRequests: sessionRequestIntakeResource,
  };

  static override properties = {
    zone: {},
    zoneSource: { attribute: 'zone-source' },
    layer: {},
    _values: { state: true },
    _zone: { state: true },
    _errors: { state: true },
    _sending: { state: true },
    _failure: { state: true },
    _created: { state: true },
  };

  /** Id of the zone whose team receives the request (`bxl-sud`): no zone to choose then. */
  declare zone: string | undefined;
  /** CSS selector of a `<carezone-finder>` on the page (`#finder`) whose chosen zone the form takes. */
  declare zoneSource: string | undefined;
  /** Zone layer of the embedded finder (`bxl-care-zones`, `elz`). Default: all. */
  declare layer: string | undefined;

  declare protected _values: FormValues;
  /** The zone a finder chose. */
  declare protected _zone: ChosenZone | undefined;
  declare protected _errors: FieldErrors;
  declare protected _sending: boolean;
  /** Why the last send failed, until the next one. */
  declare protected _failure: unknown;
  declare protected _created: SessionRequestCreated | undefined;

  readonly #texts = this.localize.use(sessionRequestTexts);
  /** Set at the first update, when the element's id and `zone` are known. */
  #draft: FormDraft | undefined;

  constructor() {
    super();
    this._values = EMPTY_VALUES;
    this._errors = {};
    this._sending = false;
  }

  readonly #topics = new Task(this, {
    task: ([client], { signal }) => client.topics.list({ signal }),
    args: () => [this.sdk] as const,
  });

  /** The name of the `zone` attribute's zone; its id stands in while it loads or when it fails. */
  readonly #presetZone = new Task(this, {
    task: ([client, id], { signal }) => (id ? client.zones.get(id, { signal }) : undefined),
    args: () => [this.sdk, this.zone] as const,
  });

  // A `zone` attribute wins; a selector that matches nothing leaves the form asking for a zone.
  readonly #zoneSource = new ZoneSourceController(this, (zone) => {
    if (!this.zone) this.#chooseZone(zone);
  });

  protected override willUpdate(): void {
    if (this.#draft) return;
    this.#draft = new FormDraft(draftKey(this));
    const restored = this.#draft.restored;
    // The session in the visitor's own language unless they choose otherwise.
    this._values = { ...EMPTY_VALUES, language: this.localize.lang, ...restored?.values };
    this._zone = restored?.zone;
  }

  #save(): void {
    this.#draft?.save(this._values, this._zone);
  }

  protected override render(): TemplateResult {
    const texts = this.#texts();
    const created = this._created;
    return html`<div part="base" tabindex="-1">${created ? confirmation(texts, created) : this.#renderForm(texts)}</div>`;
  }

  /*
   * The honeypot (sent as `website`) must be a field that autofill leaves alone, or a person's
   * browser or password manager fills it and the request is taken for a bot's. Its id, name and
   * label ("cz-hp") match no autofill heuristic (no "website", "url", "name", "email"…), and the
   * label stops a label being guessed from nearby text. `autocomplete="off"` is not enough: Chrome
   * ignores it for addresses and contacts. An unknown token such as "cz-hp" makes Chrome mark the
   * field unrecognized, which it never fills, nor counts in any of the form's autofill sections.
   */
  #renderForm(texts: SessionRequestTranslation): TemplateResult {
    const { labels, required } = texts;
    const context: FieldContext = { values: this._values, errors: this._errors, labels, required };
    return html`<form part="form" novalidate aria-label=${texts.title} aria-busy=${this._sending}
        @submit=${this.#submit} @input=${this.#onInput}>
        ${errorSummary(texts, this._errors, (field) => this.#focusField(field))}
        ${textField(context, 'organisation.name', { required: true, autocomplete: 'organization' })}
        ${choiceField(context, 'organisation.kind', entries(texts.kinds))}
        ${this.#renderZone(texts)}
        ${textField(context, 'contact.name', { required: true, autocomplete: 'name' })}
        ${textField(context, 'contact.email', { required: true, type: 'email', autocomplete: 'email' })}
        ${textField(context, 'contact.phone', { type: 'tel', autocomplete: 'tel' })}
        ${topicsField(texts, context, this.localize, this.#topics)}
        ${choiceField(context, 'format', entries(texts.formats))}
        ${textField(context, 'preferredPeriod', { hint: texts.periodHint })}
        ${textField(context, 'participants', { inputmode: 'numeric' })}
        ${choiceField(context, 'language', entries(texts.languages))}
        ${textField(context, 'message', { multiline: true })}
        <p part="privacy" id="privacy" class="hint">${texts.privacy}</p>
        ${consentField(context, 'privacy')}
        <div class="visually-hidden" aria-hidden="true">
          <label for="cz-hp">cz-hp</label>
          <input id="cz-hp" name="cz-hp" tabindex="-1" autocomplete="cz-hp" .value=${this._values.website}>
        </div>
        ${sendFailure(texts, this._failure, this._sending, this.localize, this.#submit)}
        <button part="submit-button" type="submit" ?disabled=${this._sending}>${texts.submit}</button>
      </form>
      <p part="status" class="hint" role="status">${this._sending ? texts.sending : ''}</p>`;
  }

  #renderZone(texts: SessionRequestTranslation): TemplateResult {
    const { localize, zone } = this;
    const preset = this.#presetZone.value;
    const embedded = !zone && !this.zoneSource;
    return zoneField(texts, {
      attribute: zone,
      name: zone
        ? preset
          ? localize.named(preset.name)
          : zone
        : this._zone && localize.named(this._zone.name),
      error: this._errors.zone,
      finder: embedded
        ? html`<carezone-finder part="finder" layer=${ifDefined(this.layer)} lang=${localize.lang}
            .client=${this.sdk} @carezone-zone-change=${(event: ZoneChangeEvent) => this.#chooseZone(event.detail?.zone)}>
          </carezone-finder>`
        : undefined,
    });
  }

  #onInput(event: Event): void {
    const field = event.target as HTMLInputElement;
    const values = withInput(this._values, field);
    if (!values) return;
    this._values = values;
    this.#clearError(field.name as FieldName);
    this.#save();
  }

  #clearError(field: FieldName): void {
    if (!this._errors[field]) return;
    const { [field]: _solved, ...rest } = this._errors;
    this._errors = rest;
  }

  /** The zone the finder shows now; none while it looks a new place up or asks to choose. */
  #chooseZone(zone: ZoneSummary | undefined): void {
    this._zone = zone && { id: zone.id, name: zone.name };
    if (zone) this.#clearError('zone');
    this.#save();
  }

  async #submit(event?: Event): Promise<void> {
    event?.preventDefault();
    // Set before anything is awaited: a second click lands here while the first is on its way.
    if (this._sending) return;
    const texts = this.#texts();
    const body = requestBody(this._values, this.zone || this._zone?.id, this.localize.lang);
    const { input, errors } = check(this._values, body, texts.invalid, (n) => formatNumber(this.localize, n));
    this._failure = undefined;
    this._errors = errors;
    if (!input) return this.#focus('[part~="error-summary"]');

    this._sending = true;
    this.#save();
    try {
      // The resource's methods are plain functions: `create` needs no `this`.
      const created = await (this.#draft as FormDraft).send(input, this.sdk.sessionRequests.create);
      this._created = created;
      this.dispatchEvent(new SubmitSuccessEvent(created));
      this._sending = false;
      await this.#focus('[part~="reference"]');
    } catch (error) {
      const fields = isApiError(error) ? serverErrors(this._values, error.errors, texts.invalid) : {};
      const placed = Object.keys(fields).length > 0;
      if (placed) this._errors = fields;
      else this._failure = error;
      this.#save();
      this.dispatchEvent(new SubmitErrorEvent(submitErrorCode(error), error));
      this._sending = false;
      await this.#focus(placed ? '[part~="error-summary"]' : '#send-error button');
    }
  }

  /** Moves the focus, once rendered, to what the visitor must read or do next. */
  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The error summary's links: the field's input (its first option for a group), or the finder's. */
  #focusField(field: FieldName): void {
    let target: Element | null | undefined = this.renderRoot.querySelector(`[name="${field}"]`);
    if (field === 'zone') {
      const finder = this.zoneSource
        ? this.#zoneSource.source
        : this.renderRoot.querySelector('carezone-finder');
      target = finder?.shadowRoot?.querySelector('input') ?? finder;
    }
    (target as HTMLElement | null | undefined)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'carezone-session-request': CarezoneSessionRequest;
  }
}
