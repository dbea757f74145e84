import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type Language, Place } from '@carezone/contract';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { loadZoneDirectory } from './load-zone-directory.js';
import { placeInLanguage } from './search-index.js';
import type { ZoneDirectory } from './zone-directory.js';

/** `kind:label:nis`, and `~matched` when a name other than the label matched. */
const brief = (place: Place | undefined) =>
  place &&
  `${place.kind}:${place.label}:${place.municipality.nis}${place.matched ? `~${place.matched}` : ''}`;

/**
 * A search of the directory of `pack`, loaded before the tests around the call; each place found
 * is checked against the contract.
 */
function searcher(pack: string) {
  let directory: ZoneDirectory | undefined;
  before(async () => {
    directory = await loadZoneDirectory([pack]);
  });
  return (q: string, { limit = 10, lang }: { limit?: number; lang?: Language } = {}): Place[] => {
    assert.ok(directory, 'the directory loads before the tests');
    return directory.searchPlaces(q, limit).map((hit) => {
      const place = placeInLanguage(hit, lang);
      assert.ok(Place.safeParse(place).success, JSON.stringify(place));
      return place;
    });
  };
}

/** Each place at most once: a municipality by its NIS code, a postcode or locality also by postcode. */
function assertOncePerPlace(places: Place[], q: string): void {
  const ids = places.map((place) =>
    [
      place.kind,
      place.municipality.nis,
      place.postcode,
      place.kind === 'municipality' ? '' : place.label,
    ].join(),
  );
  const municipalities = places
    .filter((place) => place.kind === 'municipality')
    .map((p) => p.municipality.nis);
  assert.equal(new Set(ids).size, ids.length, `${q}: ${ids.join(' | ')}`);
  assert.equal(new Set(municipalities).size, municipalities.length, `${q}: ${municipalities.join(', ')}`);
}

const ORDER = { exact: 0, prefix: 1, fuzzy: 2 } as const;

