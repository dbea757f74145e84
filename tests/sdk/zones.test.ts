import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClient, isApiError } from '@carezone/sdk';
import { type ReferenceServer, startReferenceServer } from './reference-server.js';

let server: ReferenceServer;
let client: ReturnType<typeof createClient>;
before(async () => {
  server = await startReferenceServer();
  client = createClient({ baseUrl: server.url, retry: 0 });
});
after(() => server.close());

describe('layers and zones against the reference server', () => {
  test('layers.list gives the two layers of the pack', async () => {
    const layers = await client.layers.list();
    assert.deepEqual(
      layers.map((layer) => [layer.id, layer.kind, layer.zoneCount, layer.hasGeometry]).sort(),
      [
        ['bxl-care-zones', 'care-zone', 5, true],
        ['elz', 'primary-care-zone', 60, true],
      ],
    );
  });

  test('zones.list filters by layer and by name', async () => {
    const brussels = await client.zones.list({ layer: 'bxl-care-zones' });
    assert.deepEqual(brussels.map((zone) => zone.id).sort(), [
      'bxl-centre-ouest',
      'bxl-nord',
      'bxl-nord-est',
      'bxl-sud',
      'bxl-sud-est',
    ]);
    const found = await client.zones.list({ layer: 'bxl-care-zones', q: 'Nord-Est' });
    assert.deepEqual(
      found.map((zone) => zone.id),
      ['bxl-nord-est'],
    );
  });

  test('zones.get gives the contact and the municipalities, leaving unknown contact null', async () => {
    const zone = await client.zones.get('bxl-nord');
    assert.equal(zone.name.fr, 'Nord');
    assert.equal(zone.contact.website, 'https://bassin-nord.brussels');
    assert.equal(zone.contact.email, null);
    const berchem = zone.municipalities.find((municipality) => municipality.nis === '21003');
    assert.deepEqual(berchem?.postcodes, []);
    assert.equal(berchem?.coverage, 'whole');
  });

  test('zones.get of an unknown id rejects with NOT_FOUND', async () => {
    const error = await client.zones.get('bxl-nowhere').catch((caught: unknown) => caught);
    assert.ok(isApiError(error));
    assert.equal(error.status, 404);
    assert.equal(error.code, 'NOT_FOUND');
  });

  test('zones.geometry gives a GeoJSON Feature of the zone', async () => {
    const feature = await client.zones.geometry('bxl-sud');
    assert.equal(feature.type, 'Feature');
    assert.deepEqual(feature.properties, { layer: 'bxl-care-zones', zoneId: 'bxl-sud' });
    assert.ok(feature.geometry.coordinates.length > 0);
  });
});

describe('a pack without polygons (the built-in Brussels pack)', () => {
  test('zones.geometry rejects with NO_GEOMETRY', async () => {
    const builtin = await startReferenceServer([]);
    try {
      const error = await createClient({ baseUrl: builtin.url })
        .zones.geometry('bxl-nord')
        .catch((caught: unknown) => caught);
      assert.ok(isApiError(error), String(error));
      assert.equal(error.status, 404);
      assert.equal(error.code, 'NO_GEOMETRY');
    } finally {
      await builtin.close();
    }
  });
});
