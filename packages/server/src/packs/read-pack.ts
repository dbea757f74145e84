import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readCsvTable } from './csv-table.js';
import { readFeatures } from './geojson.js';
import { readManifest } from './manifest.js';
import type { MunicipalityFeature, PackProblem, ZoneFeature, ZonePack } from './pack-types.js';
import { checkReferences } from './references.js';
import {
  COVERAGE_COLUMNS,
  LOCALITY_COLUMNS,
  MUNICIPALITY_COLUMNS,
  readCoverageRows,
  readLocalityRows,
  readMunicipalityRows,
  readZoneRows,
  ZONE_COLUMNS,
} from './rows.js';

async function readOptional(dir: string, file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(join(dir, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function readRequired(dir: string, file: string, problems: PackProblem[]): Promise<Buffer | undefined> {
  const bytes = await readOptional(dir, file);
  if (!bytes) problems.push({ file, severity: 'error', message: `required file ${file} is missing` });
  return bytes;
}

function decode(file: string, bytes: Buffer, problems: PackProblem[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    problems.push({ file, severity: 'error', message: 'the file is not valid UTF-8' });
    return bytes.toString('utf8');
  }
}

function table(
  file: string,
  bytes: Buffer | undefined,
  columns: { required: readonly string[]; optional: readonly string[] },
  problems: PackProblem[],
) {
  if (!bytes) return undefined;
  decode(file, bytes, problems);
  return readCsvTable(file, bytes, columns.required, columns.optional, problems);
}

/**
 * Reads and checks a pack folder. Every problem is collected; `pack` is set only when there is
 * no error, so that what it holds can be trusted by the zone directory without further checks.
 */
export async function readPack(dir: string): Promise<{ pack?: ZonePack; problems: PackProblem[] }> {
  const problems: PackProblem[] = [];
  const [manifestBytes, zonesBytes, municipalitiesBytes, localitiesBytes, coverageBytes] = await Promise.all([
    readRequired(dir, 'pack.json', problems),
    readRequired(dir, 'zones.csv', problems),
    readRequired(dir, 'municipalities.csv', problems),
    readRequired(dir, 'localities.csv', problems),
    readRequired(dir, 'coverage.csv', problems),
  ]);
  const [zonesGeo, municipalitiesGeo] = await Promise.all([
    readOptional(dir, 'zones.geojson'),
    readOptional(dir, 'municipalities.geojson'),
  ]);

  const manifest = manifestBytes
    ? readManifest(decode('pack.json', manifestBytes, problems), problems)
    : undefined;
  const zoneTable = table('zones.csv', zonesBytes, ZONE_COLUMNS, problems);
  const municipalityTable = table('municipalities.csv', municipalitiesBytes, MUNICIPALITY_COLUMNS, problems);
  const localityTable = table('localities.csv', localitiesBytes, LOCALITY_COLUMNS, problems);
  const coverageTable = table('coverage.csv', coverageBytes, COVERAGE_COLUMNS, problems);

  const zones = zoneTable ? readZoneRows(zoneTable, problems) : [];
  const municipalities = municipalityTable ? readMunicipalityRows(municipalityTable, problems) : [];
  const localities = localityTable ? readLocalityRows(localityTable, problems) : [];
  const coverage = coverageTable ? readCoverageRows(coverageTable, problems) : [];
  const known = checkReferences({ manifest, zones, municipalities, localities, coverage }, problems);

  const zoneFeatures: ZoneFeature[] = [];
  if (zonesGeo) {
    const seen = new Set<string>();
    const text = decode('zones.geojson', zonesGeo, problems);
    const features = readFeatures('zones.geojson', text, problems, (properties, report) => {
      const { layer, zone_id: zoneId } = properties;
      if (typeof zoneId !== 'string' || typeof layer !== 'string') {
        report('properties "layer" and "zone_id" are required strings');
        return undefined;
      }
      const zoneLayer = known.zoneLayers.get(zoneId);
      if (zoneLayer === undefined) report(`zone_id "${zoneId}" is not in zones.csv`);
      else if (zoneLayer !== layer)
        report(`zone "${zoneId}" belongs to layer "${zoneLayer}", not "${layer}"`);
      else if (seen.has(zoneId))
        report(`zone "${zoneId}" has a second feature; merge them into one MultiPolygon`);
      else {
        seen.add(zoneId);
        return { layer, zoneId };
      }
      return undefined;
    });
    for (const { id, geometry } of features) zoneFeatures.push({ ...id, geometry });
  }

  const municipalityFeatures: MunicipalityFeature[] = [];
  if (municipalitiesGeo) {
    const seen = new Set<string>();
    const text = decode('municipalities.geojson', municipalitiesGeo, problems);
    const features = readFeatures('municipalities.geojson', text, problems, (properties, report) => {
      const { nis } = properties;
      if (typeof nis !== 'string') report('property "nis" (a string of 5 digits) is required');
      else if (!known.nis.has(nis)) report(`nis "${nis}" is not in municipalities.csv`);
      else if (seen.has(nis))
        report(`municipality ${nis} has a second feature; merge them into one MultiPolygon`);
      else {
        seen.add(nis);
        return nis;
      }
      return undefined;
    });
    for (const { id, geometry } of features) municipalityFeatures.push({ nis: id, geometry });
  }

  if (!manifest || problems.some((problem) => problem.severity === 'error')) return { problems };
  return {
    problems,
    pack: {
      dir,
      manifest,
      zones: zones.map((row) => row.value),
      municipalities: municipalities.map((row) => row.value),
      localities: localities.map((row) => row.value),
      coverage: coverage.map((row) => row.value),
      zoneFeatures,
      municipalityFeatures,
    },
  };
}
