import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type Ambiguity, certaintyOf, type LookupResult } from '@carezone/contract';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { loadPack } from '../packs/check-pack.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { loadZoneDirectory } from './load-zone-directory.js';
import { found, matchKeys, outOfCoverage, zoneIds } from './test-helpers/reference-directory.js';
import type { LookupRequest, ZoneDirectory } from './zone-directory.js';

const BXL = 'bxl-care-zones';

function ambiguityOf(result: LookupResult, layer: string): Ambiguity | undefined {
  return result.ambiguities.find((item) => item.layer === layer);
}

/** `nis/postcode → zones` of each choice of a layer, for short assertions. */
function choicesOf(result: LookupResult, layer: string): string[] {
  return (ambiguityOf(result, layer)?.choices ?? []).map(
    (choice) => `${choice.municipality.nis}/${choice.postcode ?? '-'} → ${choice.zones.join(' ') || '?'}`,
  );
}

/** The unknown-place problem of a request: the parameters named in its `errors`. */
function unknownPlace(directory: ZoneDirectory, request: LookupRequest): { path: string; code: string }[] {
  const outcome = directory.lookup(request);
  assert.equal(outcome.kind, 'unknown-place', JSON.stringify(outcome));
  if (outcome.kind !== 'unknown-place') return [];
  assert.ok(outcome.detail.length > 0);
  for (const error of outcome.errors) assert.equal(error.message, outcome.detail);
  return outcome.errors.map(({ path, code }) => ({ path, code }));
}

/** Each request is an unknown place naming one parameter (`path`) with its `code`. */
function assertUnknownPlaces(
  directory: ZoneDirectory,
  cases: readonly (readonly [request: LookupRequest, path: string, code: string])[],
): void {
  for (const [request, path, code] of cases) {
    assert.deepEqual(unknownPlace(directory, request), [{ path, code }], JSON.stringify(request));
  }
}

/**
 * Every choice of every ambiguity, asked alone (with the same layer), answers in that layer
 * exactly the zones the choice announced: its one zone, its remaining candidates, or none known.
 */
function assertChoicesKeepTheirWord(directory: ZoneDirectory, result: LookupResult): number {
  let checked = 0;
  for (const ambiguity of result.ambiguities) {
    for (const choice of ambiguity.choices) {
      const request: LookupRequest =
        choice.query.postcode === undefined
          ? { by: 'nis', nis: choice.query.nis, layer: ambiguity.layer }
          : {
              by: 'postcode',
              postcode: choice.query.postcode,
              nis: choice.query.nis,
              layer: ambiguity.layer,
            };
      const narrowed = found(directory, request);
      const what = `${JSON.stringify(result.query)} → ${JSON.stringify(choice.query)}`;
      assert.deepEqual(zoneIds(narrowed, ambiguity.layer), [...choice.zones].sort(), what);
      if (choice.zones.length === 0) assert.equal(certaintyOf(narrowed, ambiguity.layer), 'unknown', what);
      checked++;
    }
  }
  return checked;
}

