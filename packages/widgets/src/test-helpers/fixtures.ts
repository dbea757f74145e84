import type { Layer, Zone, ZoneSummary } from '@carezone/sdk';
import type { FixtureAnswer } from './fixture-api.js';

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
