import {
  certaintyOf,
  type Layer,
  type LookupChoice,
  type LookupResult,
  type Match,
  type MunicipalityRef,
} from '@carezone/contract';
import { isApiError, type LookupParams, type PublicClient } from '@carezone/sdk';
import { html } from 'hono/html';
import type { Html } from '../embed-document.js';
import { aroundName, type EmbedLocalize } from '../embed-localize.js';
import { linkTo } from '../embed-options.js';
import { zoneDetails } from './zone-details.js';

/** What a finder page was asked: the typed text, or a place given by the page or a choice. */
export interface FinderQuery {
  q: string;
  postcode?: string | undefined;
  nis?: string | undefined;
  locality?: string | undefined;
  layer?: string | undefined;
  /** The zone the visitor said is theirs among candidates. */
  picked?: string | undefined;
}

export interface FinderView {
  localize: EmbedLocalize;
  headingLevel: number;
  /** The page's own parameters (language, layer, theme), kept in every link and form. */
  kept: readonly [string, string][];
  /** This very page, for "try again". */
  self: string;
}

type Asked = { params: LookupParams; text: string } | { failure: unknown; text: string };

/**
 * The place to look up, as the finder's own submit decides it: a preset or chosen place as given; a
 * typed 4-digit postcode or 5-digit NIS code as it is; a name through its first suggestion; and
 * anything else sent as a postcode, for the API to judge (`INVALID_QUERY`).
 */
async function placeAsked(
  api: PublicClient,
  query: FinderQuery,
  localize: EmbedLocalize,
): Promise<Asked | undefined> {
  const { postcode, nis, locality, layer } = query;
  const text = query.q.trim();
  if (postcode) return { params: { postcode, nis, locality, layer }, text: text || postcode };
  if (nis) return { params: { nis, locality, layer }, text };
  if (!text) return undefined;
  if (/^\d{4}$/.test(text)) return { params: { postcode: text, layer }, text };
  if (/^\d{5}$/.test(text)) return { params: { nis: text, layer }, text };
  try {
    const [first] = text.length > 1 ? await api.places.search(text, { limit: 8, lang: localize.lang }) : [];
    if (!first) return { params: { postcode: text, layer }, text };
    const place = first.municipality.nis;
    return {
      params: first.postcode ? { postcode: first.postcode, nis: place, layer } : { nis: place, layer },
      text: first.label,
    };
  } catch (failure) {
    return { failure, text };
  }
}

/**
 * The preset with which `<carezone-finder>` shows what the page shows, when it can: nothing asked,
 * or one postcode or NIS code. A part of a place chosen from a list, or a zone picked, is a state
 * only the server's page has (reached without scripts): that page then stays as it is.
 */
export type FinderPreset = { postcode?: string; nis?: string } | undefined;

function presetOf(asked: Asked | undefined, picked: string | undefined): FinderPreset {
  if (!asked) return {};
  if (picked || 'failure' in asked) return undefined;
  const { postcode, nis, locality } = asked.params;
  if (locality) return undefined;
  if (postcode && !nis && /^\d{4}$/.test(postcode)) return { postcode };
  if (nis && !postcode && /^\d{5}$/.test(nis)) return { nis };
  return undefined;
}

/** The body of `/embed/finder`: the search form, then the answer of what was asked. */
export async function finderBody(
  api: PublicClient,
  query: FinderQuery,
  view: FinderView,
): Promise<{ body: Html; preset: FinderPreset }> {
  const { localize, kept } = view;
  const texts = localize.t.finder;
  const asked = await placeAsked(api, query, localize);
  // Read even with nothing asked: the widget that takes the page over starts with the layers.
  if (!asked) await api.layers.list().catch(() => undefined);
  let answer: Html | string = '';
  if (asked && 'failure' in asked) answer = failure(asked.failure, {}, asked.text, view);
  else if (asked) {
    try {
      const [result, layers] = await Promise.all([api.lookup(asked.params), api.layers.list()]);
      answer = answers({ ...result, layers }, query.picked, asked.text, view);
    } catch (error) {
      answer = failure(error, asked.params, asked.text, view);
    }
  }
  const hidden = kept.filter(([name]) => name !== 'q');
  const body = html`<search class="finder">
<form method="get" action="/embed/finder#result" class="search">
${hidden.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
<label for="q">${texts.label}</label>
<input id="q" name="q" type="text" autocomplete="postal-code" spellcheck="false" value="${asked?.text ?? query.q}" required>
<button type="submit">${texts.submit}</button>
<div class="js-reserve"></div>
</form>
<p class="status"></p>
<div class="result${asked ? ' reserve' : ''}" tabindex="-1" id="result">${answer}</div>
</search>`;
  return { body, preset: presetOf(asked, query.picked) };
}

function askedMunicipality(result: LookupResult): MunicipalityRef | null | undefined {
  const [ambiguity] = result.ambiguities;
  return (result.matches[0]?.places[0] ?? ambiguity?.choices[0] ?? ambiguity?.unresolved[0])?.municipality;
}

function askedPlace(result: LookupResult, localize: EmbedLocalize): Html | string {
  const { query } = result;
  const municipality = askedMunicipality(result);
  const name = municipality ? localize.named(municipality.name, municipality.region) : undefined;
  if (query.postcode) return query.nis && name ? html`${query.postcode} ${name}` : query.postcode;
  return name ?? localize.t.finder.here;
}

