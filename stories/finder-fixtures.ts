// Answers of the finder's API for the stories, as the reference server gives them with the
// reference pack (../shared/zonepacks/belgium-2025): places for "Else", lookups of 1060 (one zone
// per layer), 1000 (split between two Brussels zones), 5000 (Namur, outside every layer).
import type { Layer, LookupResult, Match, Place, ZoneSummary } from '@carezone/sdk';
import { type FixtureAnswer, problem } from '../packages/widgets/src/test-helpers/fixture-api.js';
import { zonesApi } from '../packages/widgets/src/test-helpers/fixtures.js';

const pack = { id: 'be-2025', dataVersion: '2025-01-01', attribution: 'Statbel; the Brussels zone sites' };

// Both layers have polygons, so the finder offers "use my location".
export const layers: Layer[] = [
  {
    id: 'bxl-care-zones',
    kind: 'care-zone',
    title: {
      nl: 'Zorgzones Brussel',
      fr: "Bassins d'aide et de soins bruxellois",
      en: 'Brussels care zones',
      de: 'Brüsseler Versorgungszonen',
    },
    pack,
    zoneCount: 5,
    hasGeometry: true,
  },
  {
    id: 'elz',
    kind: 'primary-care-zone',
    title: {
      nl: 'Eerstelijnszones',
      fr: 'Zones de première ligne',
      en: 'Primary care zones',
      de: 'Erstversorgungszonen',
    },
    pack,
    zoneCount: 60,
    hasGeometry: true,
  },
];

function zone(id: string, layer: string, name: ZoneSummary['name'], website: string | null): ZoneSummary {
  return {
    id,
    layer,
    name,
    contact: { website, email: null, phone: null },
    validFrom: layer === 'elz' ? '2025-01-01' : '2024-01-01',
    validTo: null,
    hasGeometry: true,
  };
}

const sud = zone(
  'bxl-sud',
  'bxl-care-zones',
  { nl: 'Zuid', fr: 'Sud', en: 'South' },
  'https://bassin-sud.brussels',
);
const centreOuest = zone(
  'bxl-centre-ouest',
  'bxl-care-zones',
  { nl: 'Centrum-West', fr: 'Centre-Ouest', en: 'Centre-West' },
  'https://bassin-centre-ouest.brussels',
);
const bruzel = zone('elz-bruzel', 'elz', { nl: 'BruZEL' }, null);

const elsene = {
  nis: '21009',
  name: { nl: 'Elsene', fr: 'Ixelles', de: 'Ixelles' },
  region: 'brussels',
} as const;
const sintGillis = {
  nis: '21013',
  name: { nl: 'Sint-Gillis', fr: 'Saint-Gilles', de: 'Saint-Gilles' },
  region: 'brussels',
} as const;
const brussel = {
  nis: '21004',
  name: { nl: 'Brussel', fr: 'Bruxelles', de: 'Brüssel' },
  region: 'brussels',
} as const;

/** `/v1/places?q=Else` */
export const placesElse: Place[] = [
  { kind: 'municipality', label: 'Elsene', postcode: null, municipality: elsene },
  {
    kind: 'locality',
    label: 'Elsegem',
    postcode: '9790',
    municipality: {
      nis: '45061',
      name: { nl: 'Wortegem-Petegem', fr: 'Wortegem-Petegem', de: 'Wortegem-Petegem' },
      region: 'flanders',
    },
  },
  {
    kind: 'locality',
    label: 'Elsenborn',
    postcode: '4750',
    municipality: {
      nis: '63013',
      name: { nl: 'Bütgenbach', fr: 'Butgenbach', de: 'Bütgenbach' },
      region: 'wallonia',
    },
  },
];

function match(
  zoneSummary: ZoneSummary,
  place: Match['place'],
  matchedBy: Match['matchedBy'],
  coverage: Match['coverage'],
  confidence: Match['confidence'],
): Match {
  return { layer: zoneSummary.layer, zone: zoneSummary, place, matchedBy, coverage, confidence };
}