describe('lookup on the reference pack', () => {
  let directory: ZoneDirectory;
  before(async () => {
    directory = await loadZoneDirectory([REFERENCE_PACK_DIR]);
  });

  it('finds a Brussels municipality by postcode and by NIS', () => {
    const byPostcode = found(directory, { by: 'postcode', postcode: '1082' });
    assert.equal(byPostcode.ambiguous, false);
    assert.deepEqual(matchKeys(byPostcode), ['bxl-nord@21003/1082', 'elz-bruzel@21003/1082']);
    assert.equal(byPostcode.dataVersion, '2025-01-01');
    const byNis = found(directory, { by: 'nis', nis: '21009' });
    assert.deepEqual(zoneIds(byNis, BXL), ['bxl-sud']);
    assert.equal(byNis.matches[0]?.places[0]?.municipality?.name.nl, 'Elsene');
    assert.deepEqual(byNis.query, { nis: '21009' });
  });

  it('calls 1000 a choice between Centre-Ouest and Sud that the pack cannot narrow', () => {
    const result = found(directory, { by: 'postcode', postcode: '1000' });
    assert.equal(result.ambiguous, true);
    const bxl = result.matches.filter((match) => match.layer === BXL);
    assert.deepEqual(
      bxl.map((match) => [match.zone.id, match.coverage, match.confidence]),
      [
        ['bxl-centre-ouest', 'partial', 'likely'],
        ['bxl-sud', 'partial', 'ambiguous'],
      ],
    );
    assert.deepEqual(result.ambiguities, [
      {
        layer: BXL,
        certainty: 'choose',
        reasons: ['several-zones', 'uncertain'],
        unresolved: [],
        narrowable: false,
        choices: [],
      },
    ]);
    assert.equal(certaintyOf(result, 'elz'), 'certain');
  });

  it('gives 1020 (Laeken) to Nord, certain', () => {
    const result = found(directory, { by: 'postcode', postcode: '1020' });
    assert.equal(result.ambiguous, false);
    assert.deepEqual(zoneIds(result, BXL), ['bxl-nord']);
    assert.deepEqual(result.ambiguities, []);
    assert.equal(certaintyOf(result, BXL), 'certain');
    assert.equal(certaintyOf(result, 'elsewhere'), undefined);
  });

  it('lists BruZEL once for 1040, reached through both municipalities', () => {
    const result = found(directory, { by: 'postcode', postcode: '1040', layer: 'elz' });
    assert.equal(result.matches.length, 1);
    const [bruzel] = result.matches;
    assert.equal(bruzel?.zone.id, 'elz-bruzel');
    assert.deepEqual(
      bruzel?.places.map((place) => [
        place.municipality?.nis,
        place.postcode,
        place.coverage,
        place.confidence,
      ]),
      [
        ['21004', '1040', 'whole', 'documented'],
        ['21005', '1040', 'whole', 'documented'],
      ],
    );
    assert.deepEqual([bruzel?.coverage, bruzel?.confidence], ['whole', 'documented']);
    assert.equal(certaintyOf(result, 'elz'), 'certain');
  });

  it("asks which part of 1040: Etterbeek's is Sud-Est, Brussels-City's has no known zone", () => {
    const result = found(directory, { by: 'postcode', postcode: '1040' });
    assert.equal(result.ambiguous, true);
    assert.deepEqual(zoneIds(result, BXL), ['bxl-sud-est']);
    // Sud-Est covers only Etterbeek's part: not presented as the zone of all of 1040.
    assert.equal(result.matches[0]?.coverage, 'partial');
    const ambiguity = ambiguityOf(result, BXL);
    assert.equal(ambiguity?.certainty, 'choose');
    assert.deepEqual(ambiguity?.reasons, ['unknown-part']);
    assert.deepEqual(
      ambiguity?.unresolved.map((place) => [place.municipality?.nis, place.postcode]),
      [['21004', '1040']],
    );
    assert.equal(ambiguity?.narrowable, true);
    assert.deepEqual(choicesOf(result, BXL), ['21004/1040 → ?', '21005/1040 → bxl-sud-est']);
    assert.deepEqual(
      ambiguity?.choices.map((choice) => [choice.query, choice.localities, choice.municipality.name.nl]),
      [
        [{ nis: '21004', postcode: '1040' }, ['Etterbeek'], 'Brussel'],
        [{ nis: '21005', postcode: '1040' }, ['Etterbeek'], 'Etterbeek'],
      ],
    );
  });

  it('narrows 1040 to Etterbeek with nis=21005: Sud-Est alone, certain', () => {
    const result = found(directory, { by: 'postcode', postcode: '1040', nis: '21005' });
    assert.deepEqual(result.query, { postcode: '1040', nis: '21005' });
    assert.equal(result.ambiguous, false);
    assert.deepEqual(result.ambiguities, []);
    assert.deepEqual(matchKeys(result), ['bxl-sud-est@21005/1040', 'elz-bruzel@21005/1040']);
    assert.deepEqual(
      result.matches.map((match) => [match.matchedBy, match.coverage, match.confidence]),
      [
        ['postcode', 'whole', 'documented'],
        ['postcode', 'whole', 'documented'],
      ],
    );
  });

  it("says plainly that no zone is known for Brussels-City's part of 1040", () => {
    const result = found(directory, { by: 'postcode', postcode: '1040', nis: '21004' });
    assert.deepEqual(zoneIds(result, BXL), []);
    assert.equal(certaintyOf(result, BXL), 'unknown');
    assert.deepEqual(ambiguityOf(result, BXL), {
      layer: BXL,
      certainty: 'unknown',
      reasons: ['unknown-part'],
      unresolved: [result.ambiguities[0]?.unresolved[0]],
      narrowable: false,
      choices: [],
    });
    assert.equal(ambiguityOf(result, BXL)?.unresolved[0]?.municipality?.nis, '21004');
    // Nothing to choose: the question cannot be asked any further.
    assert.equal(result.ambiguous, false);
    assert.deepEqual(zoneIds(result, 'elz'), ['elz-bruzel']);
  });

  it('calls 1050 probable Sud: sure in Ixelles, not in the part of Brussels-City', () => {
    const result = found(directory, { by: 'postcode', postcode: '1050' });
    assert.equal(result.ambiguous, false);
    const sud = result.matches.filter((match) => match.layer === BXL);
    assert.equal(sud.length, 1);
    assert.deepEqual(
      [sud[0]?.zone.id, sud[0]?.coverage, sud[0]?.confidence],
      ['bxl-sud', 'partial', 'ambiguous'],
    );
    assert.deepEqual(
      sud[0]?.places.map((place) => [place.municipality?.nis, place.coverage, place.confidence]),
      [
        ['21004', 'partial', 'ambiguous'],
        ['21009', 'whole', 'documented'],
      ],
    );
    const ambiguity = ambiguityOf(result, BXL);
    assert.equal(ambiguity?.certainty, 'probable');
    assert.deepEqual(ambiguity?.reasons, ['uncertain']);
    // Asking for Ixelles makes it certain, so the question is worth offering.
    assert.equal(ambiguity?.narrowable, true);
    assert.deepEqual(choicesOf(result, BXL), ['21004/1050 → bxl-sud', '21009/1050 → bxl-sud']);
    assert.equal(
      certaintyOf(found(directory, { by: 'postcode', postcode: '1050', nis: '21009' }), BXL),
      'certain',
    );
  });

  it('calls Schaerbeek probable (Nord-Est is likely, not documented), with nothing to narrow', () => {
    const result = found(directory, { by: 'postcode', postcode: '1030', layer: BXL });
    assert.deepEqual(
      result.matches.map((match) => [match.zone.id, match.coverage, match.confidence]),
      [['bxl-nord-est', 'whole', 'likely']],
    );
    assert.deepEqual(result.ambiguities, [
      {
        layer: BXL,
        certainty: 'probable',
        reasons: ['uncertain'],
        unresolved: [],
        narrowable: false,
        choices: [],
      },
    ]);
    assert.equal(result.ambiguous, false);
  });

  it('splits Antwerp by district: 2000 between 3 ELZ it cannot narrow, Deurne and Borsbeek to Oost, Berchem to Centrum', () => {
    const city = found(directory, { by: 'postcode', postcode: '2000' });
    assert.equal(city.ambiguous, true);
    assert.deepEqual(zoneIds(city, 'elz'), [
      'elz-antwerpen-centrum',
      'elz-antwerpen-zuid',
      'elz-noord-antwerpen',
    ]);
    assert.deepEqual(
      [ambiguityOf(city, 'elz')?.certainty, ambiguityOf(city, 'elz')?.narrowable, choicesOf(city, 'elz')],
      ['choose', false, []],
    );
    for (const [postcode, zone] of [
      ['2100', 'elz-antwerpen-oost'],
      ['2150', 'elz-antwerpen-oost'],
      ['2600', 'elz-antwerpen-centrum'],
    ] as const) {
      const result = found(directory, { by: 'postcode', postcode });
      assert.equal(result.ambiguous, false, postcode);
      assert.deepEqual(zoneIds(result, 'elz'), [zone], postcode);
      assert.equal(certaintyOf(result, 'elz'), 'certain', postcode);
    }
  });

  it('offers the municipality of Antwerp its 4 ELZ, with a choice per district postcode', () => {
    const result = found(directory, { by: 'nis', nis: '11002', layer: 'elz' });
    assert.equal(result.ambiguous, true);
    assert.deepEqual(zoneIds(result, 'elz'), [
      'elz-antwerpen-centrum',
      'elz-antwerpen-oost',
      'elz-antwerpen-zuid',
      'elz-noord-antwerpen',
    ]);
    const city = 'elz-antwerpen-centrum elz-antwerpen-zuid elz-noord-antwerpen';
    assert.deepEqual(choicesOf(result, 'elz'), [
      `11002/2000 → ${city}`,
      `11002/2018 → ${city}`,
      `11002/2020 → ${city}`,
      `11002/2030 → ${city}`,
      '11002/2040 → elz-noord-antwerpen',
      `11002/2050 → ${city}`,
      `11002/2060 → ${city}`,
      '11002/2100 → elz-antwerpen-oost',
      '11002/2140 → elz-antwerpen-oost',
      '11002/2150 → elz-antwerpen-oost',
      '11002/2170 → elz-noord-antwerpen',
      '11002/2180 → elz-noord-antwerpen',
      '11002/2600 → elz-antwerpen-centrum',
      '11002/2610 → elz-antwerpen-zuid',
      '11002/2660 → elz-antwerpen-zuid',
    ]);
    const choice = (postcode: string) =>
      ambiguityOf(result, 'elz')?.choices.find((item) => item.postcode === postcode)?.localities;
    assert.deepEqual(choice('2040'), ['Antwerpen', 'Berendrecht', 'Lillo', 'Zandvliet']);
    assert.deepEqual(choice('2150'), ['Borsbeek']);
    assert.equal(assertChoicesKeepTheirWord(directory, result), 15);
  });

  it('follows the 2025 mergers: Kortessem 3720 gets the ELZ of Hasselt', () => {
    const result = found(directory, { by: 'postcode', postcode: '3720' });
    const hasselt = found(directory, { by: 'nis', nis: '71072' });
    assert.equal(result.ambiguous, false);
    assert.equal(result.matches[0]?.places[0]?.municipality?.nis, '71072');
    assert.deepEqual(zoneIds(result, 'elz'), zoneIds(hasselt, 'elz'));
  });

  it('gives every Brussels-City candidate for its NIS, with its postcodes as choices', () => {
    const result = found(directory, { by: 'nis', nis: '21004' });
    assert.equal(result.ambiguous, true);
    assert.deepEqual(zoneIds(result, BXL), ['bxl-centre-ouest', 'bxl-nord', 'bxl-sud']);
    assert.ok(
      result.matches.filter((match) => match.layer === BXL).every((match) => match.coverage === 'partial'),
    );
    assert.deepEqual(
      ambiguityOf(result, BXL)?.unresolved.map((place) => place.postcode),
      ['1040'],
    );
    assert.deepEqual(choicesOf(result, BXL), [
      '21004/1000 → bxl-centre-ouest bxl-sud',
      '21004/1020 → bxl-nord',
      '21004/1040 → ?',
      '21004/1050 → bxl-sud',
      '21004/1120 → bxl-nord',
      '21004/1130 → bxl-nord',
    ]);
    assert.deepEqual(
      ambiguityOf(result, BXL)?.choices.find((choice) => choice.postcode === '1020')?.localities,
      ['Laeken', 'Laken'],
    );
    // BruZEL covers all of Brussels-City: one place, the municipality, not its postcodes.
    assert.deepEqual(matchKeys(found(directory, { by: 'nis', nis: '21004', layer: 'elz' })), [
      'elz-bruzel@21004/-',
    ]);
    assert.equal(assertChoicesKeepTheirWord(directory, result), 6);
  });

  it('narrows by a locality name within a postcode or a municipality, as the search compares names', () => {
    const laken = found(directory, { by: 'postcode', postcode: '1020', locality: 'LAKEN' });
    assert.deepEqual(laken.query, { postcode: '1020', locality: 'LAKEN' });
    assert.deepEqual(matchKeys(laken), ['bxl-nord@21004/1020', 'elz-bruzel@21004/1020']);
    assert.ok(laken.matches.every((match) => match.matchedBy === 'locality'));
    const heembeek = found(directory, {
      by: 'nis',
      nis: '21004',
      locality: 'neder over heembeek',
      layer: BXL,
    });
    assert.deepEqual(matchKeys(heembeek), ['bxl-nord@21004/1120']);
    assert.equal(certaintyOf(heembeek, BXL), 'certain');
    const deurne = found(directory, { by: 'nis', nis: '11002', locality: 'Deurne' });
    assert.deepEqual(zoneIds(deurne, 'elz'), ['elz-antwerpen-oost']);
    // A locality that both municipalities of 1040 have is still both of them.
    const etterbeek = found(directory, {
      by: 'postcode',
      postcode: '1040',
      locality: 'Etterbeek',
      layer: BXL,
    });
    assert.equal(certaintyOf(etterbeek, BXL), 'choose');
    const only = found(directory, { by: 'postcode', postcode: '1040', nis: '21005', locality: 'etterbeek' });
    assert.equal(certaintyOf(only, BXL), 'certain');
  });

  it('answers unknown place, naming the parameter, for a place the parameters do not make together', () => {
    assertUnknownPlaces(directory, [
      [{ by: 'postcode', postcode: '1040', nis: '21009' }, 'nis', 'not_in_postcode'],
      [{ by: 'postcode', postcode: '1020', locality: 'Atlantis' }, 'locality', 'unknown_locality'],
      // Laken is in 1020, not in 1000.
      [{ by: 'postcode', postcode: '1000', locality: 'Laken' }, 'locality', 'unknown_locality'],
      [{ by: 'nis', nis: '21009', locality: 'Laken' }, 'locality', 'unknown_locality'],
      [{ by: 'postcode', postcode: '9999', nis: '21004' }, 'postcode', 'unknown_postcode'],
      [{ by: 'postcode', postcode: '1040', nis: '99999' }, 'nis', 'unknown_nis'],
    ]);
  });

  it('restricts a lookup to one layer', () => {
    const result = found(directory, { by: 'postcode', postcode: '1000', layer: 'elz' });
    assert.deepEqual(matchKeys(result), ['elz-bruzel@21004/1000']);
    assert.equal(result.ambiguous, false);
    assert.equal(result.query.layer, 'elz');
  });

  it('answers out of coverage for Walloon postcodes, naming the place, also with their NIS code', () => {
    for (const [postcode, name] of [
      ['5000', 'Namur'],
      ['4000', 'Liège'],
      ['6000', 'Charleroi'],
    ] as const) {
      const places = outOfCoverage(directory, { by: 'postcode', postcode });
      assert.deepEqual(
        places.map((place) => [place.name.fr, place.postcode, place.region]),
        [[name, postcode, 'wallonia']],
      );
    }
    assert.deepEqual(
      outOfCoverage(directory, { by: 'postcode', postcode: '5000', nis: '92094' }).map((place) => place.nis),
      ['92094'],
    );
  });

  it('answers unknown place for postcodes and NIS codes that no pack has', () => {
    assertUnknownPlaces(directory, [
      [{ by: 'postcode', postcode: '1001' }, 'postcode', 'unknown_postcode'],
      [{ by: 'postcode', postcode: '9999' }, 'postcode', 'unknown_postcode'],
      [{ by: 'nis', nis: '99999' }, 'nis', 'unknown_nis'],
    ]);
  });
});