describe('searchPlaces on the reference pack', () => {
  const search = searcher(REFERENCE_PACK_DIR);

  it('puts the exact postcode first, as the API sends it', () => {
    const [first] = search('1000');
    assert.deepEqual(first, {
      kind: 'postcode',
      label: '1000',
      postcode: '1000',
      municipality: {
        nis: '21004',
        // The English name comes from exonyms.ts: neither the pack nor Statbel has one.
        name: { nl: 'Brussel', fr: 'Bruxelles', de: 'Brüssel', en: 'Brussels' },
        region: 'brussels',
      },
      match: 'exact',
    });
  });

  it('gives one postcode place per municipality of a shared postcode, and no typing errors in codes', () => {
    const places = search('1040').filter((place) => place.kind === 'postcode');
    assert.deepEqual(places.map((place) => place.municipality.nis).sort(), ['21004', '21005']);
    // 1001 is no postcode: a code is typed whole or not at all, never "corrected" to a neighbour's.
    assert.deepEqual(search('1001'), []);
  });

  it('forgives what issue 12 lists: typing errors, St, hyphens and English names', () => {
    const cases: [q: string, nis: string, match: Place['match']][] = [
      ['schaerbek', '21015', 'fuzzy'],
      ['Elsense', '21009', 'fuzzy'],
      ['st-josse', '21014', 'prefix'],
      ['Woluwe St Lambert', '21018', 'exact'],
      ['St Gillis', '21013', 'exact'],
      ['Brussels', '21004', 'exact'],
      ['sint jans molenbeek', '21012', 'exact'],
      ['molenbeeksaintjean', '21012', 'exact'],
      ['jans molen', '21012', 'prefix'],
    ];
    for (const [q, nis, match] of cases) {
      const [first] = search(q);
      assert.equal(first?.kind, 'municipality', q);
      assert.equal(first?.municipality.nis, nis, q);
      assert.equal(first?.match, match, q);
    }
  });

  it('puts a municipality before a small locality of the same name', () => {
    const places = search('molenbeek').map(brief);
    assert.equal(places[0], 'municipality:Sint-Jans-Molenbeek:21012');
    assert.ok(places.includes('locality:Molenbeek-Wersbeek:24008'), places.join(', '));
    // A municipality named in full before a locality of that name in another municipality.
    assert.deepEqual(search('etterbeek').slice(0, 2).map(brief), [
      'municipality:Etterbeek:21005',
      'locality:Etterbeek:21004',
    ]);
    // A former municipality before the localities that share its name.
    assert.equal(brief(search('beveren')[0]), 'former-municipality:Beveren:46030');
  });

  it('lists each place once, whatever the number of its names that match', () => {
    for (const q of [
      'b',
      'bru',
      'brussel',
      'sint',
      'st',
      'elsene',
      'laken',
      'tongeren',
      'antwerpen',
      'liège',
    ]) {
      const places = search(q, { limit: 50 });
      assertOncePerPlace(places, q);
    }
    // Brussel, Bruxelles, Brüssel and Brussels are one municipality; Laeken and Laken one locality.
    assert.equal(
      search('bru', { limit: 50 }).filter(
        (place) => place.municipality.nis === '21004' && place.kind === 'municipality',
      ).length,
      1,
    );
    assert.deepEqual(
      search('la', { limit: 50 })
        .filter((place) => place.postcode === '1020')
        .map(brief),
      ['locality:Laeken:21004'],
    );
    // The locality that carries its municipality's name is one place per postcode, after it.
    assert.deepEqual(search('luik', { limit: 3 }).map(brief), [
      'municipality:Luik:62063',
      'locality:Luik:62063',
      'locality:Luik:62063',
    ]);
  });

  it('ranks exact names before prefixes before typing errors', () => {
    for (const q of ['gand', 'hale', 'haren', 'mechelen', 'hasselt', 'elsen', 'elsene', 'sint']) {
      const matches = search(q, { limit: 50 }).map((place) => ORDER[place.match ?? 'fuzzy']);
      assert.deepEqual(matches, [...matches].sort(), q);
      assert.ok(matches.length > 1, `${q} should find more than one place`);
    }
    // Typing errors fill the list after names that start with the query: whole names only.
    assert.deepEqual(search('hale').slice(0, 3).map(brief), [
      'municipality:Halen:71020',
      'municipality:Halle:23027',
      'locality:Halle:23027',
    ]);
    assert.deepEqual(
      search('hale').map((place) => place.match),
      ['prefix', 'fuzzy', 'fuzzy', 'fuzzy'],
    );
    // Not the start of a name with an error in it: Kortemark is no more likely than Kortessem.
    assert.deepEqual(search('kortes').map(brief), ['former-municipality:Kortessem:71072']);
    assert.equal(search('kortes')[0]?.postcode, '3720');
    // When nothing starts with the query, the start of a name with errors in it counts too,
    // as the visitor may not have finished typing.
    assert.equal(search('schearb')[0]?.municipality.nis, '21015');
    assert.equal(search('schearb')[0]?.match, 'fuzzy');
  });

  it('ranks a whole-name prefix before a later word, and Sint- before Saint- for `sint-`', () => {
    const brux = search('brux');
    assert.equal(brief(brux[0]), 'municipality:Bruxelles:21004');
    const labels = search('sint-', { limit: 50 }).map((place) => place.label);
    const sint = labels.filter((label) => /^sint\b/i.test(label)).length;
    assert.ok(sint >= 10, labels.join(', '));
    // Sint- names first; then the other ways of writing saint, which are the same word.
    assert.ok(
      labels.slice(0, sint).every((label) => /^sint\b/i.test(label)),
      labels.join(', '),
    );
    assert.ok(
      labels.slice(sint).every((label) => /\b(saint|sainte|sankt|st|ste)\b/i.test(label)),
      labels.join(', '),
    );
  });

  it('finds a municipality by NIS code, saying the code matched', () => {
    assert.equal(brief(search('21004')[0]), 'municipality:Brussel:21004~21004');
  });

  it('labels each place in the visitor language, with the name that matched beside it', () => {
    const first = (q: string, lang?: Language) => brief(search(q, { lang })[0]);
    // Without a language, the name typed is the label.
    assert.equal(first('Elsene'), 'municipality:Elsene:21009');
    assert.equal(first('Ixelles'), 'municipality:Ixelles:21009');
    assert.equal(first('Elsene', 'nl'), 'municipality:Elsene:21009');
    assert.equal(first('Elsene', 'fr'), 'municipality:Ixelles:21009~Elsene');
    assert.equal(first('Elsene', 'de'), 'municipality:Ixelles:21009~Elsene');
    // English: its own names where it has them, else the local one (French in Brussels and Wallonia).
    assert.equal(first('Bruxelles', 'en'), 'municipality:Brussels:21004~Bruxelles');
    assert.equal(first('Gand', 'en'), 'municipality:Ghent:44021~Gand');
    assert.equal(first('Louvain', 'en'), 'municipality:Leuven:24062~Louvain');
    assert.equal(first('Elsene', 'en'), 'municipality:Ixelles:21009~Elsene');
    assert.equal(first('Namen', 'en'), 'municipality:Namur:92094~Namen');
    assert.equal(first('Amblève', 'en'), 'municipality:Amel:63001~Amblève');
    // Saint and Sankt are one word: the label matched as well as the name typed.
    assert.equal(first('Saint-Vith', 'en'), 'municipality:Sankt Vith:63067');
    assert.equal(first('Brussels', 'nl'), 'municipality:Brussel:21004~Brussels');
    assert.equal(first('Lüttich', 'nl'), 'municipality:Luik:62063~Lüttich');
    // A name equal to the label once accents are ignored is the label.
    assert.equal(first('Brussel', 'de'), 'municipality:Brüssel:21004');
    // Localities: the pack's name in one language, ours in the other.
    assert.equal(first('Laken', 'fr'), 'locality:Laeken:21004~Laken');
    assert.equal(first('Laeken', 'nl'), 'locality:Laken:21004~Laeken');
    assert.equal(
      first('Sint-Martens-Voeren', 'fr'),
      'locality:Fouron-Saint-Martin:73109~Sint-Martens-Voeren',
    );
    assert.equal(
      first('Fouron-Saint-Martin', 'nl'),
      'locality:Sint-Martens-Voeren:73109~Fouron-Saint-Martin',
    );
    assert.equal(first('Kessel-Lo', 'fr'), 'locality:Kessel Lo:24062');
    // A typing error: the name it was closest to, for "Did you mean …?".
    const [schaerbeek] = search('schaerbek', { lang: 'nl' });
    assert.equal(brief(schaerbeek), 'municipality:Schaarbeek:21015~Schaerbeek');
    assert.equal(schaerbeek?.match, 'fuzzy');
    // Whichever of its names matched, a prefix is a prefix: no `matched` beside a label that matched.
    assert.equal(first('molenbeek', 'fr'), 'municipality:Molenbeek-Saint-Jean:21012');
    assert.equal(first('molenbeek', 'nl'), 'municipality:Sint-Jans-Molenbeek:21012');
    // A postcode place stays labelled with its postcode.
    assert.equal(first('1050', 'fr'), 'postcode:1050:21004');
  });

  it('honours the limit and returns nothing for garbage', () => {
    assert.equal(search('a', { limit: 3 }).length, 3);
    assert.equal(search('a', { limit: 50 }).length, 50);
    assert.deepEqual(search('zzqxj'), []);
    assert.deepEqual(search('  --  '), []);
    assert.deepEqual(search('xq'), []);
  });
});

