import type {
  FieldError,
  Language,
  Layer,
  LookupResult,
  Place,
  ProblemPlace,
  Zone,
  ZoneGeometry,
  ZoneSummary,
} from '@carezone/contract';

/**
 * What one lookup asks: a place (a postcode, a NIS code, or both for the part of the postcode in
 * that municipality, optionally narrowed to a locality name of that postcode or municipality) or a
 * point; optionally one layer.
 */
export type LookupRequest = (
  | { by: 'postcode'; postcode: string; nis?: string; locality?: string }
  | { by: 'nis'; nis: string; locality?: string }
  | { by: 'point'; lat: number; lon: number }
) & { layer?: string };

/**
 * The answer of a lookup before it becomes HTTP: the route maps each kind to a status code
 * (200, 404 UNKNOWN_PLACE with the parameter at fault in `errors`, 404 OUT_OF_COVERAGE).
 */
export type LookupOutcome =
  | { kind: 'found'; result: LookupResult }
  | { kind: 'unknown-place'; detail: string; errors: FieldError[] }
  | { kind: 'out-of-coverage'; detail: string; places: ProblemPlace[] };

/**
 * A place found by `searchPlaces`, labelled with the name that matched; `placeInLanguage` makes it
 * the API's suggestion in the visitor's language.
 */
export interface PlaceHit extends Place {
  match: NonNullable<Place['match']>;
  /** The place's name in each language, as the API labels it for `lang`. */
  labels: Readonly<Record<Language, string>>;
  /** Its names (or code) that matched as well as its best one did, the best first. */
  matchedNames: readonly string[];
}

/** Identity of a loaded pack, for `/readyz` and the logs. */
export interface PackInfo {
  id: string;
  dataVersion: string;
  attribution: string;
  layers: string[];
  dir: string;
}

/**
 * Read-only, in-memory view of every loaded zone pack. Built once at start
 * (`loadZoneDirectory`), then queried by the HTTP routes; every method is synchronous and cheap.
 */
export interface ZoneDirectory {
  readonly packs: readonly PackInfo[];
  layers(): Layer[];
  hasLayer(id: string): boolean;
  zones(filter: { layer?: string; q?: string }): ZoneSummary[];
  zone(id: string): Zone | undefined;
  /** `undefined` when the zone is unknown; `null` when it exists but its pack has no polygon. */
  geometry(id: string): ZoneGeometry | null | undefined;
  searchPlaces(q: string, limit: number): PlaceHit[];
  lookup(request: LookupRequest): LookupOutcome;
}