describe('every answer of the reference pack', () => {
  let directory: ZoneDirectory;
  let requests: LookupRequest[];
  /** Requests about Flanders or Brussels, which the pack's layers cover (Wallonia is outside). */
  let covered: number;
  before(async () => {
    directory = await loadZoneDirectory([REFERENCE_PACK_DIR]);
    const pack = await loadPack(REFERENCE_PACK_DIR);
    const postcodes = [...new Set(pack.municipalities.flatMap((row) => row.postcodes))].sort();
    requests = [
      ...postcodes.map((postcode): LookupRequest => ({ by: 'postcode', postcode })),
      ...pack.municipalities.map((row): LookupRequest => ({ by: 'nis', nis: row.nis })),
    ];
    const inCoverage = pack.municipalities.filter((row) => row.region !== 'wallonia');
    covered = new Set(inCoverage.flatMap((row) => row.postcodes)).size + inCoverage.length;
  });

  it('lists each (layer, zone) once, over every postcode and every municipality', () => {
    assert.equal(requests.length, 1149 + 565);
    let answered = 0;
    for (const request of requests) {
      const outcome = directory.lookup(request);
      if (outcome.kind !== 'found') continue;
      answered++;
      const keys = outcome.result.matches.map((match) => `${match.layer}/${match.zone.id}`);
      assert.equal(new Set(keys).size, keys.length, `${JSON.stringify(request)}: ${keys.join(', ')}`);
    }
    assert.equal(answered, covered);
  });

  it('says each layer one way, consistent with its matches, and keeps every choice’s word', () => {
    let choices = 0;
    const seen = new Set<string>();
    for (const request of requests) {
      const outcome = directory.lookup(request);
      if (outcome.kind !== 'found') continue;
      const result = found(directory, request);
      const what = JSON.stringify(request);
      const layers = new Set([
        ...result.matches.map((match) => match.layer),
        ...result.ambiguities.map((item) => item.layer),
      ]);
      for (const layer of layers) {
        const matches = result.matches.filter((match) => match.layer === layer);
        const certainty = certaintyOf(result, layer);
        seen.add(certainty ?? 'none');
        assert.ok(
          matches.every((match) => match.places.length > 0),
          what,
        );
        if (certainty === 'certain') {
          assert.equal(matches.length, 1, what);
          assert.deepEqual([matches[0]?.coverage, matches[0]?.confidence], ['whole', 'documented'], what);
        } else if (certainty === 'probable') {
          assert.equal(matches.length, 1, what);
          assert.notDeepEqual([matches[0]?.coverage, matches[0]?.confidence], ['whole', 'documented'], what);
        } else if (certainty === 'choose') {
          const unresolved = ambiguityOf(result, layer)?.unresolved.length ?? 0;
          assert.ok(matches.length > 1 || (matches.length === 1 && unresolved > 0), what);
          assert.ok(
            matches.every((match) => match.coverage === 'partial'),
            what,
          );
        } else {
          assert.equal(matches.length, 0, what);
        }
        const ambiguity = ambiguityOf(result, layer);
        if (ambiguity && !ambiguity.narrowable) assert.deepEqual(ambiguity.choices, [], what);
        for (const choice of ambiguity?.choices ?? []) {
          assert.ok(
            choice.zones.every((zone) => matches.some((match) => match.zone.id === zone)),
            what,
          );
        }
      }
      assert.equal(
        result.ambiguous,
        result.ambiguities.some((item) => item.certainty === 'choose'),
        what,
      );
      choices += assertChoicesKeepTheirWord(directory, result);
    }
    assert.deepEqual([...seen].sort(), ['certain', 'choose', 'probable']);
    assert.ok(choices > 20, String(choices));
  });
});

