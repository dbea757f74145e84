import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { certaintyOf, LookupResult, Problem } from '@carezone/contract';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { type InProcessApp, testAppAround } from '../test-helpers/app.js';
import { assertInvalidQuery, getJson, getProblem } from '../test-helpers/http.js';

const BXL = 'bxl-care-zones';

const lookup = (app: InProcessApp, query: string): Promise<LookupResult> =>
  getJson(app, `/v1/lookup?${query}`, LookupResult);
const problem = (app: InProcessApp, query: string, status: number): Promise<Problem> =>
  getProblem(app, `/v1/lookup?${query}`, status);

/** The UNKNOWN_PLACE problem of a query: `path:code` of each error it names, and its detail. */
async function unknownPlace(app: InProcessApp, query: string): Promise<{ errors: string[]; detail: string }> {
  const found = await problem(app, query, 404);
  assert.equal(found.code, 'UNKNOWN_PLACE', query);
  return {
    errors: found.errors?.map((error) => `${error.path}:${error.code}`) ?? [],
    detail: found.detail ?? '',
  };
}

function zoneIds(result: LookupResult, layer: string): string[] {
  return result.matches.filter((match) => match.layer === layer).map((match) => match.zone.id);
}

describe('GET /v1/lookup narrowing, over the reference pack', () => {
  const app = testAppAround();

  test('postcode=1040&nis=21005 is the part of 1040 that is Etterbeek: Sud-Est alone, certain', async () => {
    const result = await lookup(app, 'postcode=1040&nis=21005');
    assert.deepEqual(result.query, { postcode: '1040', nis: '21005' });
    assert.deepEqual(zoneIds(result, BXL), ['bxl-sud-est']);
    assert.equal(certaintyOf(result, BXL), 'certain');
    assert.equal(result.ambiguous, false);
  });

  test('a choice of 1040 carries the query that answers it, and that query answers it', async () => {
    const result = await lookup(app, 'postcode=1040&layer=bxl-care-zones');
    const [ambiguity] = result.ambiguities;
    assert.equal(ambiguity?.certainty, 'choose');
    assert.equal(ambiguity?.narrowable, true);
    for (const choice of ambiguity?.choices ?? []) {
      const params = new URLSearchParams({ ...choice.query, layer: BXL }).toString();
      const narrowed = await lookup(app, params);
      assert.deepEqual(zoneIds(narrowed, BXL), choice.zones, params);
      assert.equal(certaintyOf(narrowed, BXL), choice.zones.length === 0 ? 'unknown' : 'certain', params);
    }
    assert.equal(ambiguity?.choices.length, 2);
  });

  test('one zone of a layer is one match: BruZEL once for 1040, with both municipalities', async () => {
    const result = await lookup(app, 'postcode=1040&layer=elz');
    assert.deepEqual(zoneIds(result, 'elz'), ['elz-bruzel']);
    assert.deepEqual(
      result.matches[0]?.places.map((place) => place.municipality?.nis),
      ['21004', '21005'],
    );
  });

  test('a locality narrows a postcode or a municipality, and is echoed', async () => {
    const laken = await lookup(app, 'postcode=1020&locality=Laken&layer=bxl-care-zones');
    assert.deepEqual(laken.query, { postcode: '1020', locality: 'Laken', layer: BXL });
    assert.deepEqual(zoneIds(laken, BXL), ['bxl-nord']);
    assert.equal(laken.matches[0]?.matchedBy, 'locality');
    const heembeek = await lookup(app, 'nis=21004&locality=Neder-Over-Heembeek&layer=bxl-care-zones');
    assert.deepEqual(
      heembeek.matches[0]?.places.map((place) => place.postcode),
      ['1120'],
    );
    const borsbeek = await lookup(app, `nis=11002&locality=${encodeURIComponent(' borsbeek ')}&layer=elz`);
    assert.deepEqual(zoneIds(borsbeek, 'elz'), ['elz-antwerpen-oost']);
  });

  test('Antwerp by NIS offers its 4 ELZ; 2000 is 3 of them, which the pack cannot narrow', async () => {
    const city = await lookup(app, 'nis=11002&layer=elz');
    assert.equal(city.matches.length, 4);
    assert.equal(city.ambiguities[0]?.choices.length, 15);
    const district = await lookup(app, 'postcode=2000&layer=elz');
    assert.equal(district.matches.length, 3);
    assert.deepEqual(
      [
        district.ambiguities[0]?.certainty,
        district.ambiguities[0]?.narrowable,
        district.ambiguities[0]?.choices,
      ],
      ['choose', false, []],
    );
  });

  test('a municipality without the postcode is UNKNOWN_PLACE, naming nis and the municipalities of 1040', async () => {
    const { errors, detail } = await unknownPlace(app, 'postcode=1040&nis=21009');
    assert.deepEqual(errors, ['nis:not_in_postcode']);
    assert.match(detail, /21004/);
    assert.match(detail, /21005/);
  });

  test('an unknown locality is UNKNOWN_PLACE, naming the localities of the postcode', async () => {
    const { errors, detail } = await unknownPlace(app, 'postcode=1020&locality=Atlantis');
    assert.deepEqual(errors, ['locality:unknown_locality']);
    assert.match(detail, /Laeken, Laken/);
  });

  test('a locality alone, or with a point, and an empty or long one, are INVALID_QUERY', async () => {
    for (const [query, path] of [
      ['locality=Laken', 'locality'],
      ['lat=50.85&lon=4.35&locality=Laken', 'locality'],
      ['postcode=1020&locality=', 'locality'],
      ['postcode=1020&locality=%20%20', 'locality'],
      [`postcode=1020&locality=${'a'.repeat(101)}`, 'locality'],
      ['nis=21004&lat=50.85&lon=4.35', ''],
    ] as const) {
      await assertInvalidQuery(app, `/v1/lookup?${query}`, path);
    }
  });

  test('nasty locality values answer a 4xx problem, never a 5xx', async () => {
    const statuses = new Set<number>();
    for (const value of [
      'a'.repeat(5000),
      encodeURIComponent("' OR 1=1 --"),
      encodeURIComponent('<script>alert(1)</script>'),
      encodeURIComponent('😀🇧🇪'),
      encodeURIComponent('\u202Eatlantis'),
      encodeURIComponent('---'),
      '%00',
      '%ED%A0%80',
      '%ZZ',
      '[]',
    ]) {
      for (const place of ['postcode=1020', 'nis=21004', 'postcode=1020&nis=21004']) {
        const query = `${place}&locality=${value}`;
        const response = await app.request(`/v1/lookup?${query}`);
        assert.ok(
          response.status >= 400 && response.status < 500,
          `${query.slice(0, 80)}: ${response.status}`,
        );
        assert.ok(Problem.safeParse(await response.json()).success, query.slice(0, 80));
        statuses.add(response.status);
      }
    }
    assert.deepEqual([...statuses].sort(), [400, 404]);
    // Invisible marks go the way of punctuation: a right-to-left override before Laken is Laken.
    const laken = await lookup(app, `postcode=1020&locality=${encodeURIComponent('\u202Elaken')}`);
    assert.deepEqual(zoneIds(laken, BXL), ['bxl-nord']);
  });
});

