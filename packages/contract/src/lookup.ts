import * as z from 'zod/mini';
import { IsoDate, NisCode, Postcode, Slug } from './common.js';
import { MunicipalityRef } from './places.js';
import { Confidence, Coverage, ZoneSummary } from './zones.js';

/**
 * What a lookup was asked by: a postcode (alone or with `nis`), a NIS code, a locality name (with a
 * postcode or NIS code), a zone polygon containing a point, or the municipality polygon containing
 * a point that no zone polygon of the layer contains.
 */
export const MatchedBy = z.enum(['postcode', 'nis', 'locality', 'point', 'municipality-polygon']);
export type MatchedBy = z.infer<typeof MatchedBy>;

/** What a lookup was asked, echoed back as understood. */
export const LookupQueryEcho = z.object({
  postcode: z.optional(Postcode),
  nis: z.optional(NisCode),
  locality: z.optional(z.string()),
  lat: z.optional(z.number()),
  lon: z.optional(z.number()),
  layer: z.optional(Slug),
});
export type LookupQueryEcho = z.infer<typeof LookupQueryEcho>;

/**
 * A part of the asked place, as finely as the zone packs divide it: a municipality (`postcode`
 * null: all of it), or the part of a municipality within one postcode. No municipality: a point in
 * a pack without municipality polygons.
 */
export const PlacePart = z.object({
  municipality: z.nullable(MunicipalityRef),
  postcode: z.nullable(Postcode),
});
export type PlacePart = z.infer<typeof PlacePart>;

/** A part of the asked place that led to a zone, and how surely the zone covers that part. */
export const MatchPlace = z.object({
  ...PlacePart.shape,
  /** `whole`: the zone covers all of this part; `partial`: some of it, boundary not in the pack. */
  coverage: Coverage,
  confidence: Confidence,
});
export type MatchPlace = z.infer<typeof MatchPlace>;

/**
 * One zone of one layer that covers the asked place, or some of it. A zone appears once per
 * answer, however many places (the municipalities of a postcode, the postcodes of a municipality)
 * led to it; `places` lists them.
 *
 * - `coverage` is `whole` only when the zone covers every part of the asked place in this layer
 *   wholly: it is `partial` when another zone, or no known zone, covers some of it.
 * - `confidence` is the weakest of `places`: a zone is only as sure for the asked place as it is
 *   for the least documented part of it (1050 is Sud for sure in Ixelles, probably in
 *   Brussels-City, so Sud is `ambiguous` for 1050, and `documented` for 1050 in Ixelles).
 *
 * How to say it: see `Ambiguity.certainty` (or `certaintyOf`): the layer's answer decides whether
 * a zone is certain, probable, or one to choose among.
 */
export const Match = z.object({
  layer: Slug,
  zone: ZoneSummary,
  matchedBy: MatchedBy,
  coverage: Coverage,
  confidence: Confidence,
  places: z.array(MatchPlace),
});
export type Match = z.infer<typeof Match>;

/**
 * How one layer answers, per layer of the answer:
 * - `certain`: one zone, documented, covering the whole place (the layer has matches and no
 *   ambiguity);
 * - `probable`: one zone, but a part of the place is covered only partly or not documented (the
 *   zone's `places` say which: those not `whole`/`documented`);
 * - `choose`: the place is split between several zones, or a part of it has no known zone: ask a
 *   further question (`choices`), never pick one;
 * - `unknown`: the layer covers the municipality but no zone is known for this part of it.
 */
export const Certainty = z.enum(['certain', 'probable', 'choose', 'unknown']);
export type Certainty = z.infer<typeof Certainty>;

/**
 * Why a layer's answer is not a single certain zone:
 * - `several-zones`: the place is split between zones of the layer;
 * - `uncertain`: a partial or not documented coverage row;
 * - `unknown-part`: a part of the place has no known zone in the layer;
 * - `border`: a point on the border of two zones.
 */
export const AmbiguityReason = z.enum(['several-zones', 'uncertain', 'unknown-part', 'border']);
export type AmbiguityReason = z.infer<typeof AmbiguityReason>;

/** The parameters of a narrowed lookup: pass them to `/v1/lookup` (with the `layer` asked, if any). */
export const LookupChoiceQuery = z.object({
  nis: NisCode,
  postcode: z.optional(Postcode),
});
export type LookupChoiceQuery = z.infer<typeof LookupChoiceQuery>;

/**
 * One answer to the further question: a part of the asked place (a municipality of a shared
 * postcode, a postcode of a municipality) and the zones of the layer that cover it. Label it with
 * the municipality's name, the postcode and the `localities` (sub-municipalities, districts,
 * former municipalities of that part, as the pack names them: "Laeken / Laken (1020)").
 */
export const LookupChoice = z.object({
  municipality: MunicipalityRef,
  postcode: z.nullable(Postcode),
  localities: z.array(z.string()),
  /** Ids of the zones (in `matches`) that cover this part; empty when no zone is known for it. */
  zones: z.array(Slug),
  /** The lookup of this part alone: its answer in this layer is `zones`, and nothing else. */
  query: LookupChoiceQuery,
});
export type LookupChoice = z.infer<typeof LookupChoice>;

/** A layer whose answer is not one certain zone: how sure it is, why, and what to ask next. */
export const Ambiguity = z.object({
  layer: Slug,
  certainty: z.enum(['probable', 'choose', 'unknown']),
  reasons: z.array(AmbiguityReason),
  /** Parts of the asked place that have no known zone in this layer. */
  unresolved: z.array(PlacePart),
  /**
   * Whether the packs divide the asked place any further: `false` when every part of it has the
   * same answer (1000 between Centre-Ouest and Sud; a point on a border), so there is nothing to
   * ask: show every candidate and its contact.
   */
  narrowable: z.boolean(),
  /** Every part of the asked place with its zones, when `narrowable`; empty otherwise. */
  choices: z.array(LookupChoice),
});
export type Ambiguity = z.infer<typeof Ambiguity>;

/**
 * The answer of `/v1/lookup`. `matches` holds one entry per (layer, zone), in layer order, then
 * the surest first. `ambiguities` holds one entry per layer that is not `certain`. `ambiguous` is
 * true when some layer asks to `choose`.
 */
export const LookupResult = z.object({
  query: LookupQueryEcho,
  ambiguous: z.boolean(),
  dataVersion: IsoDate,
  matches: z.array(Match),
  ambiguities: z.array(Ambiguity),
});
export type LookupResult = z.infer<typeof LookupResult>;

/**
 * How `layer` answers in `result` (see `Certainty`); `undefined` when the answer says nothing
 * about that layer (the place is outside it).
 */
export function certaintyOf(
  result: Pick<LookupResult, 'matches' | 'ambiguities'>,
  layer: string,
): Certainty | undefined {
  const ambiguity = result.ambiguities.find((item) => item.layer === layer);
  if (ambiguity) return ambiguity.certainty;
  return result.matches.some((match) => match.layer === layer) ? 'certain' : undefined;
}