describe('lookup narrowing on the built-in Brussels pack', () => {
  let directory: ZoneDirectory;
  before(async () => {
    directory = await loadZoneDirectory([BUILTIN_PACK_DIR]);
  });

  it('gives 1020 to Noord, certain', () => {
    const result = found(directory, { by: 'postcode', postcode: '1020' });
    assert.deepEqual(matchKeys(result), ['bxl-nord@21004/1020']);
    assert.deepEqual(
      [result.ambiguous, result.ambiguities, certaintyOf(result, BXL)],
      [false, [], 'certain'],
    );
  });

  it('calls Schaerbeek probable: one zone, its membership likely', () => {
    const result = found(directory, { by: 'nis', nis: '21015' });
    assert.deepEqual(zoneIds(result, BXL), ['bxl-nord-est']);
    assert.equal(certaintyOf(result, BXL), 'probable');
    assert.equal(result.matches[0]?.confidence, 'likely');
    assert.equal(result.ambiguous, false);
  });

  it('cannot narrow 1000: both candidates, each with its contact, and no choice to offer', () => {
    for (const request of [
      { by: 'postcode', postcode: '1000' },
      { by: 'postcode', postcode: '1000', nis: '21004' },
      { by: 'postcode', postcode: '1000', locality: 'Bruxelles' },
    ] as const) {
      const result = found(directory, request);
      const what = JSON.stringify(request);
      assert.equal(result.ambiguous, true, what);
      assert.deepEqual(
        result.matches.map((match) => [match.zone.id, match.zone.contact.website]),
        [
          ['bxl-centre-ouest', 'https://bassin-centre-ouest.brussels'],
          ['bxl-sud', 'https://bassin-sud.brussels'],
        ],
        what,
      );
      const ambiguity = ambiguityOf(result, BXL);
      assert.deepEqual(
        [ambiguity?.certainty, ambiguity?.narrowable, ambiguity?.choices],
        ['choose', false, []],
        what,
      );
    }
  });

  it('offers the two parts of 1040, and Etterbeek alone is Sud-Est, certain', () => {
    const result = found(directory, { by: 'postcode', postcode: '1040' });
    assert.equal(certaintyOf(result, BXL), 'choose');
    assert.deepEqual(choicesOf(result, BXL), ['21004/1040 → ?', '21005/1040 → bxl-sud-est']);
    assert.deepEqual(
      ambiguityOf(result, BXL)?.choices.map((choice) => choice.localities),
      [[], ['Etterbeek']],
    );
    const etterbeek = found(directory, { by: 'postcode', postcode: '1040', nis: '21005' });
    assert.deepEqual(matchKeys(etterbeek), ['bxl-sud-est@21005/1040']);
    assert.deepEqual([etterbeek.ambiguous, certaintyOf(etterbeek, BXL)], [false, 'certain']);
    assert.equal(assertChoicesKeepTheirWord(directory, result), 2);
  });

  it("answers Brussels-City's part of 1040 with no zone, and nothing further to ask", () => {
    const result = found(directory, { by: 'postcode', postcode: '1040', nis: '21004' });
    assert.deepEqual(result.matches, []);
    assert.deepEqual(
      result.ambiguities.map((item) => [item.layer, item.certainty, item.reasons, item.narrowable]),
      [[BXL, 'unknown', ['unknown-part'], false]],
    );
    assert.equal(result.ambiguous, false);
  });

  it('offers the parts of Brussels-City by postcode, with their localities', () => {
    const result = found(directory, { by: 'nis', nis: '21004' });
    assert.deepEqual(
      ambiguityOf(result, BXL)?.choices.map(
        (choice) => `${choice.postcode} ${choice.localities.join('/')} → ${choice.zones.join(' ') || '?'}`,
      ),
      [
        '1000 Brussel/Bruxelles → bxl-centre-ouest bxl-sud',
        '1020 Laeken/Laken → bxl-nord',
        '1040  → ?',
        '1050  → bxl-sud',
        '1120 Neder-Over-Heembeek → bxl-nord',
        '1130 Haren → bxl-nord',
      ],
    );
    assert.equal(assertChoicesKeepTheirWord(directory, result), 6);
    const laken = found(directory, { by: 'nis', nis: '21004', locality: 'Laken' });
    assert.deepEqual(matchKeys(laken), ['bxl-nord@21004/1020']);
  });
});

