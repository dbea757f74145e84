import { Zone, ZoneGeometry, ZoneList, type ZoneSummary } from '@carezone/contract';
import type { Http } from '../internal/http.js';
import type { RequestOptions } from '../request-options.js';

export interface ZoneListParams {
  /** Only the zones of this layer (e.g. `bxl-care-zones`). */
  layer?: string;
  /** Only zones whose name contains this text, in any language. */
  q?: string;
}

export interface ZonesResource {
  list(params?: ZoneListParams, options?: RequestOptions): Promise<ZoneSummary[]>;
  /** One zone with its contact and municipalities. Unknown id: ApiError NOT_FOUND. */
  get(id: string, options?: RequestOptions): Promise<Zone>;
  /** The zone's GeoJSON Feature. A zone of a pack without polygons: ApiError NO_GEOMETRY. */
  geometry(id: string, options?: RequestOptions): Promise<ZoneGeometry>;
}

/**
 * The zones resource whole. Its methods also come one by one (`zonesListResource`,
 * `zonesGetResource`, `zonesGeometryResource`), so that a bundle reading one zone does not carry
 * the schemas of the list and of the geometry (the GeoJSON schema alone is about 0.5 KB gzip).
 */
export function zonesResource(http: Http): ZonesResource {
  return { ...zonesListResource(http), ...zonesGetResource(http), ...zonesGeometryResource(http) };
}

export function zonesListResource(http: Http): Pick<ZonesResource, 'list'> {
  return {
    async list(params, options) {
      return (await http.get('zones', ZoneList, { layer: params?.layer, q: params?.q }, options)).data;
    },
  };
}

export function zonesGetResource(http: Http): Pick<ZonesResource, 'get'> {
  return {
    get(id, options) {
      return http.get(`zones/${encodeURIComponent(id)}`, Zone, undefined, options);
    },
  };
}

export function zonesGeometryResource(http: Http): Pick<ZonesResource, 'geometry'> {
  return {
    geometry(id, options) {
      return http.get(`zones/${encodeURIComponent(id)}/geometry`, ZoneGeometry, undefined, options);
    },
  };
}