/** `/v1/lookup?postcode=1060`: Sint-Gillis / Saint-Gilles, one zone in each layer. */
export const lookup1060: LookupResult = {
  query: { postcode: '1060' },
  ambiguous: false,
  dataVersion: '2025-01-01',
  matches: [
    match(sud, { municipality: sintGillis, postcode: '1060' }, 'postcode', 'whole', 'documented'),
    match(bruzel, { municipality: sintGillis, postcode: '1060' }, 'postcode', 'whole', 'documented'),
  ],
  ambiguities: [],
};

/** `/v1/lookup?nis=21009`: Elsene / Ixelles, one zone in each layer. */
export const lookup21009: LookupResult = {
  query: { nis: '21009' },
  ambiguous: false,
  dataVersion: '2025-01-01',
  matches: [
    match(sud, { municipality: elsene, postcode: null }, 'nis', 'whole', 'documented'),
    match(bruzel, { municipality: elsene, postcode: null }, 'nis', 'whole', 'documented'),
  ],
  ambiguities: [],
};

/** `/v1/lookup?postcode=1000`: Brussels-City's centre, split between Centrum-West and Zuid. */
export const lookup1000: LookupResult = {
  query: { postcode: '1000' },
  ambiguous: true,
  dataVersion: '2025-01-01',
  matches: [
    match(centreOuest, { municipality: brussel, postcode: '1000' }, 'postcode', 'partial', 'likely'),
    match(sud, { municipality: brussel, postcode: '1000' }, 'postcode', 'partial', 'ambiguous'),
    match(bruzel, { municipality: brussel, postcode: '1000' }, 'postcode', 'whole', 'documented'),
  ],
  ambiguities: [{ layer: 'bxl-care-zones', reasons: ['several-zones', 'uncertain'], unresolved: [] }],
};

/** `/v1/lookup?postcode=5000`: Namen / Namur, understood but outside every layer. */
export const outOfCoverage5000: FixtureAnswer = problem(404, 'OUT_OF_COVERAGE', {
  type: '/docs#problem-out-of-coverage',
  title: 'The place lies outside every zone layer',
  detail: 'postcode 5000 (Namen / Namur) is outside every zone layer',
  places: [
    { nis: '92094', name: { nl: 'Namen', fr: 'Namur', de: 'Namur' }, postcode: '5000', region: 'wallonia' },
  ],
});

/** Any place the packs do not know. */
export const unknownPlace: FixtureAnswer = problem(404, 'UNKNOWN_PLACE', {
  type: '/docs#problem-unknown-place',
  title: 'No such place',
});

const LOOKUPS: Record<string, LookupResult> = {
  'postcode=1060': lookup1060,
  'postcode=1000': lookup1000,
  'nis=21009': lookup21009,
  'nis=21013': { ...lookup1060, query: { nis: '21013' } },
  'nis=21004': { ...lookup1000, query: { nis: '21004' } },
};

/**
 * The whole API of the stories: layers, zones, places and lookups from the answers above, like a
 * server with the reference pack would give them.
 */
export function finderApi(url: URL): FixtureAnswer {
  if (url.pathname === '/v1/layers') return { body: { data: layers } };
  if (url.pathname === '/v1/places') {
    const q = url.searchParams.get('q') ?? '';
    const data = placesElse.filter(
      (place) =>
        place.label.toLowerCase().startsWith(q.trim().toLowerCase()) ||
        Object.values(place.municipality.name).some((name) =>
          name?.toLowerCase().startsWith(q.toLowerCase()),
        ),
    );
    return { body: { query: q, data: q.trim() ? data : [] } };
  }
  if (url.pathname === '/v1/lookup') {
    const postcode = url.searchParams.get('postcode');
    const nis = url.searchParams.get('nis');
    if (postcode === '5000') return outOfCoverage5000;
    const key = postcode ? `postcode=${postcode}` : nis ? `nis=${nis}` : undefined;
    if (url.searchParams.has('lat')) return { body: { ...lookup21009, query: { lat: 50.83, lon: 4.37 } } };
    const found = key ? LOOKUPS[key] : undefined;
    return found ? { body: found } : unknownPlace;
  }
  return zonesApi(url) ?? problem(404, 'NOT_FOUND');
}
