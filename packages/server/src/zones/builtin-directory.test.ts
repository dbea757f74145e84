import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Layer, Place, Zone, ZoneSummary } from '@carezone/contract';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { loadZoneDirectory } from './load-zone-directory.js';
import { found, matchKeys, outOfCoverage, zoneIds } from './test-helpers/reference-directory.js';
import type { ZoneDirectory } from './zone-directory.js';

const BXL = 'bxl-care-zones';

describe('the built-in Brussels pack', () => {
  let directory: ZoneDirectory;
  before(async () => {
    directory = await loadZoneDirectory([BUILTIN_PACK_DIR]);
  });

  it('has one layer of five zones, no contact invented, no geometry', () => {
    const layers = directory.layers();
    assert.deepEqual(
      layers.map((layer) => [layer.id, layer.kind, layer.zoneCount, layer.hasGeometry, layer.pack.id]),
      [[BXL, 'care-zone', 5, false, 'brussels']],
    );
    assert.ok(Layer.safeParse(layers[0]).success);
    const zones = directory.zones({});
    assert.equal(zones.length, 5);
    for (const zone of zones) {
      assert.ok(ZoneSummary.safeParse(zone).success);
      assert.deepEqual([zone.contact.email, zone.contact.phone], [null, null]);
      assert.match(zone.contact.website ?? '', /^https:\/\/bassin-[a-z-]+\.brussels$/);
      assert.equal(directory.geometry(zone.id), null);
    }
    assert.equal(directory.geometry('nope'), undefined);
  });

  it('lists the municipalities a zone covers, with Brussels-City by postcode', () => {
    const nord = directory.zone('bxl-nord');
    assert.ok(nord && Zone.safeParse(nord).success);
    assert.deepEqual(
      nord.municipalities.map((m) => `${m.nis}:${m.postcodes.join(' ')}`),
      ['21003:', '21004:1020 1120 1130', '21008:', '21010:', '21011:'],
    );
    assert.equal(directory.zone('bxl-nowhere'), undefined);
  });

  it('filters zones by a name in any language, accent-insensitive', () => {
    assert.deepEqual(
      directory.zones({ q: 'zuid' }).map((zone) => zone.id),
      ['bxl-sud', 'bxl-sud-est'],
    );
    assert.deepEqual(
      directory.zones({ q: 'CENTRE' }).map((zone) => zone.id),
      ['bxl-centre-ouest'],
    );
    assert.deepEqual(directory.zones({ layer: 'elz' }), []);
  });

  it('resolves the essentials: 1082, 1020, 1000, 1040, 1050', () => {
    assert.deepEqual(matchKeys(found(directory, { by: 'postcode', postcode: '1082' })), [
      'bxl-nord@21003/1082',
    ]);
    assert.deepEqual(zoneIds(found(directory, { by: 'postcode', postcode: '1020' }), BXL), ['bxl-nord']);
    const centre = found(directory, { by: 'postcode', postcode: '1000' });
    assert.equal(centre.ambiguous, true);
    assert.deepEqual(zoneIds(centre, BXL), ['bxl-centre-ouest', 'bxl-sud']);
    const etterbeek = found(directory, { by: 'postcode', postcode: '1040' });
    assert.equal(etterbeek.ambiguous, true);
    assert.deepEqual(etterbeek.ambiguities[0]?.reasons, ['unknown-part']);
    const ixelles = found(directory, { by: 'postcode', postcode: '1050' });
    assert.equal(ixelles.ambiguities[0]?.certainty, 'probable');
    assert.deepEqual(zoneIds(ixelles, BXL), ['bxl-sud']);
  });

  it('knows every Belgian place through the gazetteer: outside Brussels is out of coverage', () => {
    assert.deepEqual(outOfCoverage(directory, { by: 'postcode', postcode: '2000' }), [
      {
        nis: '11002',
        name: { nl: 'Antwerpen', fr: 'Anvers', de: 'Antwerpen', en: 'Antwerp' },
        postcode: '2000',
        region: 'flanders',
      },
    ]);
    assert.deepEqual(
      outOfCoverage(directory, { by: 'nis', nis: '63023' }).map((place) => [place.name.de, place.region]),
      [['Eupen', 'wallonia']],
    );
    // Organisational postcodes are in no Statbel table: still unknown, as is a code nobody uses.
    for (const postcode of ['9999', '1001'])
      assert.equal(directory.lookup({ by: 'postcode', postcode }).kind, 'unknown-place', postcode);
    assert.equal(directory.lookup({ by: 'nis', nis: '99999' }).kind, 'unknown-place');
    assert.deepEqual(outOfCoverage(directory, { by: 'point', lat: 50.846, lon: 4.352 }), []);
  });

  it('finds former municipalities of 2025, leading to their new municipality', () => {
    const kortessem = directory.searchPlaces('Kortessem', 5);
    assert.deepEqual(
      kortessem.map((place) => [place.kind, place.label, place.postcode, place.municipality.nis]),
      [['former-municipality', 'Kortessem', null, '71072']],
    );
    assert.deepEqual(
      outOfCoverage(directory, { by: 'nis', nis: '71072' }).map((place) => place.name.nl),
      ['Hasselt'],
    );
    const looz = directory.searchPlaces('looz', 5)[0];
    assert.deepEqual([looz?.kind, looz?.municipality.name.nl], ['former-municipality', 'Tongeren-Borgloon']);
  });

  it('searches Dutch, French and German names and the Brussels-City localities', () => {
    const first = (q: string) => {
      const [place] = directory.searchPlaces(q, 5);
      assert.ok(place && Place.safeParse(place).success, q);
      return `${place.kind}:${place.label}:${place.municipality.nis}`;
    };
    assert.equal(first('elsene'), 'municipality:Elsene:21009');
    assert.equal(first('brüssel'), 'municipality:Brussel:21004');
    assert.equal(first('laken'), 'locality:Laken:21004');
    assert.equal(first('neder over'), 'locality:Neder-Over-Heembeek:21004');
    assert.equal(first('1130'), 'postcode:1130:21004');
    // Beyond Brussels, from the gazetteer: a German, a French and a Dutch name, and a postcode.
    assert.equal(first('sankt vith'), 'municipality:Sankt Vith:63067');
    assert.equal(first('lüttich'), 'municipality:Lüttich:62063');
    assert.equal(first('namur'), 'municipality:Namur:92094');
    assert.equal(first('antwerpen'), 'municipality:Antwerpen:11002');
    assert.equal(first('4700'), 'postcode:4700:63023');
  });
});
