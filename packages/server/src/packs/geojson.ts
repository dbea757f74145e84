import { parseJsonFile, positionOf } from './json-text.js';
import type { PackProblem, PolygonGeometry, Ring } from './pack-types.js';

/** Start offsets of the items of the root's `features` array, so a problem can name its line. */
function featureOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inFeatures = false;
  let lastKey = '';
  let expectItem = false;
  for (let at = 0; at < text.length; at++) {
    const char = text.charAt(at);
    if (char === '"') {
      const start = at;
      for (at++; at < text.length && text.charAt(at) !== '"'; at++) if (text.charAt(at) === '\\') at++;
      if (depth === 1) lastKey = text.slice(start + 1, at);
      if (inFeatures && depth === 2 && expectItem) offsets.push(start);
      expectItem = false;
    } else if (char === '{' || char === '[') {
      if (inFeatures && depth === 2 && expectItem) offsets.push(at);
      expectItem = false;
      depth++;
      if (depth === 2 && char === '[' && lastKey === 'features') {
        inFeatures = true;
        expectItem = true;
      }
    } else if (char === '}' || char === ']') {
      depth--;
      if (depth === 1) inFeatures = false;
    } else if (char === ',' && inFeatures && depth === 2) {
      expectItem = true;
    } else if (!' \t\r\n'.includes(char) && inFeatures && depth === 2 && expectItem) {
      offsets.push(at);
      expectItem = false;
    }
  }
  return offsets;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ringProblem(ring: unknown): string | undefined {
  if (!Array.isArray(ring) || ring.length < 4) return 'a linear ring needs at least 4 positions';
  for (const position of ring) {
    if (!Array.isArray(position) || position.length < 2 || !position.every((n) => Number.isFinite(n))) {
      return 'a position must be an array of numbers [longitude, latitude]';
    }
    const [lon, lat] = position as number[];
    if (lon === undefined || lat === undefined || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      return `position [${position.join(', ')}] is out of range (longitude ±180, latitude ±90)`;
    }
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) return 'a linear ring must end where it starts';
  return undefined;
}

function polygonProblem(rings: unknown): string | undefined {
  if (!Array.isArray(rings) || rings.length === 0) return 'a polygon needs at least one ring';
  for (const ring of rings) {
    const problem = ringProblem(ring);
    if (problem) return problem;
  }
  return undefined;
}

function geometryOf(value: unknown): PolygonGeometry | string {
  if (!isObject(value)) return 'the feature has no geometry';
  const { type, coordinates } = value;
  if (type === 'Polygon') {
    return polygonProblem(coordinates) ?? { type, coordinates: coordinates as Ring[] };
  }
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0)
      return 'a MultiPolygon needs at least one polygon';
    for (const polygon of coordinates) {
      const problem = polygonProblem(polygon);
      if (problem) return problem;
    }
    return { type, coordinates: coordinates as Ring[][] };
  }
  return `geometry type ${JSON.stringify(type)} is not Polygon or MultiPolygon`;
}

export type FeatureReport = (message: string, severity?: PackProblem['severity']) => void;

/**
 * Reads a FeatureCollection of polygons. `identify` checks a feature's properties and returns what
 * it refers to, or `undefined` (after reporting) when the feature must be left out.
 */
export function readFeatures<T>(
  file: string,
  text: string,
  problems: PackProblem[],
  identify: (properties: Record<string, unknown>, report: FeatureReport) => T | undefined,
): { id: T; geometry: PolygonGeometry }[] {
  const parsed = parseJsonFile(file, text, problems);
  if (!parsed) return [];
  const root = parsed.value;
  if (!isObject(root) || root.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    problems.push({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      message: 'the file is not a GeoJSON FeatureCollection',
    });
    return [];
  }
  const offsets = featureOffsets(text);
  const result: { id: T; geometry: PolygonGeometry }[] = [];
  root.features.forEach((feature: unknown, index: number) => {
    const offset = offsets[index];
    const where = offset === undefined ? {} : positionOf(text, offset);
    const report: FeatureReport = (message, severity = 'error') =>
      problems.push({ file, ...where, severity, message: `features[${index}]: ${message}` });
    if (!isObject(feature) || feature.type !== 'Feature') {
      report('not a GeoJSON Feature');
      return;
    }
    const geometry = geometryOf(feature.geometry);
    if (typeof geometry === 'string') report(geometry);
    const id = identify(isObject(feature.properties) ? feature.properties : {}, report);
    if (id !== undefined && typeof geometry !== 'string') result.push({ id, geometry });
  });
  return result;
}
