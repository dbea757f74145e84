import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeText } from './normalize.js';

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
