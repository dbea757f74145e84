import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pickLanguage, pickText } from './common.js';

describe('pickText', () => {
  const brussel = { nl: 'Brussel', fr: 'Bruxelles', de: 'Brüssel', en: 'Brussels' };

  it('gives the text in the language asked when there is one', () => {
    for (const lang of ['nl', 'fr', 'en', 'de'] as const)
      assert.equal(pickText(brussel, lang), brussel[lang]);
  });

  it('falls back as the packs do (Dutch, then French) for Dutch, French and English readers', () => {
    assert.equal(pickText({ fr: 'Zone Nord' }, 'nl'), 'Zone Nord');
    assert.equal(pickText({ nl: 'Zone Noord', de: 'Zone Nord (de)' }, 'fr'), 'Zone Noord');
    assert.equal(pickText({ nl: 'Zone Noord', fr: 'Zone Nord' }, 'en'), 'Zone Noord');
  });

  it('gives German readers French before Dutch', () => {
    assert.equal(pickText({ nl: 'Zone Noord', fr: 'Zone Nord' }, 'de'), 'Zone Nord');
  });

  it("gives English readers a place's own language: Dutch in Flanders, French in Brussels and Wallonia", () => {
    const ixelles = { nl: 'Elsene', fr: 'Ixelles' };
    assert.equal(pickText(ixelles, 'en', 'brussels'), 'Ixelles');
    assert.equal(pickText({ nl: 'Namen', fr: 'Namur' }, 'en', 'wallonia'), 'Namur');
    assert.equal(pickText({ nl: 'Mechelen', fr: 'Malines' }, 'en', 'flanders'), 'Mechelen');
  });

  it('treats an empty text as missing, and answers an empty string when there is none', () => {
    assert.equal(pickText({ nl: '', fr: 'Nord' }, 'nl'), 'Nord');
    assert.equal(pickText({}, 'fr'), '');
  });
});

describe('pickLanguage', () => {
  it('names the language of the text pickText takes, so that a page can mark a fallback', () => {
    assert.equal(pickLanguage({ nl: 'Noord', fr: 'Nord' }, 'fr'), 'fr');
    assert.equal(pickLanguage({ nl: 'Noord', fr: 'Nord' }, 'en'), 'nl');
    assert.equal(pickLanguage({ nl: 'Noord', fr: 'Nord' }, 'de'), 'fr');
    assert.equal(pickLanguage({ nl: 'Elsene', fr: 'Ixelles' }, 'en', 'brussels'), 'fr');
    assert.equal(pickLanguage({ nl: '' }, 'nl'), undefined);
  });
});
