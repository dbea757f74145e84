import { type Language, type Place, PlaceList } from '@carezone/contract';
import type { Http } from '../internal/http.js';
import type { RequestOptions } from '../request-options.js';

export interface PlaceSearchParams {
  /** Most suggestions to return: the server's default is `LIMITS.placesDefault`, the most `LIMITS.placesMax`. */
  limit?: number;
  /**
   * The visitor's language: each suggestion's `label` is then the place's name in it, and
   * `matched` the name typed when it is another (`Elsene` typed, `Ixelles` shown in French).
   * Without it, `label` is the name that matched. Sent as the `lang` query parameter, not taken
   * from the client's `lang`: a page may show finders in several languages through one client.
   */
  lang?: Language;
}

export interface PlacesResource {
  /**
   * Autocomplete: postcodes, municipalities (nl/fr/de and English names), localities, former
   * municipalities, one suggestion per place, forgiving typing errors (`match: 'fuzzy'`).
   */
  search(q: string, params?: PlaceSearchParams, options?: RequestOptions): Promise<Place[]>;
}

export function placesResource(http: Http): PlacesResource {
  return {
    async search(q, params, options) {
      return (await http.get('places', PlaceList, { q, limit: params?.limit, lang: params?.lang }, options))
        .data;
    },
  };
}
