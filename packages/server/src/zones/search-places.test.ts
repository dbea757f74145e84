import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Place } from '@carezone/contract';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { loadZoneDirectory } from './load-zone-directory.js';
import { normalizeText } from './normalize.js';
import type { ZoneDirectory } from './zone-directory.js';

describe('searchPlaces on the reference pack', () => {
  let directory: ZoneDirectory;
  const search = (q: string, limit = 10): Place[] => {
    const places = directory.searchPlaces(q, limit);
    for (const place of places) assert.ok(Place.safeParse(place).success, JSON.stringify(place));
    return places;
  };
  const brief = (place: Place | undefined) =>
    place && `${place.kind}:${place.label}:${place.municipality.nis}`;
  before(async () => {
    directory = await loadZoneDirectory([REFERENCE_PACK_DIR]);
  });

  it('puts the exact postcode first', () => {
    const [first] = search('1000');
    assert.deepEqual(first, {
      kind: 'postcode',
      label: '1000',
      postcode: '1000',
      municipality: {
        nis: '21004',
        name: { nl: 'Brussel', fr: 'Bruxelles', de: 'Brüssel' },
        region: 'brussels',
      },
    });
  });

  it('gives one postcode place per municipality of a shared postcode', () => {
    const places = search('1040').filter((place) => place.kind === 'postcode');
    assert.deepEqual(places.map((place) => place.municipality.nis).sort(), ['21004', '21005']);
  });

  it('finds municipalities by Dutch and French name, ignoring case, accents and punctuation', () => {
    for (const q of ['elsene', 'ELSENE', 'Ixelles'])
      assert.equal(brief(search(q)[0]), `municipality:${q === 'Ixelles' ? 'Ixelles' : 'Elsene'}:21009`);
    for (const q of ['sint jans molenbeek', 'Sint-Jans-Molenbeek', 'molenbeek-saint-jean', 'jans molen']) {
      assert.equal(search(q)[0]?.municipality.nis, '21012', q);
    }
    // A later word matches too, after the names that start with it.
    const molenbeek = search('molenbeek').map(brief);
    assert.ok(molenbeek.includes('municipality:Sint-Jans-Molenbeek:21012'), molenbeek.join(', '));
    assert.ok(molenbeek.indexOf('municipality:Sint-Jans-Molenbeek:21012') > 0);
    assert.equal(brief(search('anvers')[0]), 'municipality:Anvers:11002');
    assert.equal(search('Écaussinnes')[0]?.municipality.nis, search('ecaussinnes')[0]?.municipality.nis);
    assert.equal(search('ecaussinnes')[0]?.kind, 'municipality');
  });

  it('ranks a whole-name prefix before a later-word prefix, then shorter names first', () => {
    const places = search('brux');
    assert.equal(brief(places[0]), 'municipality:Bruxelles:21004');
    const labels = search('sint-', 50).map((place) => place.label);
    assert.ok(
      labels.every((label) => /^sint\b/i.test(label)),
      labels.join(', '),
    );
    const lengths = labels.map((label) => normalizeText(label).length);
    assert.deepEqual(
      lengths,
      [...lengths].sort((a, b) => a - b),
    );
  });

  it('finds former municipalities, once', () => {
    const places = search('kortes');
    assert.deepEqual(places.map(brief), ['former-municipality:Kortessem:71072']);
    assert.equal(places[0]?.postcode, '3720');
  });

  it('finds a municipality by NIS code', () => {
    assert.equal(brief(search('21004')[0]), 'municipality:Brussel:21004');
  });

  it('lists a municipality whose names are equal in every language once', () => {
    assert.equal(search('etterbeek').filter((place) => place.kind === 'municipality').length, 1);
  });

  it('honours the limit and returns nothing for garbage', () => {
    assert.equal(search('a', 3).length, 3);
    assert.deepEqual(search('zzqxj'), []);
    assert.deepEqual(search('  --  '), []);
  });
});