describe('point lookup on the reference pack', () => {
  let directory: ZoneDirectory;
  before(async () => {
    directory = await loadZoneDirectory([REFERENCE_PACK_DIR]);
  });

  it('finds the zone polygon that contains a point', () => {
    const gent = found(directory, { by: 'point', lat: 51.054, lon: 3.725 });
    assert.deepEqual(matchKeys(gent), ['elz-gent@44021/-']);
    assert.equal(gent.matches[0]?.matchedBy, 'point');
    const ixelles = found(directory, { by: 'point', lat: 50.827, lon: 4.372 });
    assert.deepEqual(zoneIds(ixelles, BXL), ['bxl-sud']);
    assert.equal(ixelles.ambiguous, false);
  });

  it("places a point of Antwerp's centre with the polygons, certain, where its postcode is a choice", () => {
    const result = found(directory, { by: 'point', lat: 51.2211, lon: 4.3997, layer: 'elz' });
    assert.deepEqual(matchKeys(result), ['elz-antwerpen-centrum@11002/-']);
    assert.equal(certaintyOf(result, 'elz'), 'certain');
  });

  it('falls back to the municipality polygon in Brussels-City, which offers its postcodes', () => {
    const result = found(directory, { by: 'point', lat: 50.846, lon: 4.352 });
    assert.equal(result.ambiguous, true);
    const bxl = result.matches.filter((match) => match.layer === BXL);
    assert.ok(bxl.length >= 2);
    assert.ok(
      bxl.every(
        (match) =>
          match.matchedBy === 'municipality-polygon' &&
          match.places.every((place) => place.municipality?.nis === '21004'),
      ),
    );
    assert.deepEqual(zoneIds(result, 'elz'), ['elz-bruzel']);
    assert.equal(ambiguityOf(result, BXL)?.narrowable, true);
    assert.ok(choicesOf(result, BXL).includes('21004/1020 → bxl-nord'));
  });

  it('finds nothing outside Flanders and Brussels', () => {
    for (const [lat, lon] of [
      [50.467, 4.867],
      [51.5, 2.5],
      [0, 0],
    ] as const) {
      assert.deepEqual(outOfCoverage(directory, { by: 'point', lat, lon }), [], `${lat},${lon}`);
    }
  });

  it('calls a point on the shared border of two zones a choice it cannot narrow by place', () => {
    const vertices = (id: string): string[] => {
      const feature = directory.geometry(id);
      assert.ok(feature, id);
      const { geometry } = feature;
      const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
      return rings.flat().map((position) => position.join(','));
    };
    // Sud (Ixelles) and Sud-Est (Etterbeek, Auderghem) are neighbours: their polygons share vertices.
    const sud = new Set(vertices('bxl-sud'));
    const shared = vertices('bxl-sud-est').find((vertex) => sud.has(vertex));
    assert.ok(shared, 'Sud and Sud-Est share a boundary vertex');
    const [lon = 0, lat = 0] = shared.split(',').map(Number);
    const result = found(directory, { by: 'point', lat, lon, layer: BXL });
    assert.equal(result.ambiguous, true);
    assert.deepEqual(zoneIds(result, BXL), ['bxl-sud', 'bxl-sud-est']);
    const ambiguity = ambiguityOf(result, BXL);
    assert.deepEqual(ambiguity?.reasons.slice(0, 1), ['border']);
    assert.deepEqual(
      [ambiguity?.certainty, ambiguity?.narrowable, ambiguity?.choices],
      ['choose', false, []],
    );
  });
});
