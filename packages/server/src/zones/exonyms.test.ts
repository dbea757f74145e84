import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadPack } from '../packs/check-pack.js';
import type { ZonePack } from '../packs/pack-types.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { GERMAN_SPEAKING, LOCALITY_NAMES, MUNICIPALITY_NAMES, nameFallback } from './exonyms.js';
import { normalizeText } from './normalize.js';

describe('the table of exonyms, against the reference pack', () => {
  let pack: ZonePack;
  before(async () => {
    pack = await loadPack(REFERENCE_PACK_DIR);
  });

  it('names each municipality by its NIS code and Dutch name', () => {
    for (const entry of MUNICIPALITY_NAMES) {
      const row = pack.municipalities.find((municipality) => municipality.nis === entry.nis);
      assert.equal(row?.name.nl, entry.name, entry.nis);
    }
  });

  it('adds only names that change something: a label, or a name not found otherwise', () => {
    for (const entry of MUNICIPALITY_NAMES) {
      const row = pack.municipalities.find((municipality) => municipality.nis === entry.nis);
      assert.ok(row, entry.nis);
      const fallback = nameFallback(row.region, row.nis);
      for (const lang of ['nl', 'fr', 'de', 'en'] as const) {
        const name = entry[lang];
        if (name === undefined) continue;
        const without = row.name[lang] ?? fallback.map((other) => row.name[other]).find(Boolean);
        assert.notEqual(name, without, `${entry.name}: ${lang} ${name} is the label anyway`);
      }
      const known = new Set(Object.values(row.name).map((name) => normalizeText(name ?? '')));
      for (const name of entry.also ?? []) {
        assert.ok(!known.has(normalizeText(name)), `${name} is already a name of ${entry.name}`);
      }
    }
  });

  it('gives each locality entry in the pack a row of that municipality', () => {
    for (const entry of LOCALITY_NAMES) {
      const names = [entry.nl, entry.fr, entry.de, entry.en].filter((name) => name !== undefined);
      assert.ok(names.length >= 1, JSON.stringify(entry));
      const rows = pack.localities.filter(
        (row) =>
          row.nis === entry.nis && names.some((name) => normalizeText(name) === normalizeText(row.name)),
      );
      assert.ok(rows.length > 0, `no locality ${names.join('/')} in ${entry.nis}`);
    }
  });

  it('lists the nine municipalities of the German-speaking Community, in Wallonia', () => {
    assert.equal(GERMAN_SPEAKING.size, 9);
    for (const nis of GERMAN_SPEAKING) {
      assert.equal(pack.municipalities.find((row) => row.nis === nis)?.region, 'wallonia', nis);
    }
  });

  it('falls back to the language of the region', () => {
    assert.deepEqual(nameFallback('flanders', '44021'), ['nl', 'fr', 'de', 'en']);
    assert.deepEqual(nameFallback('brussels', '21009'), ['fr', 'nl', 'de', 'en']);
    assert.deepEqual(nameFallback('wallonia', '92094'), ['fr', 'nl', 'de', 'en']);
    assert.deepEqual(nameFallback('wallonia', '63023'), ['de', 'fr', 'nl', 'en']);
  });
});
