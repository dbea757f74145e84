// Every Belgian place is known whatever the zone packs cover (the gazetteer, zones/gazetteer.ts):
// what a resident sees through the API with the built-in Brussels pack and with the reference pack.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LookupResult, type Place, PlaceList, type Problem } from '@carezone/contract';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { type InProcessApp, testAppAround } from '../test-helpers/app.js';
import { getJson, getProblem } from '../test-helpers/http.js';

async function places(app: InProcessApp, q: string): Promise<Place[]> {
  return (await getJson(app, `/v1/places?q=${encodeURIComponent(q)}`, PlaceList)).data;
}

/** The lookup a finder makes of a chosen place: its postcode when it has one, else its NIS code. */
function lookupPath(place: Place): string {
  return place.postcode === null
    ? `/v1/lookup?nis=${place.municipality.nis}`
    : `/v1/lookup?postcode=${place.postcode}`;
}

const problem = (app: InProcessApp, path: string): Promise<Problem> => getProblem(app, path, 404);
const found = (app: InProcessApp, path: string): Promise<LookupResult> => getJson(app, path, LookupResult);

/** `kind:label:postcode:nis` of a place, for short assertions. */
function key(place: Place | undefined): string {
  return place ? `${place.kind}:${place.label}:${place.postcode ?? '-'}:${place.municipality.nis}` : 'none';
}

describe('every Belgian place over the built-in Brussels pack', () => {
  const app = testAppAround([BUILTIN_PACK_DIR]);

  test('postcode 2000 is out of coverage and names Antwerpen', async () => {
    const answer = await problem(app, '/v1/lookup?postcode=2000');
    assert.equal(answer.code, 'OUT_OF_COVERAGE');
    assert.deepEqual(answer.places, [
      {
        nis: '11002',
        name: { nl: 'Antwerpen', fr: 'Anvers', de: 'Antwerpen', en: 'Antwerp' },
        postcode: '2000',
        region: 'flanders',
      },
    ]);
  });

  test('postcode 9999 is still an unknown place', async () => {
    const answer = await problem(app, '/v1/lookup?postcode=9999');
    assert.equal(answer.code, 'UNKNOWN_PLACE');
    assert.equal(answer.places, undefined);
  });

  test('Kortessem, merged into Hasselt in 2025, is found and leads to Hasselt, out of coverage', async () => {
    const [kortessem] = await places(app, 'Kortessem');
    assert.equal(key(kortessem), 'former-municipality:Kortessem:-:71072');
    assert.ok(kortessem);
    assert.equal(kortessem.municipality.name.nl, 'Hasselt');
    const answer = await problem(app, lookupPath(kortessem));
    assert.equal(answer.code, 'OUT_OF_COVERAGE');
    assert.deepEqual(
      answer.places?.map((place) => [place.nis, place.name.nl, place.region]),
      [['71072', 'Hasselt', 'flanders']],
    );
  });

  test('a former municipality by its French name: Looz leads to Tongeren-Borgloon', async () => {
    const [looz] = await places(app, 'Looz');
    assert.equal(key(looz), 'former-municipality:Looz:-:73111');
    assert.equal(looz?.municipality.name.nl, 'Tongeren-Borgloon');
  });

  test('East Belgium by its German names: Eupen and Sankt Vith', async () => {
    const [eupen] = await places(app, 'Eupen');
    assert.equal(key(eupen), 'municipality:Eupen:-:63023');
    const [sanktVith] = await places(app, 'sankt vith');
    assert.equal(key(sanktVith), 'municipality:Sankt Vith:-:63067');
    assert.equal(sanktVith?.municipality.name.fr, 'Saint-Vith');
    assert.ok(sanktVith);
    const answer = await problem(app, lookupPath(sanktVith));
    assert.equal(answer.code, 'OUT_OF_COVERAGE');
    assert.deepEqual(
      answer.places?.map((place) => [place.name.de, place.postcode, place.region]),
      [['Sankt Vith', null, 'wallonia']],
    );
    const byPostcode = await problem(app, '/v1/lookup?postcode=4700');
    assert.deepEqual(
      byPostcode.places?.map((place) => place.nis),
      ['63023'],
    );
  });

  test('Wallonia by its French names: Liège and Namur, and their postcodes', async () => {
    const [liege] = await places(app, 'Liège');
    assert.equal(key(liege), 'municipality:Liège:-:62063');
    assert.equal(liege?.municipality.name.nl, 'Luik');
    const [namur] = await places(app, 'namur');
    assert.equal(key(namur), 'municipality:Namur:-:92094');
    const answer = await problem(app, '/v1/lookup?postcode=5000');
    assert.equal(answer.code, 'OUT_OF_COVERAGE');
    assert.deepEqual(
      answer.places?.map((place) => [place.nis, place.name.fr]),
      [['92094', 'Namur']],
    );
    const [postcode] = await places(app, '4000');
    assert.equal(key(postcode), 'postcode:4000:4000:62063');
  });

  test('Brussels answers as before: the pack is authoritative for its zones', async () => {
    const jette = await found(app, '/v1/lookup?postcode=1090');
    assert.deepEqual(
      jette.matches.map((match) => match.zone.id),
      ['bxl-nord'],
    );
    const centre = await found(app, '/v1/lookup?postcode=1000');
    assert.equal(centre.ambiguous, true);
    const [laken] = await places(app, 'laken');
    assert.equal(key(laken), 'locality:Laken:1020:21004');
  });
});

describe('every Belgian place over the reference pack', () => {
  const app = testAppAround([REFERENCE_PACK_DIR]);

  test("Kortessem keeps the pack's postcode and leads to Herkenrode", async () => {
    const named = await places(app, 'Kortessem');
    assert.equal(key(named[0]), 'former-municipality:Kortessem:3720:71072');
    // The gazetteer's own Kortessem (no postcode) is not added beside the pack's.
    assert.ok(
      named.every((place) => place.postcode === '3720'),
      named.map(key).join(),
    );
    const [kortessem] = named;
    assert.ok(kortessem);
    const result = await found(app, lookupPath(kortessem));
    assert.deepEqual(
      result.matches.filter((match) => match.layer === 'elz').map((match) => match.zone.id),
      ['elz-herkenrode'],
    );
  });

  test('2000 is in the Antwerp zones, Eupen out of coverage, 9999 unknown', async () => {
    const antwerpen = await found(app, '/v1/lookup?postcode=2000');
    assert.equal(antwerpen.ambiguous, true);
    assert.deepEqual([...new Set(antwerpen.matches.map((match) => match.zone.id))].sort(), [
      'elz-antwerpen-centrum',
      'elz-antwerpen-zuid',
      'elz-noord-antwerpen',
    ]);
    const eupen = await problem(app, '/v1/lookup?postcode=4700');
    assert.equal(eupen.code, 'OUT_OF_COVERAGE');
    assert.deepEqual(
      eupen.places?.map((place) => place.name.de),
      ['Eupen'],
    );
    assert.equal((await problem(app, '/v1/lookup?postcode=9999')).code, 'UNKNOWN_PLACE');
  });

  test('German and French names find the same municipalities as with the built-in pack', async () => {
    assert.equal(key((await places(app, 'sankt vith'))[0]), 'municipality:Sankt Vith:-:63067');
    assert.equal(key((await places(app, 'Liège'))[0]), 'municipality:Liège:-:62063');
    assert.equal(key((await places(app, 'Looz'))[0]), 'former-municipality:Looz:3840:73111');
  });
});
