import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadGazetteer } from '../zones/gazetteer.js';
import { BUILTIN_PACK_DIR } from './builtin.js';
import { loadPack } from './check-pack.js';
import type { ZonePack } from './pack-types.js';
import { REFERENCE_PACK_DIR } from './test-helpers/reference-pack.js';
import { typographicApostrophes } from './typography.js';

/** Every name a pack gives people to read: layers' titles, zones', municipalities', localities'. */
function namesOf(pack: ZonePack): string[] {
  const maps = [
    pack.manifest.title,
    ...pack.manifest.layers.map((layer) => layer.title),
    ...pack.zones.map((zone) => zone.name),
    ...pack.municipalities.map((municipality) => municipality.name),
  ];
  return [...maps.flatMap((map) => Object.values(map)), ...pack.localities.map((locality) => locality.name)];
}

describe('one kind of apostrophe in every name shown', () => {
  it('writes the typewriter apostrophe as the typographic one', () => {
    assert.equal(typographicApostrophes("Braine-l'Alleud"), 'Braine-l’Alleud');
    assert.equal(typographicApostrophes("'s Gravenbrakel"), '’s Gravenbrakel');
    assert.equal(typographicApostrophes('Mont-de-l’Enclus'), 'Mont-de-l’Enclus');
  });

  it('reads the reference pack’s names with ’ only, whichever its CSV and pack.json have', async () => {
    const pack = await loadPack(REFERENCE_PACK_DIR);
    const names = namesOf(pack);
    assert.deepEqual(
      names.filter((name) => name.includes("'")),
      [],
    );
    // Its CSV has "Braine-l'Alleud" in French and "Braine-l’Alleud" in German: one spelling now.
    const braine = pack.municipalities.find((municipality) => municipality.nis === '25014');
    assert.deepEqual(braine?.name, { nl: 'Eigenbrakel', fr: 'Braine-l’Alleud', de: 'Braine-l’Alleud' });
    assert.ok(
      names.some((name) => name.includes('’')),
      'the pack has names with apostrophes',
    );
  });

  it('reads the built-in pack’s and the gazetteer’s names the same way', async () => {
    const builtin = await loadPack(BUILTIN_PACK_DIR);
    assert.equal(builtin.manifest.layers[0]?.title.fr, 'Bassins d’aide et de soins bruxellois');
    assert.deepEqual(
      namesOf(builtin).filter((name) => name.includes("'")),
      [],
    );
    const gazetteer = await loadGazetteer();
    const names = [
      ...gazetteer.municipalities.flatMap((municipality) => Object.values(municipality.name)),
      ...gazetteer.formerMunicipalities.map((former) => former.name),
    ];
    assert.deepEqual(
      names.filter((name) => name.includes("'")),
      [],
    );
    assert.ok(names.includes('Fontaine-l’Evêque'));
  });
});
