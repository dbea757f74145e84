import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameKeys, normalizeText, queryKeys, SAINT } from './normalize.js';

describe('normalizeText', () => {
  it('ignores case, accents and punctuation', () => {
    assert.equal(normalizeText('Sint-Jans-Molenbeek'), 'sint jans molenbeek');
    assert.equal(normalizeText('  SINT  jans--MOLENBEEK '), 'sint jans molenbeek');
    assert.equal(normalizeText('Écaussinnes'), 'ecaussinnes');
    assert.equal(normalizeText('Brüssel'), 'brussel');
    assert.equal(normalizeText("'s Gravenwezel"), 's gravenwezel');
    assert.equal(normalizeText('Straße'), 'strasse');
    assert.equal(normalizeText('?!'), '');
  });
});

describe('nameKeys', () => {
  const keys = (name: string) => nameKeys(name).map(({ key, tail }) => (tail ? `…${key}` : key));

  it('leaves out spaces, hyphens and apostrophes, and starts a key at every word', () => {
    assert.deepEqual(keys('Sint-Jans-Molenbeek'), [
      'sintjansmolenbeek',
      '…jansmolenbeek',
      '…molenbeek',
      `${SAINT}jansmolenbeek`,
    ]);
    assert.deepEqual(keys("Braine-l'Alleud"), ['brainelalleud', '…lalleud', '…alleud']);
    assert.deepEqual(keys('Gent'), ['gent']);
    assert.deepEqual(keys(' - '), []);
  });

  it('writes every form of saint as one word, at any word', () => {
    const saintGilles = `${SAINT}gilles`;
    for (const name of ['Saint-Gilles', 'Sint Gilles', 'St. Gilles', 'ST-GILLES', 'Sankt Gilles'])
      assert.ok(keys(name).includes(saintGilles), name);
    assert.ok(keys('Woluwe-Saint-Lambert').includes(`woluwe${SAINT}lambert`));
    assert.ok(keys('Berchem-Sainte-Agathe').includes(`berchem${SAINT}agathe`));
    // Only whole words: Stavelot and Steenokkerzeel are not saints.
    assert.deepEqual(keys('Stavelot'), ['stavelot']);
  });

  it('shortens Onze-Lieve-Vrouw as people do', () => {
    assert.ok(keys('Onze-Lieve-Vrouw-Waver').includes('olvwaver'));
  });
});

describe('queryKeys', () => {
  it('searches as typed, and with every saint as one word when that differs', () => {
    assert.deepEqual(queryKeys('St Gillis'), ['stgillis', `${SAINT}gillis`]);
    assert.deepEqual(queryKeys('st-josse'), ['stjosse', `${SAINT}josse`]);
    assert.deepEqual(queryKeys('Schaer beek'), ['schaerbeek']);
    assert.deepEqual(queryKeys('OLV Waver'), ['olvwaver']);
    assert.deepEqual(queryKeys('onze lieve vrouw waver'), ['onzelievevrouwwaver', 'olvwaver']);
    assert.deepEqual(queryKeys('1050'), ['1050']);
    assert.deepEqual(queryKeys(' -- '), []);
  });
});
