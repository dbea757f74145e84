import { LookupQuery, LookupResult, Problem } from '@carezone/contract';
import type { LookupOutcome, LookupRequest, ZoneDirectory } from '../../zones/zone-directory.js';
import { sendCached } from '../caching.js';
import { invalidQuery, ProblemError } from '../problem.js';
import { answerCache, type CachedBody, serializeWithETag } from '../response-cache.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';

export function lookupRoutes(directory: ZoneDirectory): RouteSpec[] {
  // Problems are kept too: an out-of-coverage postcode is asked as often as a covered one.
  const answers = answerCache<CachedBody | ProblemError>();
  return [
    defineRoute({
      method: 'get',
      path: '/v1/lookup',
      operationId: 'lookup',
      tag: 'Lookup',
      summary: 'Which zone covers this postcode, municipality or point',
      description:
        'Give a place — `postcode`, `nis`, or both for the part of a postcode in one municipality ' +
        '(`postcode=1040&nis=21005`: the part of 1040 that is Etterbeek), optionally with `locality`, a name ' +
        "of the pack's localities (sub-municipality, district, former municipality) matched whole, case, " +
        'accents and punctuation aside, within that postcode and/or municipality — or `lat` with `lon` ' +
        '(WGS84); and optionally `layer`. A combination that names no place (a municipality without that ' +
        'postcode, an unknown locality) is `UNKNOWN_PLACE` with the parameter in `errors`.\n\n' +
        'Each zone of a layer is one match, with the `places` (parts of the asked place) that led to it. ' +
        'Each layer answers in one of four ways: `certain` (matches and no ambiguity for the layer), or ' +
        'the `certainty` of its ambiguity: `probable` (one zone, a part not fully documented), `choose` ' +
        '(several zones, or a part with no known zone: `ambiguous: true`) or `unknown` (no zone known ' +
        'for this part). When the packs divide the place further (`narrowable`), `choices` lists every ' +
        'part with its zones and the `query` of its own lookup; Carezone asks a further question instead ' +
        'of guessing.',
      query: LookupQuery,
      responses: {
        200: { description: 'The zone(s) per layer.', schema: LookupResult },
        400: {
          description:
            '`INVALID_QUERY`: malformed, missing or conflicting parameters (a point with a place, ' +
            '`locality` without `postcode` or `nis`).',
          schema: Problem,
        },
        404: {
          description:
            '`UNKNOWN_PLACE`: no such postcode, municipality or locality, or not together (`errors` ' +
            'names the parameter). `OUT_OF_COVERAGE`: the place exists ' +
            '(named in `places`) but no loaded layer covers it.',
          schema: Problem,
        },
      },
      examples: [
        '/v1/lookup?postcode=1082',
        '/v1/lookup?postcode=1000',
        '/v1/lookup?postcode=1040',
        '/v1/lookup?postcode=1040&nis=21005',
        '/v1/lookup?nis=21004&layer=bxl-care-zones',
        '/v1/lookup?postcode=1020&locality=Laken',
        '/v1/lookup?postcode=1040&nis=21009',
        '/v1/lookup?postcode=1020&locality=Atlantis',
        '/v1/lookup?nis=21009',
        '/v1/lookup?postcode=1050&layer=bxl-care-zones',
        '/v1/lookup?lat=50.827&lon=4.372',
        '/v1/lookup?postcode=5000',
        '/v1/lookup?postcode=9999',
        '/v1/lookup?postcode=abc',
      ],
      handler: (c, { query }) => {
        const request = toLookupRequest(query);
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
      return new ProblemError(404, 'UNKNOWN_PLACE', outcome.detail, { errors: outcome.errors });
    case 'out-of-coverage':
      return new ProblemError(404, 'OUT_OF_COVERAGE', outcome.detail, { places: outcome.places });
  }
}

function toLookupRequest(query: LookupQuery): LookupRequest {
  const layer = query.layer === undefined ? {} : { layer: query.layer };
  const { postcode, nis, locality } = query;
  const hasPlace = postcode !== undefined || nis !== undefined;
  const hasPoint = query.lat !== undefined || query.lon !== undefined;
  if (!hasPlace && !hasPoint && locality !== undefined) {
    throw invalidQuery([
      { path: 'locality', code: 'needs_place', message: 'is a name within a postcode or nis: give one' },
    ]);
  }
  if (hasPlace === hasPoint) {
    throw invalidQuery([
      {
        path: '',
        code: 'one_of',
        message: 'give a place (postcode, nis, or both, optionally with locality), or lat with lon',
      },
    ]);
  }
  if (hasPoint && locality !== undefined) {
    throw invalidQuery([
      { path: 'locality', code: 'unexpected', message: 'narrows a postcode or nis, not a point' },
    ]);
  }
  const narrowed = locality === undefined ? {} : { locality };
  if (postcode !== undefined) {
    return { by: 'postcode', postcode, ...(nis === undefined ? {} : { nis }), ...narrowed, ...layer };
  }
  if (nis !== undefined) return { by: 'nis', nis, ...narrowed, ...layer };
  if (query.lat === undefined || query.lon === undefined) {
    const missing = query.lat === undefined ? 'lat' : 'lon';
    throw invalidQuery([
      { path: missing, code: 'invalid_type', message: 'is required with the other coordinate' },
    ]);
  }
  return { by: 'point', lat: query.lat, lon: query.lon, ...layer };
}
