import * as z from 'zod/mini';
import { Language, NisCode, Postcode, Slug } from './common.js';

/**
 * Query strings as they arrive: every value is text. The server validates with these schemas
 * and converts numbers itself, so the same schemas document the parameters in `/openapi.json`.
 */
const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const Decimal = z
  .string()
  .check(z.regex(/^[+-]?\d{1,3}(?:\.\d{1,12})?$/, 'must be a decimal number of degrees'));
const Count = z.string().check(z.regex(/^\d{1,3}$/, 'must be a whole number'));

export const PlacesQuery = z.object({
  q: Text(100),
  limit: z.optional(Count),
  /** The visitor's language: each suggestion's `label` is the place's name in it. */
  lang: z.optional(Language),
});
export type PlacesQuery = z.infer<typeof PlacesQuery>;

export const ZonesQuery = z.object({
  layer: z.optional(Slug),
  q: z.optional(Text(100)),
});
export type ZonesQuery = z.infer<typeof ZonesQuery>;

/**
 * `/v1/lookup`: `postcode`, `nis` (either, or both for the part of a postcode in one
 * municipality), `locality` (a name of the pack's localities, with `postcode` and/or `nis`), or
 * `lat` with `lon`; and optionally `layer`.
 */
export const LookupQuery = z.object({
  postcode: z.optional(Postcode),
  nis: z.optional(NisCode),
  locality: z.optional(Text(100)),
  lat: z.optional(Decimal),
  lon: z.optional(Decimal),
  layer: z.optional(Slug),
});
export type LookupQuery = z.infer<typeof LookupQuery>;

/** Bounds of the query parameters above, shared by the server and the SDK. */
export const LIMITS = {
  placesDefault: 10,
  placesMax: 50,
  pageDefault: 20,
  pageMax: 100,
} as const;
