import {
  isApiError,
  type Layer,
  type LookupChoice,
  type LookupChoiceQuery,
  type LookupParams,
  type LookupResult,
  type Match,
  type MunicipalityRef,
} from '@carezone/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { renderError, renderLoading, renderMessage } from '../internal/data-states.js';
import { aroundName, type LocalizeController, type Name } from '../internal/localize.js';
import { renderZoneDetails } from '../zone-card/zone-details.js';
import { type LayerAnswer, layerAnswers } from './layer-answers.js';

export interface AnswerActions {
  /** Looks the chosen part of the place up alone (a narrowing choice). */
  narrow(query: LookupChoiceQuery): void;
  /** The visitor says which of several candidate zones is theirs (the data cannot tell). */
  pick(match: Match): void;
  /** The `aria-level` of the zones' names (the finder's `heading-level`). */
  level(): number;
}

/** The municipality that names the asked place in an answer, if one does. */
function askedMunicipality(result: LookupResult): MunicipalityRef | null | undefined {
  const [ambiguity] = result.ambiguities;
  return (result.matches[0]?.places[0] ?? ambiguity?.choices[0] ?? ambiguity?.unresolved[0])?.municipality;
}

/** The field's text for a place shown without the visitor typing it (a preset NIS code): its name. */
export function askedName(result: LookupResult, localize: LocalizeController): string {
  const municipality = askedMunicipality(result);
  return municipality ? localize.name(municipality.name, municipality.region) : '';
}

/** The asked place as the answer's sentences name it: "1000", "Brussel", "1040 Etterbeek". */
function askedPlace(result: LookupResult, localize: LocalizeController): Name {
  const { query } = result;
  const municipality = askedMunicipality(result);
  const name = municipality && localize.named(municipality.name, municipality.region);
  if (query.postcode) return query.nis && name ? html`${query.postcode} ${name}` : query.postcode;
  return name ?? localize.t.finder.here;
}

/** The municipalities a zone was reached through, in the visitor's language (each once). */
function placesOf(match: Match, localize: LocalizeController): Name[] | undefined {
  const names = new Map<string, Name>();
  for (const { municipality } of match.places)
    if (municipality) names.set(municipality.nis, localize.named(municipality.name, municipality.region));
  return names.size > 0 ? localize.list([...names.values()]) : undefined;
}

function renderCard(
  match: Match,
  layers: readonly Layer[],
  localize: LocalizeController,
  actions: AnswerActions,
  extra: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  const title = layers.find((layer) => layer.id === match.layer)?.title;
  return renderZoneDetails(match.zone, localize, {
    layerTitle: title && localize.named(title),
    municipality: placesOf(match, localize),
    headingLevel: actions.level(),
    extra,
  });
}

/** "Brussel (1020) · Laeken, Laken": a part of the place, with the pack's names of its districts. */
function choiceLabel(
  { municipality, postcode, localities }: LookupChoice,
  localize: LocalizeController,
): Name {
  const own = new Set(Object.values(municipality.name));
  const districts = localities.filter((locality) => !own.has(locality));
  return html`${localize.named(municipality.name, municipality.region)}${postcode ? ` (${postcode})` : ''}${
    districts.length > 0 ? ` · ${districts.join(', ')}` : ''
  }`;
}

/**
 * One layer's answer in one of its three states (or `unknown`): a card; a card with a note on what
 * is not sure; or the question that tells the zones apart — the parts of the place as choices
 * when the packs divide it, else every candidate with its contact, to pick from.
 */
