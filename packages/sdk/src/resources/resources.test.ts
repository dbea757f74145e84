import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { composeClient, createClient, createTransport, type Transport } from '../client.js';
import { isResponseValidationError } from '../errors.js';
import { layer, lookupResult, place, zone, zoneSummary } from '../test-helpers/fixtures.js';
import { createTestServer, sendJson, type TestServer } from '../test-helpers/http-server.js';
import { coordinate } from './lookup.js';
import { zonesGeometryResource, zonesGetResource, zonesListResource } from './zones.js';

const geometry = {
  type: 'Feature',
  properties: { layer: 'bxl-care-zones', zoneId: 'bxl-nord' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [4.3, 50.8],
        [4.4, 50.8],
        [4.4, 50.9],
        [4.3, 50.8],
      ],
    ],
  },
};

/** Answers by path, like the API would, so each test only checks what the client sent. */
function route(pathname: string): unknown {
  if (pathname === '/v1/layers') return { data: [layer] };
  if (pathname === '/v1/zones') return { data: [zoneSummary] };
  if (pathname.endsWith('/geometry')) return geometry;
  if (pathname.startsWith('/v1/zones/')) return zone;
  if (pathname === '/v1/places') return { query: 'x', data: [place] };
  if (pathname === '/v1/lookup') return lookupResult;
  return undefined;
}

let server: TestServer;
before(async () => {
  server = await createTestServer((request, response) => {
    const body = route(new URL(request.url ?? '/', 'http://x').pathname);
    sendJson(response, body === undefined ? 404 : 200, body ?? {});
  });
});
after(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function sent(): URL {
  const request = server.requests.at(-1);
  assert.ok(request, 'a request reached the server');
  return new URL(request.url, server.url);
}

describe('layers', () => {
  test('list resolves to the layers', async () => {
    assert.deepEqual(await createClient({ baseUrl: server.url }).layers.list(), [layer]);
    assert.equal(sent().pathname, '/v1/layers');
  });
});

describe('zones', () => {
  test('list sends only the given filters and resolves to the array', async () => {
    const client = createClient({ baseUrl: server.url });
    assert.deepEqual(await client.zones.list(), [zoneSummary]);
    assert.equal(sent().search, '');
    await client.zones.list({ layer: 'bxl-care-zones', q: 'Nord-Est' });
    assert.deepEqual(Object.fromEntries(sent().searchParams), { layer: 'bxl-care-zones', q: 'Nord-Est' });
  });

  test('get and geometry encode the id as one path segment', async () => {
    const client = createClient({ baseUrl: server.url });
    assert.deepEqual(await client.zones.get('bxl-nord'), zone);
    assert.equal(sent().pathname, '/v1/zones/bxl-nord');
    await client.zones.get('a/b?c');
    assert.equal(server.requests.at(-1)?.url, '/v1/zones/a%2Fb%3Fc');
    assert.deepEqual(await client.zones.geometry('bxl-nord'), geometry);
    assert.equal(sent().pathname, '/v1/zones/bxl-nord/geometry');
  });

  test('also come one method at a time, for a bundle that needs only some', async () => {
    const transport = createTransport({ baseUrl: server.url });
    const methodsOf = (zones: (transport: Transport) => object) =>
      Object.keys(composeClient(transport, { zones }).zones);
    assert.deepEqual(methodsOf(zonesGetResource), ['get']);
    assert.deepEqual(methodsOf(zonesListResource), ['list']);
    assert.deepEqual(methodsOf(zonesGeometryResource), ['geometry']);
    assert.deepEqual(await composeClient(transport, { zones: zonesGetResource }).zones.get('bxl-nord'), zone);
    assert.equal(sent().pathname, '/v1/zones/bxl-nord');
  });

  test('a zone without municipalities breaks the contract', async () => {
    const bare = await createTestServer((_request, response) => sendJson(response, 200, zoneSummary));
    try {
      const error = await createClient({ baseUrl: bare.url })
        .zones.get('bxl-nord')
        .catch((caught: unknown) => caught);
      assert.ok(isResponseValidationError(error));
      assert.deepEqual(error.issues[0]?.path, ['municipalities']);
    } finally {
      await bare.close();
    }
  });
});

describe('places', () => {
  test('search encodes unicode, spaces and & so the server reads the text back', async () => {
    const q = 'Sint-Agatha & Berchem=é?#/+';
    assert.deepEqual(await createClient({ baseUrl: server.url }).places.search(q, { limit: 5 }), [place]);
    assert.equal(sent().searchParams.get('q'), q);
    assert.equal(sent().searchParams.get('limit'), '5');
    assert.deepEqual([...sent().searchParams.keys()], ['q', 'limit']);
  });

  test('search without a limit leaves it out', async () => {
    await createClient({ baseUrl: server.url }).places.search('1050');
    assert.deepEqual(Object.fromEntries(sent().searchParams), { q: '1050' });
  });
});

describe('lookup', () => {
  test('by postcode, with a layer', async () => {
    const result = await createClient({ baseUrl: server.url }).lookup({
      postcode: '1082',
      layer: 'bxl-care-zones',
    });
    assert.deepEqual(result, lookupResult);
    assert.equal(sent().pathname, '/v1/lookup');
    assert.deepEqual(Object.fromEntries(sent().searchParams), { postcode: '1082', layer: 'bxl-care-zones' });
  });

  test('by NIS code', async () => {
    await createClient({ baseUrl: server.url }).lookup({ nis: '21009' });
    assert.deepEqual(Object.fromEntries(sent().searchParams), { nis: '21009' });
  });

  test('by postcode narrowed to a municipality and a locality', async () => {
    await createClient({ baseUrl: server.url }).lookup({ postcode: '1020', nis: '21004', locality: 'Laken' });
    assert.deepEqual(Object.fromEntries(sent().searchParams), {
      postcode: '1020',
      nis: '21004',
      locality: 'Laken',
    });
  });

  test('by point, in the fixed notation the API accepts', async () => {
    await createClient({ baseUrl: server.url }).lookup({ lat: 50.84673289999999, lon: 4.3517 });
    assert.deepEqual(Object.fromEntries(sent().searchParams), { lat: '50.8467329', lon: '4.3517' });
  });
});

describe('coordinate', () => {
  test('never uses exponents, trims zeros, keeps what is not finite for the server to refuse', () => {
    assert.equal(coordinate(1e-7), '0.0000001');
    assert.equal(coordinate(1e-9), '0');
    assert.equal(coordinate(100), '100');
    assert.equal(coordinate(-4.5), '-4.5');
    assert.equal(coordinate(Number.NaN), 'NaN');
  });
});
