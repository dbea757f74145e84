import { type LookupParams, layersResource, lookupResource, type Place, placesResource } from '@carezone/sdk';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { CarezoneElement } from '../internal/carezone-element.js';
import { errorMessage, renderError, renderLoading, renderMessage } from '../internal/data-states.js';
import { layersKnown, layersOf } from '../internal/layers.js';
import { zoneDetailsStyles } from '../zone-card/zone-details.styles.js';
import { ComboboxController } from './combobox.js';
import { finderStyles } from './finder.styles.js';
import { searchable, searchPlaces } from './place-search.js';
import { rememberedPlace, rememberPlace } from './remember.js';
import {
  type AnswerActions,
  askedName,
  renderAnswers,
  renderFailure,
  renderPending,
} from './render-answer.js';
import { renderOption } from './render-option.js';
import { ZoneLookupController } from './zone-lookup.js';

/**
 * @summary Finds the care zone of a place: the visitor types a postcode or a place name (or
 * shares their location), picks a suggestion, and sees the zone(s) and team contact.
 *
 * The input is an ARIA 1.2 combobox with list autocomplete: ArrowDown/ArrowUp move through the
 * suggestions (wrapping), Home/End jump to the first/last when the list is open, Enter chooses
 * the active suggestion (or submits a typed 4-digit postcode / 5-digit NIS code, else the first
 * suggestion), Escape closes the list and a second Escape clears the input.
 *
 * @event carezone-zone-change - `ZoneChangeEvent`: the zone of the visitor's place changed: `detail`
 * is the match of `layer` (or of the first layer answering one zone), with its `certainty`; `null`
 * as soon as the visitor chooses another place (until its answer comes) and when the answer is a
 * choice between zones: the finder never guesses. Never fired for a preset or a remembered place.
 *
 * @csspart base - The wrapper of the whole finder.
 * @csspart label - The label of the input.
 * @csspart input - The combobox input.
 * @csspart listbox - The list of suggestions.
 * @csspart option - One suggestion.
 * @csspart status - The live region announcing how many places were found.
 * @csspart submit-button - Looks up the typed text.
 * @csspart location-button - "Use my location" (only when the zones have polygons).
 * @csspart result - The region of the result; it keeps its height while a new result loads.
 * @csspart note - In a zone's card: what is not sure about a probable zone, or that the visitor picked it.
 * @csspart choices - The question when a place is split between zones, with the parts to choose from.
 * @csspart choice - One part of the place (a municipality of a postcode, a postcode of a municipality).
 * @csspart pick-button - In each candidate's card when the data cannot tell them apart: "this is my zone".
 * @csspart zone - A zone's card (with zone-name, zone-details, contact, contact-unknown).
 * @csspart zone-name - The zone's name.
 * @csspart zone-details - The details of a zone.
 * @csspart contact - The team's website, e-mail and phone.
 * @csspart contact-unknown - The sentence shown when the team's contact is not known.
 * @csspart loading - The placeholder while the result loads.
 * @csspart message - A plain message (outside the zones, unknown place, location refused).
 * @csspart error - A failure (of the lookup, or of the search for a typed name), with its retry button.
 * @csspart retry-button - Looks the place up (or searches the typed name) again.
 */
export class CarezoneFinder extends CarezoneElement {
  static override styles = [...CarezoneElement.styles, zoneDetailsStyles, finderStyles];
  static override resources = { layers: layersResource, places: placesResource, lookup: lookupResource };

  static override properties = {
    layer: {},
    postcode: {},
    nis: {},
    placeholder: {},
    remember: { type: Boolean },
    headingLevel: { attribute: 'heading-level', type: Number },
    _note: { state: true },
  };

  /** Id of the one zone layer to look in and show (`bxl-care-zones`, `elz`). Default: all. */
  declare layer: string | undefined;
  /** Preset: show the zone of this postcode at once (a municipal page). */
  declare postcode: string | undefined;
  /** Preset: show the zone of this municipality (NIS code) at once. */
  declare nis: string | undefined;
  /** Placeholder of the input (an example, never a substitute for the label). */
  declare placeholder: string | undefined;
  /** Keep the last chosen place in localStorage and show it again on the next visit. Default false. */
  declare remember: boolean;
  /** `aria-level` of the zones' names in the result, to fit the page's headings. Default 3. */
  declare headingLevel: number;

