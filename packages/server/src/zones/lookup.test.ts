import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { loadZoneDirectory } from './load-zone-directory.js';
import { found, matchKeys, outOfCoverage, zoneIds } from './test-helpers/reference-directory.js';
import type { ZoneDirectory } from './zone-directory.js';

const BXL = 'bxl-care-zones';

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
    assert.equal(byNis.matches[0]?.place.municipality?.name.nl, 'Elsene');
    assert.deepEqual(byNis.query, { nis: '21009' });
  });

  it('calls 1000 ambiguous between Centre-Ouest and Sud, with their confidence', () => {
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
      { layer: BXL, reasons: ['several-zones', 'uncertain'], unresolved: [] },
    ]);
  });

  it('gives 1020 (Laeken) to Nord, certain', () => {
    const result = found(directory, { by: 'postcode', postcode: '1020' });
    assert.equal(result.ambiguous, false);
    assert.deepEqual(zoneIds(result, BXL), ['bxl-nord']);
    assert.deepEqual(result.ambiguities, []);
  });

  it("reports Brussels-City's part of 1040 as unknown, without presenting Etterbeek's zone as certain", () => {
    const result = found(directory, { by: 'postcode', postcode: '1040' });
    assert.equal(result.ambiguous, true);
    assert.deepEqual(zoneIds(result, BXL), ['bxl-sud-est']);
    const ambiguity = result.ambiguities.find((item) => item.layer === BXL);
    assert.deepEqual(ambiguity?.reasons, ['unknown-part']);
    assert.deepEqual(
      ambiguity?.unresolved.map((place) => [place.municipality?.nis, place.postcode]),
      [['21004', '1040']],
    );
  });

  it('calls 1050 ambiguous: Ixelles for sure, Brussels-City part probably Sud', () => {
    const result = found(directory, { by: 'postcode', postcode: '1050' });
    assert.equal(result.ambiguous, true);
    assert.deepEqual(
      result.matches
        .filter((match) => match.layer === BXL)
        .map((match) => [match.place.municipality?.nis, match.confidence]),
      [
        ['21009', 'documented'],
        ['21004', 'ambiguous'],
      ],
    );
  });

  it('splits Antwerp by district: 2000 between 3 ELZ, Deurne and Borsbeek to Oost, Berchem to Centrum', () => {
    const city = found(directory, { by: 'postcode', postcode: '2000' });
    assert.equal(city.ambiguous, true);
    assert.deepEqual(zoneIds(city, 'elz'), [
      'elz-antwerpen-centrum',
      'elz-antwerpen-zuid',
      'elz-noord-antwerpen',
    ]);
    for (const [postcode, zone] of [
      ['2100', 'elz-antwerpen-oost'],
      ['2150', 'elz-antwerpen-oost'],
      ['2600', 'elz-antwerpen-centrum'],
    ] as const) {
      const result = found(directory, { by: 'postcode', postcode });
      assert.equal(result.ambiguous, false, postcode);
      assert.deepEqual(zoneIds(result, 'elz'), [zone], postcode);
    }
  });

  it('follows the 2025 mergers: Kortessem 3720 gets the ELZ of Hasselt', () => {
    const result = found(directory, { by: 'postcode', postcode: '3720' });
    const hasselt = found(directory, { by: 'nis', nis: '71072' });
    assert.equal(result.ambiguous, false);
    assert.equal(result.matches[0]?.place.municipality?.nis, '71072');
    assert.deepEqual(zoneIds(result, 'elz'), zoneIds(hasselt, 'elz'));
  });

  it('gives every Brussels-City candidate, and its unknown part, for its NIS', () => {
    const result = found(directory, { by: 'nis', nis: '21004' });
    assert.equal(result.ambiguous, true);
    assert.deepEqual(zoneIds(result, BXL), ['bxl-centre-ouest', 'bxl-nord', 'bxl-sud']);
    assert.ok(
      result.matches.filter((match) => match.layer === BXL).every((match) => match.coverage === 'partial'),
    );
    assert.deepEqual(
      result.ambiguities[0]?.unresolved.map((place) => place.postcode),
      ['1040'],
    );
  });

  it('restricts a lookup to one layer', () => {
    const result = found(directory, { by: 'postcode', postcode: '1000', layer: 'elz' });
    assert.deepEqual(matchKeys(result), ['elz-bruzel@21004/1000']);
    assert.equal(result.ambiguous, false);
    assert.equal(result.query.layer, 'elz');
  });

  it('answers out of coverage for Walloon postcodes, naming the place', () => {
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
  });

  it('answers unknown place for postcodes and NIS codes that no pack has', () => {
    for (const request of [
      { by: 'postcode', postcode: '1001' },
      { by: 'postcode', postcode: '9999' },
      { by: 'nis', nis: '99999' },
    ] as const) {
      assert.equal(directory.lookup(request).kind, 'unknown-place', JSON.stringify(request));
    }
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

  it('falls back to the municipality polygon in Brussels-City, which is ambiguous', () => {
    const result = found(directory, { by: 'point', lat: 50.846, lon: 4.352 });
    assert.equal(result.ambiguous, true);
    const bxl = result.matches.filter((match) => match.layer === BXL);
    assert.ok(bxl.length >= 2);
    assert.ok(
      bxl.every(
        (match) => match.matchedBy === 'municipality-polygon' && match.place.municipality?.nis === '21004',
      ),
    );
    assert.deepEqual(zoneIds(result, 'elz'), ['elz-bruzel']);
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

  it('calls a point on the shared border of two zones ambiguous', () => {
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
    assert.deepEqual(result.ambiguities[0]?.reasons.slice(0, 1), ['border']);
  });
});
