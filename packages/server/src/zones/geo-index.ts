import Flatbush from 'flatbush';
import pointInPolygon from 'point-in-polygon-hao';
import type { PolygonGeometry, Ring } from '../packs/pack-types.js';

interface Shape<T> {
  id: T;
  polygons: Ring[][];
}

function bounds(polygons: Ring[][]): [number, number, number, number] {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const polygon of polygons) {
    // The outer ring bounds the polygon; holes lie inside it.
    for (const [x = 0, y = 0] of polygon[0] ?? []) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Polygons indexed by bounding box (flatbush), then tested exactly (holes respected). */
export class GeoIndex<T> {
  readonly #shapes: Shape<T>[] = [];
  #tree: Flatbush | undefined;

  add(id: T, geometry: PolygonGeometry): void {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    this.#shapes.push({ id, polygons });
  }

  finish(): void {
    if (this.#shapes.length === 0) return;
    const tree = new Flatbush(this.#shapes.length);
    for (const shape of this.#shapes) tree.add(...bounds(shape.polygons));
    tree.finish();
    this.#tree = tree;
  }

  /** The shapes that contain the point; a point on an edge counts as inside both shapes. */
  containing(lon: number, lat: number): T[] {
    if (!this.#tree) return [];
    const hits: T[] = [];
    for (const index of this.#tree.search(lon, lat, lon, lat)) {
      const shape = this.#shapes[index];
      if (shape?.polygons.some((polygon) => pointInPolygon([lon, lat], polygon) !== false))
        hits.push(shape.id);
    }
    return hits;
  }
}
