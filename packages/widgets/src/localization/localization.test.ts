import { ERROR_CODES, LANGUAGES, type Language } from '@carezone/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { widgetTexts } from './load-translation.js';
import { newsTexts } from './news/catalogue.js';
import { NEWS_TRANSLATIONS } from './news/translations.js';
import { resolveLanguage, WIDGET_LANGUAGES } from './resolve-language.js';
import { sessionRequestTexts } from './session-request/catalogue.js';
import { SESSION_REQUEST_TRANSLATIONS } from './session-request/translations.js';
import { TRANSLATIONS } from './translations.js';

/**
 * Every catalogue: the one every widget shares (with the finder's and zone card's texts), the
 * form's, the news feed's.
 */
const CATALOGUES: Record<string, Readonly<Record<Language, object>>> = {
  widgets: TRANSLATIONS,
  'session-request': SESSION_REQUEST_TRANSLATIONS,
  news: NEWS_TRANSLATIONS,
};

/** Every text of a catalogue, a text with a value in it called with a probe. */
const textsOf = (value: unknown): string[] =>
  typeof value === 'function'
    ? [String(value(7, '7'))]
    : typeof value === 'object' && value !== null
      ? Object.values(value).flatMap(textsOf)
      : [String(value)];

describe('translations', () => {
  for (const [name, catalogue] of Object.entries(CATALOGUES)) {
    it(`${name}: complete in nl, fr, en and de, every key of every language has a text`, () => {
      // Paths as arrays: some keys hold a dot themselves (the form's labels, `contact.email`).
      const pathsOf = (value: object, prefix: string[] = []): string[][] =>
        Object.entries(value).flatMap(([key, child]) =>
          typeof child === 'object' && child !== null ? pathsOf(child, [...prefix, key]) : [[...prefix, key]],
        );
      const reference = pathsOf(catalogue.en)
        .map((path) => path.join(' › '))
        .sort();
      for (const language of LANGUAGES) {
        const paths = pathsOf(catalogue[language]);
        expect(paths.map((path) => path.join(' › ')).sort(), language).to.deep.equal(reference);
        for (const path of paths) {
          const key = path.join(' › ');
          const entry = path.reduce<unknown>(
            (node, part) => (node as Record<string, unknown>)[part],
            catalogue[language],
          );
          // A text with a value in it is a function: it must use the value (probe: a marker).
          const text = typeof entry === 'function' ? String(entry(7, '⟨7⟩')) : entry;
          expect(text, `${language}: ${key}`).to.be.a('string').and.not.be.empty;
          if (typeof entry === 'function') expect(text, `${language}: ${key}`).to.match(/7/);
        }
      }
    });
  }

  it('French typography: a narrow no-break space before : ; ? ! and inside « », one apostrophe (’)', () => {
    for (const [name, catalogue] of Object.entries(CATALOGUES)) {
      for (const text of textsOf(catalogue.fr)) {
        expect(text, `${name}: ${text}`).to.not.match(/[^\u202f][:;?!]|«[^\u202f]|[^\u202f]»/);
        expect(text, `${name}: ${text}`).to.not.match(/^[:;?!»]/);
      }
    }
    for (const [name, catalogue] of Object.entries(CATALOGUES))
      for (const language of LANGUAGES)
        for (const text of textsOf(catalogue[language]))
          expect(text, `${name} (${language}): ${text}`).to.not.contain("'");
  });

  it('address the visitor as "u" in Dutch, never "je" or "jij": the voice of a public service', () => {
    for (const [name, catalogue] of Object.entries(CATALOGUES)) {
      const informal = textsOf(catalogue.nl).filter((text) => /\b(je|jij|jou|jouw|jullie)\b/i.test(text));
      expect(informal, name).to.deep.equal([]);
    }
  });

  it('have a message for every error code of the API, each in one catalogue', () => {
    for (const language of LANGUAGES) {
      const read = Object.keys(TRANSLATIONS[language].errors);
      const send = Object.keys(SESSION_REQUEST_TRANSLATIONS[language].errors);
      // Worded by the widget that meets them (finder.invalid, unknown, outside; zoneCard.unknownZone).
      const own = ['INVALID_QUERY', 'UNKNOWN_PLACE', 'OUT_OF_COVERAGE', 'NOT_FOUND', 'NO_GEOMETRY'];
      expect([...read, ...send, ...own].sort(), language).to.deep.equal([...ERROR_CODES].sort());
      // What every widget can meet when it reads is shared, not left to the form.
      expect(read, language).to.include.members(['NOT_READY', 'INTERNAL']);
    }
  });

  it('differ between languages (no copy left untranslated)', () => {
    expect(TRANSLATIONS.nl.retry).to.not.equal(TRANSLATIONS.fr.retry);
    expect(TRANSLATIONS.en.errors.NOT_READY).to.not.equal(TRANSLATIONS.de.errors.NOT_READY);
    const form = SESSION_REQUEST_TRANSLATIONS;
    expect(new Set(LANGUAGES.map((language) => form[language].submit)).size).to.equal(4);
    expect(new Set(LANGUAGES.map((language) => form[language].privacy)).size).to.equal(4);
    for (const key of ['title', 'empty', 'readMore', 'source', 'loadMore', 'subscribe'] as const)
      expect(new Set(LANGUAGES.map((language) => NEWS_TRANSLATIONS[language][key])).size, key).to.equal(4);
  });

  it('load each catalogue by itself, one language at a time', async () => {
    expect(await sessionRequestTexts.load('de')).to.deep.equal(SESSION_REQUEST_TRANSLATIONS.de);
    expect(sessionRequestTexts.loaded('de')).to.equal(await sessionRequestTexts.load('de'));
    expect(await widgetTexts.load('fr')).to.deep.equal(TRANSLATIONS.fr);
    expect(await newsTexts.load('nl')).to.deep.equal(NEWS_TRANSLATIONS.nl);
  });
});

describe('resolveLanguage', () => {
  it('knows the languages of the SDK (written out, so that it runs before the SDK does)', () => {
    expect(WIDGET_LANGUAGES).to.deep.equal(LANGUAGES);
  });

  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('takes the element’s own lang first, region subtags ignored', async () => {
    const element = await fixture(html`<div lang="fr"><span lang="de-BE"></span></div>`);
    expect(resolveLanguage(element.querySelector('span') as Element)).to.equal('de');
  });

  it('takes the nearest ancestor’s lang, across shadow roots', async () => {
    const outer = await fixture(html`<section lang="fr"><div></div></section>`);
    const host = outer.querySelector('div') as HTMLElement;
    const inner = document.createElement('p');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(resolveLanguage(inner)).to.equal('fr');
  });

  it('falls back to the document’s lang, then to Dutch', async () => {
    const element = await fixture(html`<div></div>`);
    document.documentElement.lang = 'en';
    expect(resolveLanguage(element)).to.equal('en');
    document.documentElement.removeAttribute('lang');
    expect(resolveLanguage(element)).to.equal('nl');
  });

  it('answers Dutch for a language it does not speak', async () => {
    const element = await fixture(html`<div lang="es"></div>`);
    document.documentElement.lang = 'fr';
    expect(resolveLanguage(element)).to.equal('nl');
  });
});