describe('GET /v1/lookup narrowing, over the built-in pack', () => {
  const app = testAppAround([BUILTIN_PACK_DIR]);

  test('1000 cannot be narrowed: both candidates with their contact, narrowable false', async () => {
    const result = await lookup(app, 'postcode=1000');
    assert.equal(result.ambiguous, true);
    assert.deepEqual(
      result.matches.map((match) => [match.zone.id, match.zone.contact.website]),
      [
        ['bxl-centre-ouest', 'https://bassin-centre-ouest.brussels'],
        ['bxl-sud', 'https://bassin-sud.brussels'],
      ],
    );
    assert.deepEqual(
      result.ambiguities.map((item) => [item.certainty, item.narrowable, item.choices.length]),
      [['choose', false, 0]],
    );
  });

  test('the Brussels-City part of 1040 answers 200 with no zone, certainty unknown', async () => {
    const result = await lookup(app, 'postcode=1040&nis=21004');
    assert.deepEqual(result.matches, []);
    assert.equal(certaintyOf(result, BXL), 'unknown');
    assert.equal(result.ambiguous, false);
  });

  test('1020 is Noord, certain; Schaerbeek is Nord-Est, probable', async () => {
    assert.equal(certaintyOf(await lookup(app, 'postcode=1020'), BXL), 'certain');
    const schaerbeek = await lookup(app, 'postcode=1030');
    assert.deepEqual(zoneIds(schaerbeek, BXL), ['bxl-nord-est']);
    assert.equal(certaintyOf(schaerbeek, BXL), 'probable');
  });
});