export function renderAnswer(
  answer: LayerAnswer,
  result: LookupResult & { layers: readonly Layer[] },
  localize: LocalizeController,
  actions: AnswerActions,
): TemplateResult {
  const texts = localize.t.finder;
  const { layers } = result;
  const place = askedPlace(result, localize);
  const [first] = answer.matches;
  if (answer.state === 'certain' && first) return renderCard(first, layers, localize, actions);
  if (answer.state === 'probable' && first) {
    return renderCard(
      first,
      layers,
      localize,
      actions,
      html`<p part="note" class="note">${aroundName(texts.probable, place)}</p>`,
    );
  }
  if (answer.state === 'unknown' || !first)
    return html`<p part="message" class="message">${aroundName(texts.noZone, place)}</p>`;
  const zoneName = (id: string) => {
    const zone = answer.matches.find((match) => match.zone.id === id)?.zone;
    return zone ? localize.named(zone.name) : id;
  };
  const choices = answer.ambiguity?.narrowable ? answer.ambiguity.choices : [];
  if (choices.length > 0) {
    return html`<div part="choices" class="message" role="group" aria-labelledby="choose-${answer.layer}">
      <p id="choose-${answer.layer}"><strong>${aroundName(texts.choose, place)}</strong></p>
      <ul>${choices.map(
        (choice) => html`<li><button part="choice" class="secondary" type="button"
            @click=${() => actions.narrow(choice.query)}>${choiceLabel(choice, localize)}</button>
          <span>${choice.zones.length > 0 ? localize.list(choice.zones.map(zoneName)) : texts.unknownPart}</span></li>`,
      )}</ul>
    </div>`;
  }
  return html`<p part="message" class="message">${aroundName(texts.cannotTell, place)}</p>${answer.matches.map(
    (match) =>
      renderCard(
        match,
        layers,
        localize,
        actions,
        html`<button part="pick-button" class="secondary" type="button"
        @click=${() => actions.pick(match)}>${aroundName(texts.pick, localize.named(match.zone.name))}</button>`,
      ),
  )}`;
}

/**
 * While the answer loads: as tall as it will be, one card for each layer that will answer (`count`,
 * known at once when another widget of the page asked for the layers already; else one).
 */
export function renderPending(count: number | undefined, localize: LocalizeController): TemplateResult[] {
  return Array.from(
    { length: count || 1 },
    (_, i) => html`<div class="card">${i ? nothing : renderLoading(localize.t)}</div>`,
  );
}

/**
 * A lookup that found no zone, in words: outside the zones (naming the place), an unknown place,
 * a text that is no place; any other failure with a retry.
 */
export function renderFailure(
  error: unknown,
  asked: Partial<Pick<LookupParams, 'postcode' | 'nis'>>,
  typed: string,
  localize: LocalizeController,
  retry: () => void,
): TemplateResult {
  const texts = localize.t.finder;
  if (isApiError(error)) {
    const { postcode, nis } = asked;
    const what = postcode ? `${texts.postcode} ${postcode}` : nis ? `${texts.nisCode} ${nis}` : texts.here;
    const place = error.places[0];
    if (error.code === 'OUT_OF_COVERAGE')
      return renderMessage(
        aroundName(
          texts.outside,
          place
            ? html`${localize.named(place.name, place.region)}${place.postcode ? ` (${place.postcode})` : ''}`
            : what,
        ),
      );
    if (error.code === 'UNKNOWN_PLACE') return renderMessage(texts.unknown(what));
    if (error.code === 'INVALID_QUERY') return renderMessage(texts.invalid(postcode ?? nis ?? typed));
  }
  return renderError(localize.t, error, retry);
}

/** Every layer's answer; the layer of a zone the visitor `picked` among candidates shows that zone. */
export function renderAnswers(
  result: LookupResult & { layers: readonly Layer[] },
  picked: Match | undefined,
  localize: LocalizeController,
  actions: AnswerActions,
): TemplateResult[] {
  return layerAnswers(result).map((answer) =>
    picked?.layer === answer.layer
      ? renderCard(
          picked,
          result.layers,
          localize,
          actions,
          html`<p part="note" class="note">${localize.t.finder.picked}</p>`,
        )
      : renderAnswer(answer, result, localize, actions),
  );
}
