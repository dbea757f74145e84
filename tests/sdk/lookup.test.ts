import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type CarezoneClient, createClient, isApiError, type LookupResult } from '@carezone/sdk';
import { type ReferenceServer, startReferenceServer } from './reference-server.js';

let server: ReferenceServer;
let client: CarezoneClient;
before(async () => {
  server = await startReferenceServer();
  client = createClient({ baseUrl: server.url, retry: 0 });
});
after(() => server.close());

function zonesOf(result: LookupResult, layer: string): string[] {
  return result.matches
    .filter((match) => match.layer === layer)
    .map((match) => match.zone.id)
    .sort();
}

describe('places.search against the reference server', () => {
  test('a Dutch municipality name finds Ixelles/Elsene', async () => {
    const places = await client.places.search('Elsene');
    const elsene = places.find((place) => place.kind === 'municipality');
    assert.equal(elsene?.municipality.nis, '21009');
    assert.equal(elsene?.municipality.name.fr, 'Ixelles');
  });

  test('a postcode finds its places, within the limit', async () => {
    const places = await client.places.search('1050', { limit: 3 });
    assert.ok(places.length > 0 && places.length <= 3);
    assert.ok(places.every((place) => place.postcode === '1050'));
  });

  test('a former municipality leads to the municipality it merged into in 2025', async () => {
    const places = await client.places.search('Kortessem');
    const former = places.find((place) => place.kind === 'former-municipality');
    assert.equal(former?.label, 'Kortessem');
    assert.equal(former?.municipality.nis, '71072');
    assert.equal(former?.municipality.name.nl, 'Hasselt');
  });
});

describe('lookup against the reference server', () => {
  test('postcode 1082 has one Brussels care zone', async () => {
    const result = await client.lookup({ postcode: '1082' });
    assert.equal(result.ambiguous, false);
    assert.deepEqual(zonesOf(result, 'bxl-care-zones'), ['bxl-nord']);
    assert.equal(result.query.postcode, '1082');
  });

  test('postcode 1000 is ambiguous and lists every candidate', async () => {
    const result = await client.lookup({ postcode: '1000', layer: 'bxl-care-zones' });
    assert.equal(result.ambiguous, true);
    assert.deepEqual(zonesOf(result, 'bxl-care-zones'), ['bxl-centre-ouest', 'bxl-sud']);
    assert.ok(result.ambiguities.some((ambiguity) => ambiguity.layer === 'bxl-care-zones'));
  });

  test('postcode 5000 is outside coverage and names Namur', async () => {
    const error = await client.lookup({ postcode: '5000' }).catch((caught: unknown) => caught);
    assert.ok(isApiError(error), String(error));
    assert.equal(error.status, 404);
    assert.equal(error.code, 'OUT_OF_COVERAGE');
    assert.ok(error.places.some((place) => place.nis === '92094' && place.name.fr === 'Namur'));
  });

  test('postcode 9999 is an unknown place', async () => {
    const error = await client.lookup({ postcode: '9999' }).catch((caught: unknown) => caught);
    assert.ok(isApiError(error), String(error));
    assert.equal(error.status, 404);
    assert.equal(error.code, 'UNKNOWN_PLACE');
  });

  // The SDK sends what it is given and lets the server judge: one set of rules, in the contract.
  test("postcode 'abc' is refused by the server with INVALID_QUERY and the field", async () => {
    const error = await client.lookup({ postcode: 'abc' }).catch((caught: unknown) => caught);
    assert.ok(isApiError(error), String(error));
    assert.equal(error.status, 400);
    assert.equal(error.code, 'INVALID_QUERY');
    assert.ok(error.errors.some((field) => field.path === 'postcode'));
  });

  test('NIS code 21009 (Ixelles/Elsene) is in the South zone', async () => {
    const result = await client.lookup({ nis: '21009', layer: 'bxl-care-zones' });
    assert.deepEqual(zonesOf(result, 'bxl-care-zones'), ['bxl-sud']);
    assert.ok(result.matches.every((match) => match.matchedBy === 'nis'));
  });

  test('a point in Ixelles, with more decimals than the API accepts, is in the South zone', async () => {
    const result = await client.lookup({
      lat: 50.82753291234567,
      lon: 4.37221198765432,
      layer: 'bxl-care-zones',
    });
    assert.deepEqual(zonesOf(result, 'bxl-care-zones'), ['bxl-sud']);
    assert.equal(result.matches[0]?.places[0]?.municipality?.nis, '21009');
  });
});
