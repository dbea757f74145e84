import * as z from 'zod/mini';
import { IsoDate, LangMap, NisCode, Postcode, Region, Slug } from './common.js';

export const LayerKind = z.enum(['care-zone', 'primary-care-zone']);
export type LayerKind = z.infer<typeof LayerKind>;

/** A set of zones that together divide a territory (one per pack layer). */
export const Layer = z.object({
  id: Slug,
  kind: LayerKind,
  title: LangMap,
  pack: z.object({ id: z.string(), dataVersion: IsoDate, attribution: z.string() }),
  zoneCount: z.number(),
  hasGeometry: z.boolean(),
});
export type Layer = z.infer<typeof Layer>;
export const LayerList = z.object({ data: z.array(Layer) });
export type LayerList = z.infer<typeof LayerList>;

export const Coverage = z.enum(['whole', 'partial']);
export type Coverage = z.infer<typeof Coverage>;
export const Confidence = z.enum(['documented', 'likely', 'ambiguous']);
export type Confidence = z.infer<typeof Confidence>;

/** Contact of a zone team. `null` means unknown, never "none exists". */
export const ZoneContact = z.object({
  website: z.nullable(z.string()),
  email: z.nullable(z.string()),
  phone: z.nullable(z.string()),
});
export type ZoneContact = z.infer<typeof ZoneContact>;

export const ZoneSummary = z.object({
  id: Slug,
  layer: Slug,
  name: LangMap,
  contact: ZoneContact,
  validFrom: z.nullable(IsoDate),
  validTo: z.nullable(IsoDate),
  hasGeometry: z.boolean(),
});
export type ZoneSummary = z.infer<typeof ZoneSummary>;
export const ZoneList = z.object({ data: z.array(ZoneSummary) });
export type ZoneList = z.infer<typeof ZoneList>;

/** A municipality (or the listed postcodes of it) that a zone covers. */
export const CoveredMunicipality = z.object({
  nis: NisCode,
  name: LangMap,
  /** Where the municipality lies: an English reader gets the name of its own language (Ixelles). */
  region: Region,
  /** Empty: the whole municipality. Otherwise only these postcodes of it. */
  postcodes: z.array(Postcode),
  coverage: Coverage,
  confidence: Confidence,
});
export type CoveredMunicipality = z.infer<typeof CoveredMunicipality>;

// The summary's shape spread rather than `z.extend`: the same schema, without extend's code in
// every widget bundle that reads a zone.
export const Zone = z.object({
  ...ZoneSummary.shape,
  municipalities: z.array(CoveredMunicipality),
});
export type Zone = z.infer<typeof Zone>;

const Position = z.array(z.number());
const Ring = z.array(Position);
export const ZoneGeometry = z.object({
  type: z.literal('Feature'),
  properties: z.object({ layer: Slug, zoneId: Slug }),
  geometry: z.union([
    z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring)) }),
  ]),
});
export type ZoneGeometry = z.infer<typeof ZoneGeometry>;