function placesOf(match: Match, localize: EmbedLocalize): Html | undefined {
  const names = new Map<string, Html>();
  for (const { municipality } of match.places)
    if (municipality) names.set(municipality.nis, localize.named(municipality.name, municipality.region));
  return names.size > 0 ? localize.list([...names.values()]) : undefined;
}

function card(match: Match, layers: readonly Layer[], view: FinderView, extra?: Html): Html {
  const title = layers.find((layer) => layer.id === match.layer)?.title;
  return zoneDetails(match.zone, view.localize, {
    layerTitle: title && view.localize.named(title),
    municipality: placesOf(match, view.localize),
    headingLevel: view.headingLevel,
    extra,
  });
}

function choiceLabel({ municipality, postcode, localities }: LookupChoice, localize: EmbedLocalize): Html {
  const own = new Set(Object.values(municipality.name));
  const districts = localities.filter((locality) => !own.has(locality));
  return html`${localize.named(municipality.name, municipality.region)}${postcode ? ` (${postcode})` : ''}${
    districts.length > 0 ? ` · ${districts.join(', ')}` : ''
  }`;
}

/**
 * Each layer's answer in the finder's three states: a card; a card with a note; or the question,
 * its choices as links (each part of the place looked up alone) and its candidates each with a link
 * that says "this is my zone". The layers in the order the widget shows them.
 */
function answers(
  result: LookupResult & { layers: readonly Layer[] },
  picked: string | undefined,
  typed: string,
  view: FinderView,
): Html {
  const { localize, kept } = view;
  const texts = localize.t.finder;
  const place = askedPlace(result, localize);
  const layerIds = [...new Set([...result.matches, ...result.ambiguities].map((item) => item.layer))];
  return html`${layerIds.map((layer) => {
    const matches = result.matches.filter((match) => match.layer === layer);
    const state = certaintyOf(result, layer) ?? 'unknown';
    const [first] = matches;
    const chosen = matches.find((match) => match.zone.id === picked);
    if (chosen) return card(chosen, result.layers, view, html`<p class="note">${texts.picked}</p>`);
    if (state === 'certain' && first) return card(first, result.layers, view);
    if (state === 'probable' && first)
      return card(first, result.layers, view, html`<p class="note">${aroundName(texts.probable, place)}</p>`);
    if (state === 'unknown' || !first)
      return html`<p class="message" role="status">${aroundName(texts.noZone, place)}</p>`;
    const ambiguity = result.ambiguities.find((item) => item.layer === layer);
    const zoneName = (id: string) => {
      const zone = matches.find((match) => match.zone.id === id)?.zone;
      return zone ? localize.named(zone.name) : html`${id}`;
    };
    const choices = ambiguity?.narrowable ? ambiguity.choices : [];
    if (choices.length > 0) {
      return html`<div class="message" role="group" aria-labelledby="choose-${layer}">
<p id="choose-${layer}"><strong>${aroundName(texts.choose, place)}</strong></p>
<ul class="choices">${choices.map(
        (choice) =>
          html`<li><a class="button secondary choice" href="${linkTo('/embed/finder', kept, {
            q: typed,
            ...choice.query,
          })}#result">${choiceLabel(choice, localize)}</a> <span>${
            choice.zones.length > 0 ? localize.list(choice.zones.map(zoneName)) : texts.unknownPart
          }</span></li>`,
      )}</ul>
</div>`;
    }
    return html`<p class="message">${aroundName(texts.cannotTell, place)}</p>${matches.map((match) =>
      card(
        match,
        result.layers,
        view,
        html`<a class="button secondary" href="${linkTo('/embed/finder', kept, {
          postcode: result.query.postcode,
          nis: result.query.nis,
          locality: result.query.locality,
          q: typed,
          picked: match.zone.id,
        })}#result">${aroundName(texts.pick, localize.named(match.zone.name))}</a>`,
      ),
    )}`;
  })}`;
}

/** A lookup that found no zone, in the finder's words; any other failure with a link to try again. */
function failure(error: unknown, asked: Partial<LookupParams>, typed: string, view: FinderView): Html {
  const { localize } = view;
  const texts = localize.t.finder;
  if (isApiError(error)) {
    const { postcode, nis } = asked;
    const what = postcode ? `${texts.postcode} ${postcode}` : nis ? `${texts.nisCode} ${nis}` : texts.here;
    const place = error.places[0];
    if (error.code === 'OUT_OF_COVERAGE') {
      const name = place
        ? html`${localize.named(place.name, place.region)}${place.postcode ? ` (${place.postcode})` : ''}`
        : what;
      return html`<p class="message" role="status">${aroundName(texts.outside, name)}</p>`;
    }
    if (error.code === 'UNKNOWN_PLACE')
      return html`<p class="message" role="status">${texts.unknown(what)}</p>`;
    if (error.code === 'INVALID_QUERY')
      return html`<p class="message" role="status">${texts.invalid(postcode ?? nis ?? typed)}</p>`;
  }
  return html`<div class="message error" role="alert">${readError(localize, error)}
<a class="button secondary" href="${view.self}">${localize.t.retry}</a></div>`;
}

/** The shared catalogue's words for a failed read: the API's code, else the way there. */
export function readError(localize: EmbedLocalize, error: unknown): string {
  const { t } = localize;
  if (isApiError(error))
    return (t.errors as Partial<Record<string, string>>)[error.code] ?? t.unexpectedError;
  return t.unexpectedError;
}
