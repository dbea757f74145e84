import type { Layer, LookupResult, Match, Place, Zone, ZoneSummary } from '@carezone/sdk';
import { type FixtureAnswer, problem } from './fixture-api.js';

// Answers as the server gives them for the built-in Brussels pack (packages/server/packs/brussels).

export const brusselsLayer: Layer = {
  id: 'bxl-care-zones',
  kind: 'care-zone',
  title: { nl: 'Zorgzones Brussel', fr: 'Bassins d’aide et de soins bruxellois', en: 'Brussels care zones' },
  pack: { id: 'brussels', dataVersion: '2025-01-01', attribution: 'Statbel; the Brussels zone sites' },
  zoneCount: 5,
  hasGeometry: false,
};

function brusselsZone(id: string, nl: string, fr: string, en: string): ZoneSummary {
  return {
    id,
    layer: 'bxl-care-zones',
    name: { nl, fr, en },
    contact: { website: `https://${id.replace('bxl-', 'bassin-')}.brussels`, email: null, phone: null },
    validFrom: '2024-01-01',
    validTo: null,
    hasGeometry: false,
  };
}

export const zoneSud = brusselsZone('bxl-sud', 'Zuid', 'Sud', 'South');
export const zoneCentreOuest = brusselsZone(
  'bxl-centre-ouest',
  'Centrum-West',
  'Centre-Ouest',
  'Centre-West',
);
export const zoneNord = brusselsZone('bxl-nord', 'Noord', 'Nord', 'North');

export const zoneSudDetail: Zone = {
  ...zoneSud,
  municipalities: [
    {
      nis: '21009',
      name: { nl: 'Elsene', fr: 'Ixelles' },
      postcodes: [],
      coverage: 'whole',
      confidence: 'documented',
    },
    {
      nis: '21004',
      name: { nl: 'Brussel', fr: 'Bruxelles' },
      postcodes: ['1000', '1050'],
      coverage: 'partial',
      confidence: 'ambiguous',
    },
  ],
};

/** A zone whose team has published a website, an e-mail address and a phone number (a fictional one). */
export const zoneWithFullContact: Zone = {
  ...zoneSudDetail,
  id: 'test-zone',
  name: { nl: 'Testzone', fr: 'Zone test' },
  contact: { website: 'https://www.zone.example', email: 'team@zone.example', phone: '+32 2 000 00 00' },
};

export const zoneWithoutContact: Zone = {
  ...zoneSudDetail,
  id: 'test-zone-unknown',
  contact: { website: null, email: null, phone: null },
};

const ZONES: readonly Zone[] = [zoneSudDetail, zoneWithFullContact, zoneWithoutContact];

/** `/v1/layers` and `/v1/zones/{id}` of the fixtures; undefined for any other path. */
export function zonesApi(url: URL): FixtureAnswer | undefined {
  if (url.pathname === '/v1/layers') return { body: { data: [brusselsLayer] } };
  const id = url.pathname.match(/^\/v1\/zones\/([^/]+)$/)?.[1];
  if (id === undefined) return undefined;
  const zone = ZONES.find((candidate) => candidate.id === decodeURIComponent(id));
  return zone
    ? { body: zone }
    : { status: 404, body: { type: 'about:blank', title: 'Not found', status: 404, code: 'NOT_FOUND' } };
}

// The finder's answers: places search and lookups, as the server gives them (built-in Brussels pack;
// the primary care zone layer and Kortessem as in the reference pack of ../shared/zonepacks).

/** The reference pack's Flemish layer: it has polygons, so a point lookup works. */
export const elzLayer: Layer = {
  id: 'elz',
  kind: 'primary-care-zone',
  title: {
    nl: 'Eerstelijnszones',
    fr: 'Zones de première ligne',
    en: 'Primary care zones',
    de: 'Erstversorgungszonen',
  },
  pack: { id: 'be-2025', dataVersion: '2025-01-01', attribution: 'Statbel; Vlaamse provincies' },
  zoneCount: 60,
  hasGeometry: true,
};

export const zoneHerkenrode: ZoneSummary = {
  id: 'elz-herkenrode',
  layer: 'elz',
  name: { nl: 'Herkenrode' },
  contact: { website: null, email: null, phone: null },
  validFrom: '2025-01-01',
  validTo: null,
  hasGeometry: true,
};

export const brussel = {
  nis: '21004',
  name: { nl: 'Brussel', fr: 'Bruxelles', de: 'Brüssel' },
  region: 'brussels',
} as const;
export const elsene = {
  nis: '21009',
  name: { nl: 'Elsene', fr: 'Ixelles', de: 'Ixelles' },
  region: 'brussels',
} as const;
export const hasselt = {
  nis: '71072',
  name: { nl: 'Hasselt', fr: 'Hasselt', de: 'Hasselt' },
  region: 'flanders',
} as const;

/** `GET /v1/places?q=…` answers, by query. */
export const PLACES: Record<string, Place[]> = {
  elsene: [{ kind: 'municipality', label: 'Elsene', postcode: null, municipality: elsene }],
  ixel: [
    { kind: 'municipality', label: 'Ixelles', postcode: null, municipality: elsene },
    { kind: 'locality', label: 'Ixelles', postcode: '1050', municipality: brussel },
  ],
  '1050': [
    { kind: 'postcode', label: '1050', postcode: '1050', municipality: brussel },
    { kind: 'postcode', label: '1050', postcode: '1050', municipality: elsene },
  ],
  '10': [
    { kind: 'postcode', label: '1000', postcode: '1000', municipality: brussel },
    { kind: 'postcode', label: '1020', postcode: '1020', municipality: brussel },
    { kind: 'postcode', label: '1050', postcode: '1050', municipality: elsene },
  ],
  kortessem: [{ kind: 'former-municipality', label: 'Kortessem', postcode: '3720', municipality: hasselt }],
};

