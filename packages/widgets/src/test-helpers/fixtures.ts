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
export const zoneNordEst = brusselsZone('bxl-nord-est', 'Noord-Oost', 'Nord-Est', 'North-East');
export const zoneSudEst = brusselsZone('bxl-sud-est', 'Zuid-Oost', 'Sud-Est', 'South-East');

export const zoneSudDetail: Zone = {
  ...zoneSud,
  municipalities: [
    {
      nis: '21009',
      name: { nl: 'Elsene', fr: 'Ixelles' },
      region: 'brussels',
      postcodes: [],
      coverage: 'whole',
      confidence: 'documented',
    },
    {
      nis: '21004',
      name: { nl: 'Brussel', fr: 'Bruxelles' },
      region: 'brussels',
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
export const etterbeek = {
  nis: '21005',
  name: { nl: 'Etterbeek', fr: 'Etterbeek', de: 'Etterbeek' },
  region: 'brussels',
} as const;
export const schaarbeek = {
  nis: '21015',
  name: { nl: 'Schaarbeek', fr: 'Schaerbeek', de: 'Schaerbeek' },
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
  schaarbeek: [{ kind: 'municipality', label: 'Schaarbeek', postcode: null, municipality: schaarbeek }],
  // Nothing is called that: the server offers the name within two typing errors.
  schaerbek: [
    { kind: 'municipality', label: 'Schaarbeek', postcode: null, municipality: schaarbeek, match: 'fuzzy' },
  ],
  brussel: [{ kind: 'municipality', label: 'Brussel', postcode: null, municipality: brussel }],
  '1040': [
    { kind: 'postcode', label: '1040', postcode: '1040', municipality: etterbeek },
    { kind: 'postcode', label: '1040', postcode: '1040', municipality: brussel },
  ],
};

type Part = Pick<Match['places'][number], 'municipality' | 'postcode'>;

/** One zone of a lookup answer, reached through `places` (a postcode's place: matched by postcode). */
export function match(
  zone: ZoneSummary,
  place: Part | Match['places'],
  confidence: Match['confidence'] = 'documented',
): Match {
  const coverage: Match['coverage'] = confidence === 'documented' ? 'whole' : 'partial';
  const places = Array.isArray(place) ? place : [{ ...place, coverage, confidence }];
  return {
    layer: zone.layer,
    zone,
    matchedBy: places[0]?.postcode ? 'postcode' : 'nis',
    coverage,
    confidence,
    places,
  };
}

/** A lookup answer: ambiguous exactly when some layer asks to choose. */
export function lookup(
  query: LookupResult['query'],
  matches: Match[],
  ambiguities: LookupResult['ambiguities'] = [],
): LookupResult {
  const ambiguous = ambiguities.some((ambiguity) => ambiguity.certainty === 'choose');
  return { query, ambiguous, dataVersion: '2025-01-01', matches, ambiguities };
}

type Ambiguity = LookupResult['ambiguities'][number];

/** A layer's answer that is not certain; `choices` as [municipality, postcode, localities, zone ids]. */
function ambiguity(
  certainty: Ambiguity['certainty'],
  reasons: Ambiguity['reasons'],
  choices: [typeof brussel | typeof elsene | typeof etterbeek, string, string[], string[]][] = [],
  unresolved: Part[] = [],
): Ambiguity {
  return {
    layer: 'bxl-care-zones',
    certainty,
    reasons,
    unresolved,
    narrowable: choices.length > 0,
    choices: choices.map(([municipality, postcode, localities, zones]) => ({
      municipality,
      postcode,
      localities,
      zones,
      query: { nis: municipality.nis, postcode },
    })),
  };
}

const sudFor1050 = match(zoneSud, [
  { municipality: brussel, postcode: '1050', coverage: 'partial', confidence: 'ambiguous' },
  { municipality: elsene, postcode: '1050', coverage: 'whole', confidence: 'documented' },
]);
sudFor1050.confidence = 'ambiguous';
sudFor1050.coverage = 'partial';
const split1000 = [
  match(zoneCentreOuest, { municipality: brussel, postcode: '1000' }, 'likely'),
  match(zoneSud, { municipality: brussel, postcode: '1000' }, 'ambiguous'),
];
const unknown1040 = { municipality: brussel, postcode: '1040' };

/** `GET /v1/lookup` answers, by query string (without `layer`, parameters in alphabetical order). */
export const LOOKUPS: Record<string, LookupResult> = {
  'nis=21009': lookup({ nis: '21009' }, [match(zoneSud, { municipality: elsene, postcode: null })]),
  'nis=21015': lookup(
    { nis: '21015' },
    [match(zoneNordEst, { municipality: schaarbeek, postcode: null }, 'likely')],
    [ambiguity('probable', ['uncertain'])],
  ),
  'postcode=1050': lookup(
    { postcode: '1050' },
    [sudFor1050],
    [
      ambiguity(
        'probable',
        ['uncertain'],
        [
          [brussel, '1050', ['Ixelles'], ['bxl-sud']],
          [elsene, '1050', ['Ixelles'], ['bxl-sud']],
        ],
      ),
    ],
  ),
  'nis=21009&postcode=1050': lookup({ postcode: '1050', nis: '21009' }, [
    match(zoneSud, { municipality: elsene, postcode: '1050' }),
  ]),
  'nis=21004&postcode=1050': lookup(
    { postcode: '1050', nis: '21004' },
    [match(zoneSud, { municipality: brussel, postcode: '1050' }, 'ambiguous')],
    [ambiguity('probable', ['uncertain'])],
  ),
  'postcode=1000': lookup({ postcode: '1000' }, split1000, [
    ambiguity('choose', ['several-zones', 'uncertain']),
  ]),
  'nis=21004&postcode=1000': lookup({ postcode: '1000', nis: '21004' }, split1000, [
    ambiguity('choose', ['several-zones', 'uncertain']),
  ]),
  'nis=21004': lookup(
    { nis: '21004' },
    [
      match(zoneNord, [
        { municipality: brussel, postcode: '1020', coverage: 'whole', confidence: 'documented' },
        { municipality: brussel, postcode: '1120', coverage: 'whole', confidence: 'documented' },
      ]),
      ...split1000,
    ],
    [
      ambiguity(
        'choose',
        ['several-zones', 'uncertain', 'unknown-part'],
        [
          [brussel, '1000', ['Bruxelles'], ['bxl-centre-ouest', 'bxl-sud']],
          [brussel, '1020', ['Laeken', 'Laken'], ['bxl-nord']],
          [brussel, '1040', ['Etterbeek'], []],
          [brussel, '1120', ['Neder-Over-Heembeek'], ['bxl-nord']],
        ],
        [unknown1040],
      ),
    ],
  ),
  'nis=21004&postcode=1040': lookup(
    { postcode: '1040', nis: '21004' },
    [],
    [ambiguity('unknown', ['unknown-part'], [], [unknown1040])],
  ),
  'postcode=1040': lookup(
    { postcode: '1040' },
    [match(zoneSudEst, { municipality: etterbeek, postcode: '1040' })],
    [
      ambiguity(
        'choose',
        ['unknown-part'],
        [
          [brussel, '1040', ['Etterbeek'], []],
          [etterbeek, '1040', ['Etterbeek'], ['bxl-sud-est']],
        ],
        [unknown1040],
      ),
    ],
  ),
  'nis=21005&postcode=1040': lookup({ postcode: '1040', nis: '21005' }, [
    match(zoneSudEst, { municipality: etterbeek, postcode: '1040' }),
  ]),
  'postcode=1020': lookup({ postcode: '1020' }, [
    match(zoneNord, { municipality: brussel, postcode: '1020' }),
  ]),
  'nis=21004&postcode=1020': lookup({ postcode: '1020', nis: '21004' }, [
    match(zoneNord, { municipality: brussel, postcode: '1020' }),
  ]),
  'postcode=3720': lookup({ postcode: '3720' }, [
    match(zoneHerkenrode, { municipality: hasselt, postcode: '3720' }),
  ]),
  'nis=71072&postcode=3720': lookup({ postcode: '3720', nis: '71072' }, [
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
    params.sort();
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
        detail: `no place is known for ${key.replace('=', ' ')}`,
      });
    return problem(400, 'INVALID_QUERY', {
      errors: [
        { path: 'postcode', code: 'invalid_format', message: `must be a postcode of 4 digits: ${value}` },
      ],
    });
  }
  return zonesApi(url) ?? problem(404, 'NOT_FOUND');
}
