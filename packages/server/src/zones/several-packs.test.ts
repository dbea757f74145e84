import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { isPackError } from '../packs/pack-types.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { loadZoneDirectory } from './load-zone-directory.js';
import { found, zoneIds } from './test-helpers/reference-directory.js';

/** A network's own small pack: one zone of its own layer, over a Walloon municipality. */
async function writeNetworkPack(dir: string): Promise<void> {
  const files: Record<string, string> = {
    'pack.json': JSON.stringify({
      format: 'carezone.zonepack/1',
      id: 'test-network',
      title: { nl: 'Testnetwerk', fr: 'Réseau de test', en: 'Test network' },
      dataVersion: '2025-06-01',
      attribution: 'Written for this test.',
      licence: 'Test data.',
      layers: [
        {
          id: 'test-network-zones',
          kind: 'care-zone',
          title: { nl: 'Testzones', fr: 'Zones de test', en: 'Test zones' },
        },
      ],
    }),
    'zones.csv':
      'layer,zone_id,name_nl,name_fr,name_de,name_en,website,email,phone,valid_from,valid_to\r\ntest-network-zones,test-namur,,Zone test Namur,,,,,,2025-06-01,\r\n',
    'municipalities.csv':
      'nis,name_nl,name_fr,name_de,region,postcodes\r\n92094,Namen,Namur,Namur,wallonia,5000\r\n',
    'localities.csv': 'postcode,name,nis,kind\r\n',
    'coverage.csv':
      'layer,zone_id,nis,postcodes,coverage,confidence\r\ntest-network-zones,test-namur,92094,,whole,documented\r\n',
  };
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
}

describe('several packs at once', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carezone-network-pack-'));
    await writeNetworkPack(dir);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('serves the layers of both packs and merges municipalities by NIS code', async () => {
    const directory = await loadZoneDirectory([REFERENCE_PACK_DIR, dir]);
    assert.deepEqual(
      directory.packs.map((pack) => pack.id),
      ['be-2025', 'test-network'],
    );
    assert.deepEqual(
      directory
        .layers()
        .map((layer) => layer.id)
        .sort(),
      ['bxl-care-zones', 'elz', 'test-network-zones'],
    );
    // Namur was out of coverage with the reference pack alone; the network pack covers it.
    assert.deepEqual(zoneIds(found(directory, { by: 'postcode', postcode: '5000' }), 'test-network-zones'), [
      'test-namur',
    ]);
    // The reference pack still answers as before.
    assert.deepEqual(zoneIds(found(directory, { by: 'postcode', postcode: '1082' }), 'bxl-care-zones'), [
      'bxl-nord',
    ]);
    const namur = directory.searchPlaces('namur', 5).filter((place) => place.municipality.nis === '92094');
    assert.ok(namur.length >= 1);
  });

  it('refuses two packs that define the same layer', async () => {
    await assert.rejects(loadZoneDirectory([REFERENCE_PACK_DIR, BUILTIN_PACK_DIR]), (error: unknown) => {
      assert.ok(isPackError(error));
      assert.match(error.message + JSON.stringify(error.problems), /bxl-care-zones|bxl-nord/);
      return true;
    });
  });
});
