// The request mixes of the load runs. Each is a list of paths that every autocannon connection
// walks through in order, so one run covers the whole list many times over.

/** What people type into the finder, keystroke by keystroke: prefixes, names in nl/fr/de, postcodes. */
const PLACE_QUERIES = [
  'b',
  'br',
  'brus',
  'brussel',
  'bruxelles',
  'elsene',
  'ixel',
  '1000',
  '105',
  'kortes',
  'sint-j',
  'antw',
  'gent',
  'hasselt',
  'namur',
  'leuv',
  'schaerb',
  'ukkel',
  'molenb',
  'liège',
  'eupen',
  'oostende',
  'mechel',
  '9000',
];

/**
 * What the finder must forgive, as people type it: misspellings (a letter missing, doubled or
 * swapped), St/Sint/Saint, missing hyphens, and names in another language, in English or as the
 * visitor's own language has them. Each asked with the visitor's language, as the widget asks.
 */
const FUZZY_QUERIES = [
  ['schaerbek', 'nl'],
  ['Elsense', 'fr'],
  ['st-josse', 'fr'],
  ['Woluwe St Lambert', 'en'],
  ['St Gillis', 'fr'],
  ['Brussels', 'en'],
  ['Bruxeles', 'nl'],
  ['Anvers', 'nl'],
  ['Antwepren', 'en'],
  ['Gand', 'de'],
  ['Gnet', 'nl'],
  ['Louvain', 'en'],
  ['Lueven', 'nl'],
  ['Malines', 'nl'],
  ['Lüttich', 'fr'],
  ['Luik', 'en'],
  ['Courtrai', 'nl'],
  ['Hasslet', 'fr'],
  ['Charleroy', 'nl'],
  ['Molenbek', 'fr'],
  ['Uccel', 'nl'],
  ['schearb', 'nl'],
  ['Kortrjik', 'fr'],
  ['Oudergm', 'en'],
];

/** Every prefix (2 letters or more) of longer names: many distinct questions. */
const PREFIXES = [
  'brussel',
  'bruxelles',
  'elsene',
  'ixelles',
  'kortessem',
  'sint-jans-molenbeek',
  'antwerpen',
  'hasselt',
  'namur',
  'leuven',
  'schaerbeek',
  'ukkel',
  'liège',
  'oostende',
  'mechelen',
  'brugge',
  'kortrijk',
  'roeselare',
  'borsbeek',
  'waterloo',
  'tienen',
  'ganshoren',
].flatMap((name) => Array.from({ length: name.length - 1 }, (_, i) => name.slice(0, i + 2)));

/** Brussels (including the ambiguous 1000), Flanders, and Wallonia/East Belgium (404 OUT_OF_COVERAGE). */
const POSTCODES = [
  '1000',
  '1020',
  '1050',
  '1082',
  '1200',
  '2000',
  '2018',
  '2150',
  '3000',
  '3500',
  '3720',
  '8000',
  '8500',
  '9000',
  '1930',
  '5000',
  '4000',
  '4700',
];

/** [lat, lon]: town centres inside Flanders and Brussels, then points outside every zone layer. */
const POINTS = [
  [50.8467, 4.3525], // Brussels, Grand-Place
  [50.8333, 4.3667], // Ixelles/Elsene
  [50.8676, 4.3737], // Schaerbeek/Schaarbeek
  [51.2194, 4.4025], // Antwerpen
  [51.0543, 3.7174], // Gent
  [50.8798, 4.7005], // Leuven
  [50.9307, 5.3325], // Hasselt
  [51.2093, 3.2247], // Brugge
  [50.8279, 3.2649], // Kortrijk
  [51.0259, 4.4776], // Mechelen
  [51.2154, 2.9279], // Oostende
  [50.965, 5.5008], // Genk
  [50.4674, 4.872], // Namur (Wallonia: outside)
  [50.6326, 5.5797], // Liège (outside)
  [50.6275, 6.0364], // Eupen (East Belgium: outside)
  [50.6292, 3.0573], // Lille, France (outside)
];

const toRequests = (paths) => paths.map((path) => ({ method: 'GET', path }));

/**
 * The baseline: the cheapest answer the server gives, through the same stack (routing, logging,
 * headers). It runs before the first endpoint and after each one, and every endpoint is compared
 * with the mean of the two runs beside it: on a shared machine throughput drifts by 20 % or more
 * within a bench, so one baseline at the start (or the mean of the first and last) misleads.
 */
export const HEALTHZ = {
  id: 'healthz',
  label: '/healthz',
  requests: toRequests(['/healthz']),
};

/** The endpoints measured, in the order they run. `target` marks the runs the targets apply to. */
export const WORKLOADS = [
  {
    id: 'places',
    label: '/v1/places?q=… (prefixes)',
    requests: toRequests(PLACE_QUERIES.map((q) => `/v1/places?q=${encodeURIComponent(q)}&limit=10`)),
    target: true,
  },
  {
    id: 'lookup-postcode',
    label: '/v1/lookup?postcode=…',
    requests: toRequests(POSTCODES.map((postcode) => `/v1/lookup?postcode=${postcode}`)),
    target: true,
  },
  {
    // The server keeps its last 5,000 answers (16 M characters at most). These (prefix, limit) pairs are all distinct, more
    // than the cache holds, and walked in a cycle, so nearly every request misses it: the cost of a
    // question nobody asked recently. Not a target run; shown beside the cached one.
    id: 'places-uncached',
    label: '/v1/places?q=… (cache misses)',
    requests: toRequests(
      Array.from({ length: 50 }, (_, i) => i + 1).flatMap((limit) =>
        PREFIXES.map((q) => `/v1/places?q=${encodeURIComponent(q)}&limit=${limit}`),
      ),
    ),
  },
  {
    id: 'places-fuzzy',
    label: '/v1/places?q=…&lang=… (fuzzy)',
    requests: toRequests(
      FUZZY_QUERIES.map(([q, lang]) => `/v1/places?q=${encodeURIComponent(q)}&limit=10&lang=${lang}`),
    ),
    target: true,
  },
  {
    // The same typing errors in both cases (the cache keys the query as typed), every language and
    // every limit: 9,600 distinct questions, so nearly every request searches. Not a target run.
    id: 'places-fuzzy-uncached',
    label: '/v1/places?q=…&lang=… (fuzzy, cache misses)',
    requests: toRequests(
      Array.from({ length: 50 }, (_, i) => i + 1).flatMap((limit) =>
        FUZZY_QUERIES.flatMap(([q]) => [q, q.toUpperCase()]).flatMap((q) =>
          ['nl', 'fr', 'en', 'de'].map(
            (lang) => `/v1/places?q=${encodeURIComponent(q)}&limit=${limit}&lang=${lang}`,
          ),
        ),
      ),
    ),
  },
  {
    id: 'lookup-point',
    label: '/v1/lookup?lat=…&lon=…',
    requests: toRequests(POINTS.map(([lat, lon]) => `/v1/lookup?lat=${lat}&lon=${lon}`)),
  },
];