describe('searchPlaces on the built-in pack', () => {
  const search = searcher(BUILTIN_PACK_DIR);

  it('merges the Dutch and French rows of one Brussels place into one suggestion', () => {
    // The built-in pack lists 1030 Schaarbeek and 1030 Schaerbeek, and 1020 Laeken and Laken.
    for (const q of ['schaerbeek', 'schaarbeek', 'laeken', 'laken', 'brussel', 'bruxelles', 's', 'l']) {
      assertOncePerPlace(search(q, { limit: 50 }), q);
    }
    assert.deepEqual(search('laken', { lang: 'fr' }).map(brief), ['locality:Laeken:21004~Laken']);
    // Brussels-City's main locality under 1000: one place, named as the municipality is.
    const brussel = search('bruxelles', { lang: 'nl' }).map(brief);
    assert.deepEqual(brussel.slice(0, 2), [
      'municipality:Brussel:21004~Bruxelles',
      'locality:Brussel:21004~Bruxelles',
    ]);
  });

  it('forgives the typing errors and abbreviations of issue 12', () => {
    for (const [q, nis] of [
      ['schaerbek', '21015'],
      ['Elsense', '21009'],
      ['st-josse', '21014'],
      ['Woluwe St Lambert', '21018'],
      ['St Gillis', '21013'],
      ['Brussels', '21004'],
      ['molenbeek', '21012'],
    ]) {
      assert.equal(search(q)[0]?.municipality.nis, nis, q);
    }
  });
});
