import type {
  CoverageRow,
  LocalityRow,
  MunicipalityRow,
  PackManifest,
  PackProblem,
  ZoneRow,
} from './pack-types.js';
import type { Located } from './rows.js';

interface PackRows {
  manifest: PackManifest | undefined;
  zones: Located<ZoneRow>[];
  municipalities: Located<MunicipalityRow>[];
  localities: Located<LocalityRow>[];
  coverage: Located<CoverageRow>[];
}

/** What the GeoJSON checks need to know of the CSV files. */
export interface KnownIds {
  zoneLayers: ReadonlyMap<string, string>;
  nis: ReadonlySet<string>;
}

/** Cross-file checks: every id a row names exists, and the README's uniqueness rules hold. */
export function checkReferences(rows: PackRows, problems: PackProblem[]): KnownIds {
  // Without pack.json the layer ids are unknown: reporting every row's layer would only add noise.
  const layers = rows.manifest ? new Set(rows.manifest.layers.map((layer) => layer.id)) : undefined;
  const zoneLayers = new Map<string, string>();
  for (const { value, cells } of rows.zones) {
    if (layers && !layers.has(value.layer))
      cells.problem('layer', `layer "${value.layer}" is not in pack.json`);
    if (zoneLayers.has(value.zoneId)) cells.problem('zone_id', `duplicate zone id "${value.zoneId}"`);
    else zoneLayers.set(value.zoneId, value.layer);
  }
  for (const layer of layers ?? []) {
    if (![...zoneLayers.values()].includes(layer)) {
      problems.push({ file: 'zones.csv', severity: 'warning', message: `layer "${layer}" has no zone` });
    }
  }

  const postcodesByNis = new Map<string, ReadonlySet<string>>();
  for (const { value, cells } of rows.municipalities) {
    if (postcodesByNis.has(value.nis)) cells.problem('nis', `duplicate municipality ${value.nis}`);
    else postcodesByNis.set(value.nis, new Set(value.postcodes));
  }

  const localityKeys = new Set<string>();
  for (const { value, cells } of rows.localities) {
    const postcodes = postcodesByNis.get(value.nis);
    if (!postcodes) cells.problem('nis', `municipality ${value.nis} is not in municipalities.csv`);
    else if (value.postcode !== null && !postcodes.has(value.postcode)) {
      cells.problem(
        'postcode',
        `postcode ${value.postcode} is not a postcode of municipality ${value.nis}`,
        'warning',
      );
    }
    const key = [value.postcode, value.name, value.nis, value.kind].join('\t');
    if (localityKeys.has(key)) cells.problem('name', 'the same row appears twice', 'warning');
    localityKeys.add(key);
  }

  const coverageKeys = new Set<string>();
  for (const { value, cells } of rows.coverage) {
    if (layers && !layers.has(value.layer))
      cells.problem('layer', `layer "${value.layer}" is not in pack.json`);
    const zoneLayer = zoneLayers.get(value.zoneId);
    if (zoneLayer === undefined) cells.problem('zone_id', `zone "${value.zoneId}" is not in zones.csv`);
    else if (zoneLayer !== value.layer) {
      cells.problem(
        'zone_id',
        `zone "${value.zoneId}" belongs to layer "${zoneLayer}", not "${value.layer}"`,
      );
    }
    const postcodes = postcodesByNis.get(value.nis);
    if (!postcodes) cells.problem('nis', `municipality ${value.nis} is not in municipalities.csv`);
    else {
      const foreign = value.postcodes.filter((postcode) => !postcodes.has(postcode));
      if (foreign.length > 0) {
        cells.problem('postcodes', `not a postcode of municipality ${value.nis}: ${foreign.join(' ')}`);
      }
    }
    const key = [value.layer, value.zoneId, value.nis, value.coverage, value.confidence].join('\t');
    if (coverageKeys.has(key)) {
      cells.problem('zone_id', 'a second row for the same (layer, zone_id, nis, coverage, confidence)');
    }
    coverageKeys.add(key);
  }
  return { zoneLayers, nis: new Set(postcodesByNis.keys()) };
}
