import { PlaceList, PlacesQuery, Problem } from '@carezone/contract';
import { placeInLanguage } from '../../zones/search-index.js';
import type { ZoneDirectory } from '../../zones/zone-directory.js';
import { sendCached } from '../caching.js';
import { answerCache, type CachedBody, serializeWithETag } from '../response-cache.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';

export function placeRoutes(directory: ZoneDirectory): RouteSpec[] {
  const answers = answerCache<CachedBody>();
  return [
    defineRoute({
      method: 'get',
      path: '/v1/places',
      operationId: 'searchPlaces',
      tag: 'Places',
      summary: 'Autocomplete over postcodes, municipalities, localities and former municipalities',
      description:
        'Forgiving search over postcodes, NIS codes and place names in Dutch, French, German and English ' +
        '(`Anvers`, `Brussels`, `Luik`): case, accents, punctuation, spaces, `St`/`Sint`/`Saint`/`Sankt` and ' +
        'one or two typing errors do not matter. One suggestion per place, labelled in `lang` (without it, ' +
        'with the name that matched), with `matched` the name the query matched when it is not the label. ' +
        'Ranking: exact names and codes, then prefixes (of the name, then of a later word), then names ' +
        'within typing errors, only where those leave room (`match: fuzzy`: ask "Did you mean …?"); among ' +
        'equals, municipalities before their localities, then shorter names. Codes are never corrected. ' +
        'Pass a result’s `postcode` or `municipality.nis` to `/v1/lookup`.',
      query: PlacesQuery,
      responses: {
        200: { description: 'Matching places, best first (possibly none).', schema: PlaceList },
        400: {
          description: '`INVALID_QUERY`: `q` missing or longer than 100 characters, a bad `limit` or `lang`.',
          schema: Problem,
        },
      },
      examples: [
        '/v1/places?q=Elsene',
        '/v1/places?q=Elsene&lang=fr',
        '/v1/places?q=schaerbek&lang=nl',
        '/v1/places?q=1050',
        '/v1/places?q=kortes&limit=5',
        '/v1/places?q=',
      ],
      handler: (c, { query }) => {
        const { q, limit, lang } = query;
        const key = `${limit}:${lang ?? ''}:${q}`;
        const answer =
          answers.get(key) ??
          answers.set(
            key,
            serializeWithETag({
              query: q,
              data: directory.searchPlaces(q, limit).map((hit) => placeInLanguage(hit, lang)),
            } satisfies PlaceList),
          );
        return sendCached(c, answer, 'application/json');
      },
    }),
  ];
}