/** One candidate of a lookup answer; `matchedBy` follows from the place (a postcode, else the NIS code). */
export function match(
  zone: ZoneSummary,
  place: Pick<Match['places'][number], 'municipality' | 'postcode'>,
  confidence: Match['confidence'] = 'documented',
): Match {
  const matchedBy = place.postcode ? 'postcode' : 'nis';
  const coverage = confidence === 'documented' ? 'whole' : 'partial';
  return {
    layer: zone.layer,
    zone,
    matchedBy,
    coverage,
    confidence,
    places: [{ ...place, coverage, confidence }],
  };
}

/** A lookup answer: ambiguous exactly when some layer has an ambiguity. */
export function lookup(
  query: LookupResult['query'],
  matches: Match[],
  ambiguities: LookupResult['ambiguities'] = [],
): LookupResult {
  return { query, ambiguous: ambiguities.length > 0, dataVersion: '2025-01-01', matches, ambiguities };
}

/** `GET /v1/lookup` answers, by query string (without `layer`). */
export const LOOKUPS: Record<string, LookupResult> = {
  'nis=21009': lookup({ nis: '21009' }, [match(zoneSud, { municipality: elsene, postcode: null })]),
  'postcode=1050': lookup(
    { postcode: '1050' },
    [
      match(zoneSud, { municipality: elsene, postcode: '1050' }),
      match(zoneSud, { municipality: brussel, postcode: '1050' }, 'ambiguous'),
    ],
    [
      {
        layer: 'bxl-care-zones',
        certainty: 'probable',
        reasons: ['uncertain'],
        unresolved: [],
        narrowable: false,
        choices: [],
      },
    ],
  ),
  'postcode=1000': lookup(
    { postcode: '1000' },
    [
      match(zoneCentreOuest, { municipality: brussel, postcode: '1000' }, 'likely'),
      match(zoneSud, { municipality: brussel, postcode: '1000' }, 'ambiguous'),
    ],
    [
      {
        layer: 'bxl-care-zones',
        certainty: 'choose',
        reasons: ['several-zones', 'uncertain'],
        unresolved: [],
        narrowable: false,
        choices: [],
      },
    ],
  ),
  'postcode=1020': lookup({ postcode: '1020' }, [
    match(zoneNord, { municipality: brussel, postcode: '1020' }),
  ]),
  'postcode=3720': lookup({ postcode: '3720' }, [
    match(zoneHerkenrode, { municipality: hasselt, postcode: '3720' }),
  ]),
  'lat=50.83&lon=4.37': lookup({ lat: 50.83, lon: 4.37 }, [
    { ...match(zoneSud, { municipality: elsene, postcode: null }), matchedBy: 'point' },
  ]),
};

/** The reference pack's answer for Namur: understood, but outside every layer. */
export const outOfCoverage5000: FixtureAnswer = problem(404, 'OUT_OF_COVERAGE', {
  detail: 'postcode 5000 (Namen / Namur) is outside every zone layer',
  places: [
    { nis: '92094', name: { nl: 'Namen', fr: 'Namur', de: 'Namur' }, postcode: '5000', region: 'wallonia' },
  ],
});

/**
 * The whole API a finder talks to: layers (`layers` overrides them, e.g. with polygons), zones,
 * places and lookups as above; an unknown postcode or NIS code is UNKNOWN_PLACE, anything else
 * INVALID_QUERY, like the server.
 */
export function finderApi(url: URL, layers: Layer[] = [brusselsLayer]): FixtureAnswer {
  if (url.pathname === '/v1/layers') return { body: { data: layers } };
  if (url.pathname === '/v1/places') {
    const q = url.searchParams.get('q') ?? '';
    return { body: { query: q, data: PLACES[q.toLowerCase()] ?? [] } };
  }
  if (url.pathname === '/v1/lookup') {
    const params = new URLSearchParams(url.search);
    const layer = params.get('layer');
    params.delete('layer');
    const key = params.toString();
    const result = LOOKUPS[key];
    if (result) {
      const matches = result.matches.filter((m) => !layer || m.layer === layer);
      const ambiguities = result.ambiguities.filter((a) => !layer || a.layer === layer);
      return {
        body: { ...result, query: { ...result.query, ...(layer ? { layer } : {}) }, matches, ambiguities },
      };
    }
    if (key === 'postcode=5000') return outOfCoverage5000;
    const [, value = ''] = key.split('=');
    if (/^(postcode=\d{4}|nis=\d{5})$/.test(key))
      return problem(404, 'UNKNOWN_PLACE', {
        detail: `${key.replace('=', ' ')} is not in any loaded zone pack`,
      });
    return problem(400, 'INVALID_QUERY', {
      errors: [
        { path: 'postcode', code: 'invalid_format', message: `must be a postcode of 4 digits: ${value}` },
      ],
    });
  }
  return zonesApi(url) ?? problem(404, 'NOT_FOUND');
}
