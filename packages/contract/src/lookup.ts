import * as z from 'zod/mini';
import { IsoDate, NisCode, Postcode, Slug } from './common.js';
import { MunicipalityRef } from './places.js';
import { Confidence, Coverage, ZoneSummary } from './zones.js';

export const MatchedBy = z.enum(['postcode', 'nis', 'point', 'municipality-polygon']);
export type MatchedBy = z.infer<typeof MatchedBy>;

/** What a lookup was asked, echoed back as understood. */
export const LookupQueryEcho = z.object({
  postcode: z.optional(Postcode),
  nis: z.optional(NisCode),
  lat: z.optional(z.number()),
  lon: z.optional(z.number()),
  layer: z.optional(Slug),
});
export type LookupQueryEcho = z.infer<typeof LookupQueryEcho>;

/** The place through which a zone was found (no municipality: a point in a pack without municipality polygons). */
export const MatchPlace = z.object({
  municipality: z.nullable(MunicipalityRef),
  postcode: z.nullable(Postcode),
});
export type MatchPlace = z.infer<typeof MatchPlace>;

/** One candidate zone of one layer, reached through one place. */
export const Match = z.object({
  layer: Slug,
  zone: ZoneSummary,
  place: MatchPlace,
  matchedBy: MatchedBy,
  coverage: Coverage,
  confidence: Confidence,
});
export type Match = z.infer<typeof Match>;

/**
 * Why a layer's answer is not a single certain zone:
 * - `several-zones`: the place is split between zones of the layer;
 * - `uncertain`: a partial or not documented coverage row;
 * - `unknown-part`: a part of the place has no known zone in the layer;
 * - `border`: a point on the border of two zones.
 */
export const AmbiguityReason = z.enum(['several-zones', 'uncertain', 'unknown-part', 'border']);
export type AmbiguityReason = z.infer<typeof AmbiguityReason>;

export const Ambiguity = z.object({
  layer: Slug,
  reasons: z.array(AmbiguityReason),
  /** Places of the query that have no known zone in this layer. */
  unresolved: z.array(MatchPlace),
});
export type Ambiguity = z.infer<typeof Ambiguity>;

export const LookupResult = z.object({
  query: LookupQueryEcho,
  ambiguous: z.boolean(),
  dataVersion: IsoDate,
  matches: z.array(Match),
  ambiguities: z.array(Ambiguity),
});
export type LookupResult = z.infer<typeof LookupResult>;
