// How the gazetteer's places join the packs' in the directory model (directory-model.ts): the
// packs stay authoritative, and the gazetteer only adds what they do not say.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadPack } from '../packs/check-pack.js';
import type { ZonePack } from '../packs/pack-types.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { buildModel, type DirectoryModel } from './directory-model.js';
import { loadGazetteer } from './gazetteer.js';

describe('the gazetteer over the reference pack', () => {
  it('adds nothing the reference pack does not already say', async () => {
    const pack = await loadPack(REFERENCE_PACK_DIR);
    const without = buildModel([pack]);
    const withGazetteer = buildModel([pack], await loadGazetteer());
    assert.equal(withGazetteer.gazetteer?.dataVersion, '2025-01-01');
    assert.deepEqual(withGazetteer.municipalities, without.municipalities);
    assert.deepEqual(withGazetteer.postcodeNis, without.postcodeNis);
    assert.deepEqual(withGazetteer.localities, without.localities);
    assert.deepEqual(withGazetteer.coverageByNis, without.coverageByNis);
  });
});

describe('the gazetteer under a pack of its own', () => {
  const pack: ZonePack = {
    dir: '/test/pack',
    manifest: {
      format: 'carezone.zonepack/1',
      id: 'test',
      title: { nl: 'Test', fr: 'Test', en: 'Test' },
      dataVersion: '2025-06-01',
      attribution: 'Written for this test.',
      licence: 'Test data.',
      layers: [],
    },
    zones: [],
    municipalities: [
      { nis: '21005', name: { nl: 'Etterbeek (test)' }, region: 'brussels', postcodes: ['1040'] },
      { nis: '71072', name: { nl: 'Hasselt', fr: 'Hasselt' }, region: 'flanders', postcodes: ['3500'] },
    ],
    localities: [{ postcode: '3720', name: 'KORTESSEM', nis: '71072', kind: 'locality' }],
    coverage: [],
    zoneFeatures: [],
    municipalityFeatures: [],
  };
  let model: DirectoryModel;
  before(async () => {
    model = buildModel([pack], await loadGazetteer());
  });

  it("keeps the pack's names and fills in only the languages it leaves empty", () => {
    assert.deepEqual(model.municipalities.get('21005')?.ref.name, {
      nl: 'Etterbeek (test)',
      fr: 'Etterbeek',
      de: 'Etterbeek',
    });
    assert.deepEqual(model.municipalities.get('92094')?.ref, {
      nis: '92094',
      name: { nl: 'Namen', fr: 'Namur', de: 'Namur' },
      region: 'wallonia',
    });
    assert.equal(model.municipalities.size, 565);
  });

  it('leaves a postcode the pack names to the pack, and adds the postcodes it does not name', () => {
    // Statbel shares 1040 between Etterbeek and Brussels-City; this pack gives it to Etterbeek only.
    assert.deepEqual(model.postcodeNis.get('1040'), ['21005']);
    assert.deepEqual([...(model.municipalities.get('21004')?.postcodes ?? [])].sort(), [
      '1000',
      '1020',
      '1050',
      '1120',
      '1130',
    ]);
    assert.deepEqual([...(model.municipalities.get('71072')?.postcodes ?? [])].sort(), [
      '3500',
      '3501',
      '3510',
      '3511',
      '3512',
      '3720',
      '3721',
      '3722',
      '3723',
      '3724',
    ]);
    assert.deepEqual(model.postcodeNis.get('3721'), ['71072']);
  });

  it('adds a former municipality only where the pack has no such name for it', () => {
    const names = (nis: string) =>
      model.localities
        .filter((row) => row.nis === nis)
        .map((row) => `${row.kind}:${row.name}:${row.postcode}`);
    assert.deepEqual(names('71072'), ['locality:KORTESSEM:3720']);
    assert.deepEqual(names('73111').sort(), [
      'former-municipality:Borgloon:null',
      'former-municipality:Looz:null',
      'former-municipality:Tongeren:null',
      'former-municipality:Tongres:null',
    ]);
  });
});
