import { LIMITS, PlaceList, PlacesQuery, Problem } from '@carezone/contract';
import type { ZoneDirectory } from '../../zones/zone-directory.js';
import { sendCached } from '../caching.js';
import { invalidQuery } from '../problem.js';
import { type CachedBody, LruCache, serializeWithETag } from '../response-cache.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';
import { parseQuery } from '../validate.js';

export function placeRoutes(directory: ZoneDirectory): RouteSpec[] {
  const answers = new LruCache<CachedBody>(5000);
  return [
    defineRoute({
      method: 'get',
      path: '/v1/places',
      operationId: 'searchPlaces',
      tag: 'Places',
      summary: 'Autocomplete over postcodes, municipalities, localities and former municipalities',
      description:
        'Case-, accent- and punctuation-insensitive prefix search over names in Dutch, French and German. ' +
        'Ranking: exact postcode, then exact name, then names starting with the query, then the rest. ' +
        'Pass a result’s `postcode` or `municipality.nis` to `/v1/lookup`.',
      query: PlacesQuery,
      responses: {
        200: { description: 'Matching places, best first (possibly none).', schema: PlaceList },
        400: {
          description: '`INVALID_QUERY`: `q` missing or longer than 100 characters, or a bad `limit`.',
          schema: Problem,
        },
      },
      examples: ['/v1/places?q=Elsene', '/v1/places?q=1050', '/v1/places?q=kortes&limit=5', '/v1/places?q='],
      handler: (c) => {
        const query = parseQuery(c, PlacesQuery);
        const limit = query.limit === undefined ? LIMITS.placesDefault : Number(query.limit);
        if (limit < 1 || limit > LIMITS.placesMax) {
          throw invalidQuery([
            { path: 'limit', code: 'too_big', message: `must be between 1 and ${LIMITS.placesMax}` },
          ]);
        }
        const key = `${limit}:${query.q}`;
        const answer =
          answers.get(key) ??
          answers.set(
            key,
            serializeWithETag({
              query: query.q,
              data: directory.searchPlaces(query.q, limit),
            } satisfies PlaceList),
          );
        return sendCached(c, answer, 'application/json');
      },
    }),
  ];
}
