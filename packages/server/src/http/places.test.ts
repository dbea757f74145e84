import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Place, PlaceList } from '@carezone/contract';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { type InProcessApp, testAppAround } from '../test-helpers/app.js';
import { assertInvalidQuery, getJson } from '../test-helpers/http.js';

async function places(app: InProcessApp, query: string): Promise<Place[]> {
  return (await getJson(app, `/v1/places?${query}`, PlaceList)).data;
}

const brief = (place: Place | undefined) =>
  place && [place.kind, place.label, place.municipality.nis, place.match, place.matched ?? '-'].join(':');

describe('GET /v1/places over the reference pack', () => {
  const app = testAppAround();

  test('labels each place in lang, with the name typed beside it when that is another', async () => {
    assert.equal(
      brief((await places(app, 'q=Elsene&lang=fr'))[0]),
      'municipality:Ixelles:21009:exact:Elsene',
    );
    assert.equal(brief((await places(app, 'q=Elsene&lang=nl'))[0]), 'municipality:Elsene:21009:exact:-');
    assert.equal(
      brief((await places(app, 'q=Anvers&lang=en'))[0]),
      'municipality:Antwerp:11002:exact:Anvers',
    );
    // Without lang, the label is the name that matched, as before lang existed.
    assert.equal(brief((await places(app, 'q=Elsene'))[0]), 'municipality:Elsene:21009:exact:-');
  });

  test('marks a suggestion found despite typing errors as fuzzy', async () => {
    const [first] = await places(app, 'q=schaerbek&lang=nl');
    assert.equal(brief(first), 'municipality:Schaarbeek:21015:fuzzy:Schaerbeek');
    assert.equal((await places(app, 'q=schaerb&lang=nl'))[0]?.match, 'prefix');
  });

  test('answers the same query in each language apart, each with its own ETag', async () => {
    const fr = await app.request('/v1/places?q=Bruxelles&lang=fr');
    const nl = await app.request('/v1/places?q=Bruxelles&lang=nl');
    const again = await app.request('/v1/places?q=Bruxelles&lang=fr');
    const label = async (response: Response) => PlaceList.parse(await response.json()).data[0]?.label;
    assert.equal(await label(fr), 'Bruxelles');
    assert.equal(await label(nl), 'Brussel');
    assert.equal(await label(again), 'Bruxelles');
    assert.notEqual(fr.headers.get('etag'), nl.headers.get('etag'));
    assert.equal(fr.headers.get('etag'), again.headers.get('etag'));
  });

  test('lists each place once', async () => {
    const found = await places(app, 'q=bru&limit=50&lang=fr');
    const municipalities = found
      .filter((place) => place.kind === 'municipality')
      .map((place) => place.municipality.nis);
    assert.equal(new Set(municipalities).size, municipalities.length, municipalities.join(', '));
    assert.ok(municipalities.includes('21004'));
  });

  test('refuses a language it does not speak, and still a missing q or a bad limit', async () => {
    for (const [query, path] of [
      ['q=Elsene&lang=es', 'lang'],
      ['q=Elsene&lang=', 'lang'],
      ['q=Elsene&lang=FR', 'lang'],
      ['lang=fr', 'q'],
      ['q=Elsene&limit=0', 'limit'],
    ]) {
      await assertInvalidQuery(app, `/v1/places?${query}`, path);
    }
  });
});

describe('GET /v1/places over the built-in pack', () => {
  const app = testAppAround([BUILTIN_PACK_DIR]);

  test('finds Brussels municipalities by their English name, abbreviations and typing errors', async () => {
    assert.equal(
      brief((await places(app, 'q=Brussels&lang=fr'))[0]),
      'municipality:Bruxelles:21004:exact:Brussels',
    );
    assert.equal(
      brief((await places(app, 'q=Woluwe%20St%20Lambert&lang=nl'))[0]),
      'municipality:Sint-Lambrechts-Woluwe:21018:exact:Woluwe-Saint-Lambert',
    );
    assert.equal((await places(app, 'q=st-josse&lang=fr'))[0]?.municipality.nis, '21014');
    assert.equal((await places(app, 'q=Elsense&lang=en'))[0]?.label, 'Ixelles');
  });
});
