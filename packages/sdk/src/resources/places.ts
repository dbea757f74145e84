import { type Place, PlaceList } from '@carezone/contract';
import type { Http } from '../internal/http.js';
import type { RequestOptions } from '../request-options.js';

export interface PlaceSearchParams {
  /** Most suggestions to return (server default 10, maximum 50). */
  limit?: number;
}

export interface PlacesResource {
  /** Autocomplete: postcodes, municipalities (nl/fr/de), localities, former municipalities. */
  search(q: string, params?: PlaceSearchParams, options?: RequestOptions): Promise<Place[]>;
}

export function placesResource(http: Http): PlacesResource {
  return {
    async search(q, params, options) {
      const limit = params?.limit === undefined ? undefined : String(params.limit);
      return (await http.get('places', PlaceList, { q, limit }, options)).data;
    },
  };
}
