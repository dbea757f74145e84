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
 * One autocomplete suggestion. `label` is the name (or postcode) that matched, as written in the
 * pack: locality names exist in one language only. The municipality carries the translations.
 * `postcode` or `municipality.nis` is what to pass to `/v1/lookup` to resolve it.
 */
export const Place = z.object({
  kind: PlaceKind,
  label: z.string(),
  postcode: z.nullable(Postcode),
  municipality: MunicipalityRef,
});
export type Place = z.infer<typeof Place>;

export const PlaceList = z.object({ query: z.string(), data: z.array(Place) });
export type PlaceList = z.infer<typeof PlaceList>;
