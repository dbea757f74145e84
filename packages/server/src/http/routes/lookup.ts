import { LookupQuery, LookupResult, Problem } from '@carezone/contract';
import type { LookupOutcome, LookupRequest, ZoneDirectory } from '../../zones/zone-directory.js';
import { sendCached } from '../caching.js';
import { invalidQuery, ProblemError } from '../problem.js';
import { type CachedBody, LruCache, serializeWithETag } from '../response-cache.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';
import { parseQuery } from '../validate.js';

export function lookupRoutes(directory: ZoneDirectory): RouteSpec[] {
  // Problems are kept too: an out-of-coverage postcode is asked as often as a covered one.
  const answers = new LruCache<CachedBody | ProblemError>(5000);
  return [
    defineRoute({
      method: 'get',
      path: '/v1/lookup',
      operationId: 'lookup',
      tag: 'Lookup',
      summary: 'Which zone covers this postcode, municipality or point',
      description:
        'Give exactly one of `postcode`, `nis`, or `lat` with `lon` (WGS84), and optionally `layer`. ' +
        'A place split between zones of a layer answers `ambiguous: true` with every candidate and its ' +
        'confidence, and `ambiguities` say why: Carezone asks a further question instead of guessing.',
      query: LookupQuery,
      responses: {
        200: { description: 'The zone(s) per layer.', schema: LookupResult },
        400: {
          description: '`INVALID_QUERY`: malformed, missing or conflicting parameters.',
          schema: Problem,
        },
        404: {
          description:
            '`UNKNOWN_PLACE`: no such postcode or municipality. `OUT_OF_COVERAGE`: the place exists ' +
            '(named in `places`) but no loaded layer covers it.',
          schema: Problem,
        },
      },
      examples: [
        '/v1/lookup?postcode=1082',
        '/v1/lookup?postcode=1000',
        '/v1/lookup?nis=21009',
        '/v1/lookup?postcode=1050&layer=bxl-care-zones',
        '/v1/lookup?lat=50.827&lon=4.372',
        '/v1/lookup?postcode=5000',
        '/v1/lookup?postcode=9999',
        '/v1/lookup?postcode=abc',
      ],
      handler: (c) => {
        const request = toLookupRequest(parseQuery(c, LookupQuery));
        if (request.layer !== undefined && !directory.hasLayer(request.layer)) {
          throw invalidQuery([
            { path: 'layer', code: 'unknown_layer', message: `no layer "${request.layer}" is loaded` },
          ]);
        }
        const key = JSON.stringify(request);
        const answer = answers.get(key) ?? answers.set(key, answerOf(directory.lookup(request)));
        if (answer instanceof ProblemError) throw answer;
        return sendCached(c, answer, 'application/json');
      },
    }),
  ];
}

function answerOf(outcome: LookupOutcome): CachedBody | ProblemError {
  switch (outcome.kind) {
    case 'found':
      return serializeWithETag(outcome.result satisfies LookupResult);
    case 'unknown-place':
      return new ProblemError(404, 'UNKNOWN_PLACE', outcome.detail);
    case 'out-of-coverage':
      return new ProblemError(404, 'OUT_OF_COVERAGE', outcome.detail, { places: outcome.places });
  }
}

function toLookupRequest(query: LookupQuery): LookupRequest {
  const layer = query.layer === undefined ? {} : { layer: query.layer };
  const hasPoint = query.lat !== undefined || query.lon !== undefined;
  const given = [query.postcode !== undefined, query.nis !== undefined, hasPoint].filter(Boolean).length;
  if (given !== 1) {
    throw invalidQuery([
      { path: '', code: 'one_of', message: 'give exactly one of postcode, nis, or lat with lon' },
    ]);
  }
  if (query.postcode !== undefined) return { by: 'postcode', postcode: query.postcode, ...layer };
  if (query.nis !== undefined) return { by: 'nis', nis: query.nis, ...layer };
  if (query.lat === undefined || query.lon === undefined) {
    const missing = query.lat === undefined ? 'lat' : 'lon';
    throw invalidQuery([
      { path: missing, code: 'invalid_type', message: 'is required with the other coordinate' },
    ]);
  }
  const lat = Number(query.lat);
  const lon = Number(query.lon);
  const errors = [
    ...(Math.abs(lat) > 90 ? [{ path: 'lat', code: 'too_big', message: 'must be between -90 and 90' }] : []),
    ...(Math.abs(lon) > 180
      ? [{ path: 'lon', code: 'too_big', message: 'must be between -180 and 180' }]
      : []),
  ];
  if (errors.length > 0) throw invalidQuery(errors);
  return { by: 'point', lat, lon, ...layer };
}