  /** Shown instead of the lookup: `true` while waiting (a location, a retried search), else a refused location or a failed search. */
  declare protected _note: true | (() => TemplateResult) | undefined;

  constructor() {
    super();
    this.remember = false;
    this.headingLevel = 3;
  }

  /** The input and its suggestions. */
  readonly #combobox = new ComboboxController<Place>(this, {
    listOptions: () => this.#places,
    chooseOption: (place) => this.#select(place),
    submitText: () => void this.#submit(),
  });

  readonly #layers = new Task(this, {
    task: ([client]) => layersOf(client),
    args: () => [this.sdk] as const,
  });

  readonly #search = new Task(this, {
    task: ([client, q, lang], { signal }) =>
      searchable(q) ? searchPlaces(client.places, q, lang, signal) : initialState,
    args: () => [this.sdk, this.#combobox.searchText.trim(), this.localize.lang] as const,
  });

  /** The place looked up, its answer and the `carezone-zone-change` events; a preset's name shown. */
  readonly #lookup = new ZoneLookupController(
    this,
    () => this.sdk,
    (answer) => {
      this.#combobox.inputText ||= askedName(answer, this.localize);
    },
  );

  get #input(): HTMLInputElement | null | undefined {
    return this.renderRoot?.querySelector('input');
  }

  /** The suggestions for what is typed now (the last ones while the next search runs). */
  get #places(): Place[] {
    return (searchable(this.#combobox.searchText.trim()) && this.#search.value) || [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('postcode') || changed.has('nis')) {
      const p = this.postcode ? { postcode: this.postcode } : this.nis ? { nis: this.nis } : undefined;
      // The field shows what is shown: the preset postcode now, a NIS code's name once it is known.
      if (p) {
        this.#lookup.lookUp(p, false);
        this.#combobox.inputText = this.postcode ?? '';
      }
    }
    const last = !this.hasUpdated && this.remember && !this.#lookup.lookedUp && rememberedPlace();
    if (last) {
      this.#lookup.lookUp(last.p, false);
      this.#combobox.inputText = last.text;
    }
  }

  protected override updated(): void {
    // The active suggestion stays in sight however it moved (End, a wrap, past the list's height).
    this.renderRoot.querySelector('[aria-selected=true]')?.scrollIntoView({ block: 'nearest' });
  }

  protected override render(): TemplateResult {
    const common = this.localize.t;
    const texts = common.finder;
    const combobox = this.#combobox;
    const { listOpen: open, activeOption: active } = combobox;
    const lookup = this.#lookup;
    return html`<div part="base">
      <div class="bar" role="search" aria-labelledby="label">
        <label part="label" id="label" for="input">${texts.label}</label>
        <div class="field">
          <input part="input" id="input" role="combobox" autocomplete="off" spellcheck="false" maxlength="100"
            aria-autocomplete="list" aria-controls="listbox" aria-expanded=${open}
            aria-activedescendant=${active === undefined ? nothing : `option-${active}`}
            placeholder=${this.placeholder ?? nothing} .value=${combobox.inputText}
            @input=${this.#onInput} @keydown=${combobox.handleKeydown} @blur=${() => combobox.closeList()}>
          <ul part="listbox" id="listbox" role="listbox" aria-labelledby="label" ?hidden=${!open}
            @mousedown=${(event: Event) => event.preventDefault()}>
            ${this.#places.map((place, i) =>
              renderOption(place, i, i === active, this.localize, () => this.#select(place)),
            )}
          </ul>
        </div>
        <button part="submit-button" type="button" @click=${this.#submit}>${texts.submit}</button>
        ${this.#locateButton()}
      </div>
      <p part="status" role="status">${
        this._note
          ? nothing
          : this.#search.render({
              // Nothing matched as typed, but a name close to it did: ask, as a person at a counter would.
              complete: (found) =>
                found[0]?.match === 'fuzzy' ? texts.didYouMean(found[0].label) : texts.found(found.length),
              // Said here while typing; once submitted, by the result's alert alone.
              error: (error) => errorMessage(common, error),
            })
      }</p>
      <div part="result" class="result ${lookup.lookedUp || this._note ? 'reserve' : ''}" aria-live="polite" tabindex="-1">
        ${
          this._note === true
            ? renderLoading(common)
            : this._note
              ? this._note()
              : lookup.answer.render({
                  pending: () =>
                    renderPending(
                      this.layer ? 1 : (this.#layers.value ?? layersKnown(this.sdk))?.length,
                      this.localize,
                    ),
                  complete: (result) =>
                    renderAnswers(result, lookup.pickedZone, this.localize, this.#actions),
                  error: (error) =>
                    renderFailure(error, lookup.lookedUp ?? {}, combobox.inputText, this.localize, () =>
                      lookup.answer.run(),
                    ),
                })
        }
      </div>
    </div>`;
  }

  /** A new search is typed: what was said of the last place goes; zones stay until another is chosen. */
  #onInput(event: Event): void {
    this._note = undefined;
    if (this.#lookup.answer.error) this.#lookup.lookUp(undefined, false);
    this.#combobox.handleInput(event);
  }

  /** "Use my location", when a layer the finder looks in has polygons and the browser can locate. */
  #locateButton(): TemplateResult | typeof nothing {
    const layer = this.layer;
    const geometry = this.#layers.value?.some((l) => l.hasGeometry && (!layer || l.id === layer));
    return geometry && navigator.geolocation
      ? html`<button part="location-button" class="secondary" type="button" @click=${this.#locate}>${this.localize.t.finder.locate}</button>`
      : nothing;
  }

  readonly #actions: AnswerActions = {
    narrow: (query) => this.#choose(query, this.#combobox.inputText, true),
    pick: (match) => this.#lookup.pickZone(match),
    level: () => this.headingLevel,
  };

  /** The typed text: a postcode or NIS code as it is; a name through its first suggestion. */
  async #submit(): Promise<void> {
    const text = this.#combobox.inputText.trim();
    if (!text) return this.#input?.focus();
    if (/^\d{4,5}$/.test(text))
      return this.#choose(text.length === 4 ? { postcode: text } : { nis: text }, text);
    // A name: its first suggestion (searched now when the text came from a selection, again when
    // its search failed).
    this.#combobox.searchFor(text);
    await this.updateComplete;
    if (this.#search.status === TaskStatus.ERROR) void this.#search.run();
    let places: Place[] = [];
    try {
      if (searchable(text)) places = await this.#search.taskComplete;
    } catch (error) {
      // Not a postcode: a name whose search failed is never sent to the lookup as one.
      this._note = () =>
        renderError(this.localize.t, error, () => {
          this._note = true;
          void this.#submit();
        });
      return;
    }
    // Nothing matches: the server judges the text and answers INVALID_QUERY, shown as such.
    if (places[0]) this.#select(places[0]);
    else this.#choose({ postcode: text }, text);
  }

  /** A suggestion's own place: a postcode in its municipality ("1040 Etterbeek"), or a municipality. */
  #select(place: Place): void {
    const { nis } = place.municipality;
    this.#choose(place.postcode ? { postcode: place.postcode, nis } : { nis }, place.label);
  }

  /**
   * Looks `p` up for the visitor. `focusResult`: the result region takes the focus at once and keeps
   * it while the answer comes (a choice button it held is gone with its answer; a location).
   */
  #choose(p: LookupParams, text: string, focusResult = false): void {
    this.#lookup.lookUp(p, true);
    if (focusResult) this.renderRoot.querySelector<HTMLElement>('[part~="result"]')?.focus();
    this.#combobox.showChosen(text);
    this._note = undefined;
    if (this.remember) rememberPlace({ p, text });
  }

  /** The button stays enabled while the browser locates (a disabled one would drop the focus). */
  #locate(): void {
    if (this._note === true) return;
    this._note = true;
    navigator.geolocation.getCurrentPosition(
      ({ coords }) =>
        this.#choose({ lat: coords.latitude, lon: coords.longitude }, this.#combobox.inputText, true),
      ({ code }) => {
        this._note = () => renderMessage(this.localize.t.finder[code === 1 ? 'geoDenied' : 'geoFailed']);
        this.#input?.focus();
      },
      { timeout: 10_000, maximumAge: 300_000 },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'carezone-finder': CarezoneFinder;
  }
}
