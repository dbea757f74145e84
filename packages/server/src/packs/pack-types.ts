import type { Confidence, Coverage, LangMap, LayerKind, Region } from '@carezone/contract';

/** One finding of the pack checker. `line` is 1-based; `column` is the 1-based CSV field (or JSON character). */
export interface PackProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Thrown by `loadPack` when a pack has errors; carries every problem found, not just the first. */
export class PackError extends Error {
  override readonly name = 'PackError';
  readonly problems: readonly PackProblem[];

  constructor(dir: string, problems: readonly PackProblem[]) {
    const errors = problems.filter((problem) => problem.severity === 'error');
    super(`zone pack ${dir} has ${errors.length} error(s); first: ${errors[0]?.message ?? 'none'}`);
    this.problems = problems;
  }
}

export function isPackError(error: unknown): error is PackError {
  return error instanceof PackError;
}

export interface PackLayer {
  id: string;
  kind: LayerKind;
  title: LangMap;
}

export interface PackManifest {
  format: 'carezone.zonepack/1';
  id: string;
  title: LangMap;
  dataVersion: string;
  attribution: string;
  licence: string;
  layers: PackLayer[];
}

export interface ZoneRow {
  layer: string;
  zoneId: string;
  name: LangMap;
  website: string | null;
  email: string | null;
  phone: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface MunicipalityRow {
  nis: string;
  name: LangMap;
  region: Region;
  postcodes: string[];
}

export type LocalityKind = 'locality' | 'former-municipality';

export interface LocalityRow {
  postcode: string | null;
  name: string;
  nis: string;
  kind: LocalityKind;
}

export interface CoverageRow {
  layer: string;
  zoneId: string;
  nis: string;
  /** Empty: the row is about the whole municipality. */
  postcodes: string[];
  coverage: Coverage;
  confidence: Confidence;
}

export type Ring = number[][];
export type PolygonGeometry =
  | { type: 'Polygon'; coordinates: Ring[] }
  | { type: 'MultiPolygon'; coordinates: Ring[][] };

export interface ZoneFeature {
  layer: string;
  zoneId: string;
  geometry: PolygonGeometry;
}

export interface MunicipalityFeature {
  nis: string;
  geometry: PolygonGeometry;
}

/** A pack read from disk and checked: every reference in it resolves. */
export interface ZonePack {
  dir: string;
  manifest: PackManifest;
  zones: ZoneRow[];
  municipalities: MunicipalityRow[];
  localities: LocalityRow[];
  coverage: CoverageRow[];
  zoneFeatures: ZoneFeature[];
  municipalityFeatures: MunicipalityFeature[];
}
