import { LookupResult } from '@carezone/contract';
import type { Http, Query } from '../internal/http.js';
import type { RequestOptions } from '../request-options.js';

/**
 * What to look up, and optionally in one layer: a place — a postcode, a NIS code, or both (the part
 * of the postcode in that municipality), optionally narrowed by `locality` (a locality name of that
 * postcode or municipality) — or a point. An ambiguity's `choices[].query` is a place to pass as it
 * is. Values are not checked here: the server is the judge and answers ApiError INVALID_QUERY
 * (with `errors`) for a malformed one, so the rules live in one place, the contract.
 */
export type LookupParams = (
  | { postcode: string; nis?: string; locality?: string; lat?: never; lon?: never }
  | { nis: string; postcode?: string; locality?: string; lat?: never; lon?: never }
  | { lat: number; lon: number; postcode?: never; nis?: never; locality?: never }
) & { layer?: string };

/** The zone(s) of a place or point, per layer: the resource is the call itself. */
export type LookupResource = (params: LookupParams, options?: RequestOptions) => Promise<LookupResult>;

export function lookupResource(http: Http): LookupResource {
  return (params, options) => http.get('lookup', LookupResult, toQuery(params), options);
}

function toQuery(params: LookupParams): Query {
  return {
    postcode: params.postcode,
    nis: params.nis,
    locality: params.locality,
    lat: params.lat === undefined ? undefined : coordinate(params.lat),
    lon: params.lon === undefined ? undefined : coordinate(params.lon),
    layer: params.layer,
  };
}

/**
 * Fixed notation with at most 7 decimals (about 1 cm): geolocation gives up to 15 decimals and
 * `String()` may use exponents, both beyond what the API's decimal parameter accepts.
 */
export function coordinate(value: number): string {
  return Number.isFinite(value) ? value.toFixed(7).replace(/\.?0+$/, '') : String(value);
}
