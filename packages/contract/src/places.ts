import * as z from 'zod/mini';
import { LangMap, NisCode, Postcode, Region } from './common.js';

export const PlaceKind = z.enum(['postcode', 'municipality', 'locality', 'former-municipality']);
export type PlaceKind = z.infer<typeof PlaceKind>;

/** The municipality a place lies in today (after the 2025 mergers). */
export const MunicipalityRef = z.object({
  nis: NisCode,
  name: LangMap,
  region: Region,
});
export type MunicipalityRef = z.infer<typeof MunicipalityRef>;

/**
 * How a suggestion matched the query: `exact`, the query is one of the place's names or codes
 * (ignoring case, accents, punctuation, spaces and the way "saint" is written); `prefix`, the query
 * starts one of its names, or a later word of one (`molenbeek` in `Sint-Jans-Molenbeek`); `fuzzy`,
 * a name is within one or two typing errors of the query: the widget asks "Did you mean …?".
 */
export const PlaceMatch = z.enum(['exact', 'prefix', 'fuzzy']);
export type PlaceMatch = z.infer<typeof PlaceMatch>;

/**
 * One autocomplete suggestion, one per place. `label` is what to show: the place's name in the
 * `lang` asked for, or without `lang` the name that matched (a postcode place: the postcode).
 * Locality names exist in one language only unless Carezone knows another; the municipality carries
 * the translations. With `lang`, English uses the English name where there is one (`Brussels`,
 * `Antwerp`) and otherwise the local one: Dutch in Flanders, French in Brussels and Wallonia,
 * German in the German-speaking Community; a language a place has no name in falls back the same way.
 * `postcode` or `municipality.nis` is what to pass to `/v1/lookup` to resolve it.
 */
export const Place = z.object({
  kind: PlaceKind,
  label: z.string(),
  postcode: z.nullable(Postcode),
  municipality: MunicipalityRef,
  /** How the best of its names matched; always sent by this API version's server. */
  match: z.optional(PlaceMatch),
  /**
   * The name (or NIS code) the query matched, when it is not `label`: show it beside the label,
   * as in "Ixelles · Elsene" for `Elsene` in French. Absent when the label itself matched.
   */
  matched: z.optional(z.string()),
});
export type Place = z.infer<typeof Place>;

export const PlaceList = z.object({ query: z.string(), data: z.array(Place) });
export type PlaceList = z.infer<typeof PlaceList>;
