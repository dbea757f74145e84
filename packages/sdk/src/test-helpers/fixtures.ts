import type { Layer, LookupResult, Place, Zone, ZoneSummary } from '@carezone/contract';

export const layer: Layer = {
  id: 'bxl-care-zones',
  kind: 'care-zone',
  title: { nl: 'Brusselse zorgzones', fr: "Bassins d'aide et de soins" },
  pack: { id: 'test', dataVersion: '2025-01-01', attribution: 'test' },
  zoneCount: 5,
  hasGeometry: true,
};

export const zoneSummary: ZoneSummary = {
  id: 'bxl-nord',
  layer: 'bxl-care-zones',
  name: { nl: 'Noord', fr: 'Nord' },
  contact: { website: null, email: null, phone: null },
  validFrom: null,
  validTo: null,
  hasGeometry: true,
};

export const zone: Zone = {
  ...zoneSummary,
  municipalities: [
    {
      nis: '21003',
      name: { nl: 'Sint-Agatha-Berchem', fr: 'Berchem-Sainte-Agathe' },
      region: 'brussels',
      postcodes: [],
      coverage: 'whole',
      confidence: 'documented',
    },
  ],
};

export const place: Place = {
  kind: 'municipality',
  label: 'Elsene',
  postcode: '1050',
  municipality: { nis: '21009', name: { nl: 'Elsene', fr: 'Ixelles' }, region: 'brussels' },
};

export const lookupResult: LookupResult = {
  query: { postcode: '1082' },
  ambiguous: false,
  dataVersion: '2025-01-01',
  matches: [
    {
      layer: 'bxl-care-zones',
      zone: zoneSummary,
      matchedBy: 'postcode',
      coverage: 'whole',
      confidence: 'documented',
      places: [
        { municipality: place.municipality, postcode: '1082', coverage: 'whole', confidence: 'documented' },
      ],
    },
  ],
  ambiguities: [],
};
