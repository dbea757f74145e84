import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type CarezoneClient, createClient, isApiError } from '@carezone/sdk';
import { type ReferenceServer, startReferenceServer } from './reference-server.js';

describe('places.search against the reference server', () => {
  let server: ReferenceServer;
  let client: CarezoneClient;
  before(async () => {
    server = await startReferenceServer();
    client = createClient({ baseUrl: server.url, retry: 0 });
  });
  after(() => server.close());

  test('labels a place in the language asked for, with the name typed beside it', async () => {
    const [ixelles] = await client.places.search('Elsene', { lang: 'fr' });
    assert.equal(ixelles?.kind, 'municipality');
    assert.equal(ixelles?.label, 'Ixelles');
    assert.equal(ixelles?.matched, 'Elsene');
    assert.equal(ixelles?.match, 'exact');
    const [antwerp] = await client.places.search('Anvers', { lang: 'en', limit: 1 });
    assert.deepEqual(
      [antwerp?.label, antwerp?.matched, antwerp?.municipality.nis],
      ['Antwerp', 'Anvers', '11002'],
    );
  });

  test('forgives typing errors and says so', async () => {
    const [first] = await client.places.search('schaerbek', { lang: 'nl' });
    assert.equal(first?.municipality.nis, '21015');
    assert.equal(first?.label, 'Schaarbeek');
    assert.equal(first?.match, 'fuzzy');
  });

  test('puts Sint-Jans-Molenbeek before the hamlet Molenbeek-Wersbeek, each place once', async () => {
    const places = await client.places.search('molenbeek', { lang: 'nl', limit: 50 });
    assert.equal(places[0]?.label, 'Sint-Jans-Molenbeek');
    assert.ok(places.some((place) => place.label === 'Molenbeek-Wersbeek'));
    assert.equal(
      places.filter((place) => place.municipality.nis === '21012' && place.kind === 'municipality').length,
      1,
    );
  });

  test('a language the API does not speak is an INVALID_QUERY naming lang', async () => {
    const error = await client.places
      .search('Elsene', { lang: 'es' as 'fr' })
      .catch((caught: unknown) => caught);
    assert.ok(isApiError(error));
    assert.equal(error.code, 'INVALID_QUERY');
    assert.deepEqual(
      error.errors?.map((field) => field.path),
      ['lang'],
    );
  });
});

describe('places.search against the built-in pack', () => {
  let server: ReferenceServer;
  let client: CarezoneClient;
  before(async () => {
    server = await startReferenceServer([]);
    client = createClient({ baseUrl: server.url, retry: 0 });
  });
  after(() => server.close());

  test('finds St-Gillis and Brussels in every language', async () => {
    const [gilles] = await client.places.search('St Gillis', { lang: 'fr' });
    assert.deepEqual(
      [gilles?.label, gilles?.matched, gilles?.municipality.nis],
      ['Saint-Gilles', 'Sint-Gillis', '21013'],
    );
    for (const [lang, label] of [
      ['nl', 'Brussel'],
      ['fr', 'Bruxelles'],
      ['en', 'Brussels'],
      ['de', 'Brüssel'],
    ] as const) {
      const [brussels] = await client.places.search('Brussels', { lang });
      assert.equal(brussels?.label, label, lang);
      assert.equal(brussels?.municipality.nis, '21004');
    }
  });
});
