// Answers of the finder's API for the stories, as the reference server gives them with the
// reference pack (../shared/zonepacks/belgium-2025): both layers have polygons (so "use my
// location" shows), places for "Else", lookups of 1060 (one zone per layer), Schaarbeek (one
// Brussels zone, probable), Brussels-City (parts to choose from), 1000 (two Brussels zones the data
// cannot tell apart), 5000 (Namur, outside every layer). The zones, places and answer shapes are
// the component tests' own (packages/widgets/src/test-helpers/fixtures.ts); only the answers the
// tests do not need are added here.
import type { LookupResult, Place, ZoneSummary } from '@carezone/sdk';
import { type FixtureAnswer, problem } from '../packages/widgets/src/test-helpers/fixture-api.js';
import {
  brussel,
  brusselsLayer,
  elsene,
  elzLayer,
  lookup,
  match,
  outOfCoverage5000,
  schaarbeek,
  zoneCentreOuest,
  zoneNord,
  zoneNordEst,
  zoneSud,
  zonesApi,
} from '../packages/widgets/src/test-helpers/fixtures.js';

const layers = [{ ...brusselsLayer, hasGeometry: true }, elzLayer];

const bruzel: ZoneSummary = {
  id: 'elz-bruzel',
  layer: 'elz',
  name: { nl: 'BruZEL' },
  contact: { website: null, email: null, phone: null },
  validFrom: '2025-01-01',
  validTo: null,
  hasGeometry: true,
};

const sintGillis = {
  nis: '21013',
  name: { nl: 'Sint-Gillis', fr: 'Saint-Gilles', de: 'Saint-Gilles' },
  region: 'brussels',
} as const;

/** `/v1/places?q=Else` */
const placesElse: Place[] = [
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

/** Sint-Gillis / Saint-Gilles: one zone in each layer. */
const lookup1060 = lookup({ postcode: '1060' }, [
  match(zoneSud, { municipality: sintGillis, postcode: '1060' }),
  match(bruzel, { municipality: sintGillis, postcode: '1060' }),
]);

/** Elsene / Ixelles: one zone in each layer. */
const lookup21009 = lookup({ nis: '21009' }, [
  match(zoneSud, { municipality: elsene, postcode: null }),
  match(bruzel, { municipality: elsene, postcode: null }),
]);

/** Brussels-City's centre: split between Centrum-West and Zuid; one primary care zone. */
const lookup1000 = lookup(
  { postcode: '1000' },
  [
    match(zoneCentreOuest, { municipality: brussel, postcode: '1000' }, 'likely'),
    match(zoneSud, { municipality: brussel, postcode: '1000' }, 'ambiguous'),
    match(bruzel, { municipality: brussel, postcode: '1000' }),
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
);

/** Schaarbeek: one Brussels zone whose boundary is not documented word for word (probable). */
const lookup21015 = lookup(
  { nis: '21015' },
  [
    match(zoneNordEst, { municipality: schaarbeek, postcode: null }, 'likely'),
    match(bruzel, { municipality: schaarbeek, postcode: null }),
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
);

/** Brussels-City: its postcodes lie in different zones, so its parts are the choices. */
const choice = (postcode: string, localities: string[], zones: string[]) => ({
  municipality: brussel,
  postcode,
  localities,
  zones,
  query: { nis: brussel.nis, postcode },
});
const lookup21004 = lookup(
  { nis: '21004' },
  [
    match(zoneNord, [
      { municipality: brussel, postcode: '1020', coverage: 'whole', confidence: 'documented' },
      { municipality: brussel, postcode: '1120', coverage: 'whole', confidence: 'documented' },
    ]),
    match(zoneCentreOuest, { municipality: brussel, postcode: '1000' }, 'likely'),
    match(zoneSud, { municipality: brussel, postcode: '1000' }, 'ambiguous'),
    match(bruzel, { municipality: brussel, postcode: null }),
  ],
  [
    {
      layer: 'bxl-care-zones',
      certainty: 'choose',
      reasons: ['several-zones', 'uncertain', 'unknown-part'],
      unresolved: [{ municipality: brussel, postcode: '1040' }],
      narrowable: true,
      choices: [
        choice('1000', ['Bruxelles'], ['bxl-centre-ouest', 'bxl-sud']),
        choice('1020', ['Laeken', 'Laken'], ['bxl-nord']),
        choice('1040', ['Etterbeek'], []),
        choice('1120', ['Neder-Over-Heembeek'], ['bxl-nord']),
      ],
    },
  ],
);

/** Laken: one zone in each layer. */
const lookup1020 = lookup({ postcode: '1020', nis: '21004' }, [
  match(zoneNord, { municipality: brussel, postcode: '1020' }),
  match(bruzel, { municipality: brussel, postcode: '1020' }),
]);

const LOOKUPS: Record<string, LookupResult> = {
  'postcode=1060': lookup1060,
  'postcode=1000': lookup1000,
  'postcode=1020': lookup1020,
  'nis=21009': lookup21009,
  'nis=21013': { ...lookup1060, query: { nis: '21013' } },
  'nis=21015': lookup21015,
  'nis=21004': lookup21004,
};

/**
 * Places start with the typed text, in their label or their municipality's name in any language;
 * "schaerbek" is Schaarbeek within typing errors, labelled in the language asked, as the server does.
 */
function placesFor(q: string, lang: string | null): Place[] {
  const typed = q.trim().toLowerCase();
  if (!typed) return [];
  if (typed === 'schaerbek') {
    const label = lang === 'nl' ? 'Schaarbeek' : 'Schaerbeek';
    return [{ kind: 'municipality', label, postcode: null, municipality: schaarbeek, match: 'fuzzy' }];
  }
  return placesElse.filter(
    (place) =>
      place.label.toLowerCase().startsWith(typed) ||
      Object.values(place.municipality.name).some((name) => name?.toLowerCase().startsWith(typed)),
  );
}

/** The whole API of the stories: layers, zones, places and lookups, as the reference server answers. */
export function finderApi(url: URL): FixtureAnswer {
  if (url.pathname === '/v1/layers') return { body: { data: layers } };
  if (url.pathname === '/v1/places') {
    const q = url.searchParams.get('q') ?? '';
    return { body: { query: q, data: placesFor(q, url.searchParams.get('lang')) } };
  }
  if (url.pathname === '/v1/lookup') {
    const postcode = url.searchParams.get('postcode');
    const nis = url.searchParams.get('nis');
    if (postcode === '5000') return outOfCoverage5000;
    if (url.searchParams.has('lat')) return { body: { ...lookup21009, query: { lat: 50.83, lon: 4.37 } } };
    const found = LOOKUPS[postcode ? `postcode=${postcode}` : `nis=${nis}`];
    return found ? { body: found } : problem(404, 'UNKNOWN_PLACE', { title: 'No such place' });
  }
  return zonesApi(url) ?? problem(404, 'NOT_FOUND');
}
