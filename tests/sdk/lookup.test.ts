import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type CarezoneClient, certaintyOf, createClient, isApiError, type LookupResult } from '@carezone/sdk';
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

describe('narrowing a lookup against the reference server', () => {
  test('a postcode with its municipality: 1040 in Etterbeek is Sud-Est, certain', async () => {
    const result = await client.lookup({ postcode: '1040', nis: '21005' });
    assert.deepEqual(result.query, { postcode: '1040', nis: '21005' });
    assert.deepEqual(zonesOf(result, 'bxl-care-zones'), ['bxl-sud-est']);
    assert.equal(certaintyOf(result, 'bxl-care-zones'), 'certain');
    assert.equal(result.ambiguous, false);
  });

  test('each choice of 1040, passed back as it is, answers its own zones', async () => {
    const result = await client.lookup({ postcode: '1040', layer: 'bxl-care-zones' });
    const [ambiguity] = result.ambiguities;
    assert.equal(ambiguity?.certainty, 'choose');
    assert.equal(ambiguity?.choices.length, 2);
    for (const choice of ambiguity?.choices ?? []) {
      const narrowed = await client.lookup({ ...choice.query, layer: 'bxl-care-zones' });
      assert.deepEqual(zonesOf(narrowed, 'bxl-care-zones'), choice.zones, JSON.stringify(choice.query));
    }
  });

  test('one zone of a layer is one match, whatever number of municipalities led to it', async () => {
    const result = await client.lookup({ postcode: '1040', layer: 'elz' });
    assert.equal(result.matches.length, 1);
    assert.deepEqual(
      result.matches[0]?.places.map((place) => place.municipality?.nis),
      ['21004', '21005'],
    );
  });

  test('Antwerp by NIS offers a choice per district postcode; Deurne is Antwerpen Oost', async () => {
    const result = await client.lookup({ nis: '11002', layer: 'elz' });
    assert.equal(result.matches.length, 4);
    const deurne = result.ambiguities[0]?.choices.find((choice) => choice.localities.includes('Deurne'));
    assert.deepEqual(deurne?.zones, ['elz-antwerpen-oost']);
    const byLocality = await client.lookup({ nis: '11002', locality: 'Deurne', layer: 'elz' });
    assert.deepEqual(zonesOf(byLocality, 'elz'), ['elz-antwerpen-oost']);
  });

  test('an unknown locality of a postcode is an ApiError UNKNOWN_PLACE naming the parameter', async () => {
    const error = await client
      .lookup({ postcode: '1020', locality: 'Atlantis' })
      .catch((caught: unknown) => caught);
    assert.ok(isApiError(error), String(error));
    assert.equal(error.status, 404);
    assert.equal(error.code, 'UNKNOWN_PLACE');
    assert.deepEqual(
      error.errors.map((field) => field.path),
      ['locality'],
    );
  });
});
