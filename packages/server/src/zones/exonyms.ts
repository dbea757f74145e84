import type { Language } from '@carezone/contract';

/**
 * Names of a place that zone packs do not carry: the English name where English has its own
 * (`Antwerp`, `Ghent`), German or Dutch names the packs' columns lack, and, for localities, the
 * name in the other language (packs list most localities in one language only). Written from
 * common knowledge of Belgian place names; the packs' own names always come first.
 */
export interface PlaceNames {
  /** The municipality (2025 NIS code) the place is, or lies in. */
  nis: string;
  nl?: string;
  fr?: string;
  de?: string;
  en?: string;
  /** Other names people type (historic English spellings, short forms): found, never shown. */
  also?: readonly string[];
}

/** Keyed by NIS code; `name` is the pack's Dutch name, which a test checks against the reference pack. */
export const MUNICIPALITY_NAMES: readonly (PlaceNames & { name: string })[] = [
  {
    nis: '21004',
    name: 'Brussel',
    en: 'Brussels',
    also: ['Brussel-Stad', 'Bruxelles-Ville', 'Brussels-City', 'City of Brussels', 'Stadt Brüssel', 'Bxl'],
  },
  { nis: '11002', name: 'Antwerpen', en: 'Antwerp' },
  { nis: '44021', name: 'Gent', en: 'Ghent' },
  { nis: '31005', name: 'Brugge', en: 'Bruges' },
  { nis: '35013', name: 'Oostende', en: 'Ostend' },
  { nis: '33011', name: 'Ieper', en: 'Ypres' },
  { nis: '12025', name: 'Mechelen', de: 'Mecheln', also: ['Mechlin'] },
  { nis: '81001', name: 'Aarlen', de: 'Arel' },
];

/**
 * Localities and former municipalities with a name in each language. A pack row whose name is one
 * of an entry's names, in that municipality, is that place; rows of one place under one postcode
 * become one suggestion, labelled in the visitor's language.
 */
export const LOCALITY_NAMES: readonly PlaceNames[] = [
  // Brussels-City
  { nis: '21004', nl: 'Laken', fr: 'Laeken' },
  { nis: '21004', nl: 'Elsene', fr: 'Ixelles' },
  // Former municipalities merged on 1 January 2025
  { nis: '23106', nl: 'Galmaarden', fr: 'Gammerages' },
  { nis: '73111', nl: 'Tongeren', fr: 'Tongres', de: 'Tongern' },
  { nis: '73111', nl: 'Borgloon', fr: 'Looz' },
  // Voeren: bpost lists its villages under their French names
  { nis: '73109', nl: 'Sint-Martens-Voeren', fr: 'Fouron-Saint-Martin' },
  { nis: '73109', nl: 'Sint-Pieters-Voeren', fr: 'Fouron-Saint-Pierre' },
  { nis: '73109', nl: '’s-Gravenvoeren', fr: 'Fouron-le-Comte' },
  { nis: '73109', nl: 'Moelingen', fr: 'Mouland' },
  // Municipalities with language facilities on the language border
  { nis: '57097', nl: 'Komen', fr: 'Comines' },
  { nis: '57097', nl: 'Waasten', fr: 'Warneton' },
  { nis: '57097', nl: 'Neerwaasten', fr: 'Bas-Warneton' },
  { nis: '57097', nl: 'Houtem', fr: 'Houthem' },
  { nis: '57096', nl: 'Dottenijs', fr: 'Dottignies' },
  { nis: '57096', nl: 'Lowingen', fr: 'Luingne' },
  { nis: '34043', nl: 'Spiere', fr: 'Espierres' },
  { nis: '34043', nl: 'Helkijn', fr: 'Helchin' },
  { nis: '51067', nl: 'Lettelingen', fr: 'Petit-Enghien' },
  { nis: '51067', nl: 'Mark', fr: 'Marcq' },
  // English names of the First World War
  { nis: '33037', nl: 'Passendale', en: 'Passchendaele' },
  { nis: '57097', fr: 'Ploegsteert', also: ['Plugstreet'] },
  { nis: '25121', fr: 'Louvain-la-Neuve', also: ['LLN'] },
];

/**
 * The municipalities of the German-speaking Community. Their German names are the ones used in
 * English too (`Sankt Vith`, not `Saint-Vith`), where the rest of Wallonia is known by French names.
 */
export const GERMAN_SPEAKING: ReadonlySet<string> = new Set([
  '63001', // Amel
  '63012', // Büllingen
  '63013', // Bütgenbach
  '63023', // Eupen
  '63040', // Kelmis
  '63048', // Lontzen
  '63061', // Raeren
  '63067', // Sankt Vith
  '63087', // Burg-Reuland
]);

/**
 * The order in which a place's names stand in for a language it has no name in: first the
 * language of where it lies (Dutch in Flanders, French in Wallonia and Brussels, German in the
 * German-speaking Community), then the others. English has few names of its own for Belgian
 * places, and uses the local one otherwise; in bilingual Brussels, the French one, as most
 * English speakers there do.
 */
export function nameFallback(region: string, nis: string): readonly Language[] {
  if (GERMAN_SPEAKING.has(nis)) return ['de', 'fr', 'nl', 'en'];
  if (region === 'flanders') return ['nl', 'fr', 'de', 'en'];
  return ['fr', 'nl', 'de', 'en'];
}
