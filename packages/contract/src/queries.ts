import * as z from 'zod/mini';
import { Language, NisCode, Postcode, Slug } from './common.js';

/** Bounds of the query parameters below, shared by the server and the SDK. */
export const LIMITS = {
  placesDefault: 10,
  placesMax: 50,
  pageDefault: 20,
  pageMax: 100,
} as const;

/*
 * Query strings arrive as text. These schemas read them (a number is written in digits, then is a
 * number within its bounds), the server validates every parameter with them before a handler runs,
 * and `/openapi.json` documents each parameter as what it is once read: an integer with its minimum
 * and maximum, and its default.
 */
const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** A page size or count: digits, a whole number from 1 to `max`; `fallback` when absent. */
export const QueryLimit = (max: number, fallback: number) =>
  z._default(
    z.pipe(
      z.pipe(z.string().check(z.regex(/^\d{1,9}$/, 'must be a whole number')), z.transform(Number)),
      z.int().check(z.minimum(1), z.maximum(max)),
    ),
    fallback,
  );

/** One page of a list read by cursor: pass `nextCursor` back as `cursor`; `null` on the last page. */
export const pageOf = <Item extends z.ZodMiniType>(item: Item) =>
  z.object({ data: z.array(item), nextCursor: z.nullable(z.string()) });

/** Degrees of latitude or longitude (WGS84), within ±`bound`. */
const Degrees = (bound: number) =>
  z.pipe(
    z.pipe(
      z.string().check(z.regex(/^[+-]?\d{1,3}(?:\.\d{1,12})?$/, 'must be a decimal number of degrees')),
      z.transform(Number),
    ),
    z.number().check(z.minimum(-bound), z.maximum(bound)),
  );

export const PlacesQuery = z.object({
  q: Text(100),
  limit: QueryLimit(LIMITS.placesMax, LIMITS.placesDefault),
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
  lat: z.optional(Degrees(90)),
  lon: z.optional(Degrees(180)),
  layer: z.optional(Slug),
});
export type LookupQuery = z.infer<typeof LookupQuery>;
