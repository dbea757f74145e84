import type { Language } from '@carezone/sdk';
import type { Translation } from './translation.js';

// Each language is its own chunk of the bundles: a page downloads only the languages its widgets
// speak (about 1 KB gzip each) instead of all four.
const LOADERS: Readonly<Record<Language, () => Promise<Translation>>> = {
  nl: () => import('./nl.js').then((module) => module.nl),
  fr: () => import('./fr.js').then((module) => module.fr),
  en: () => import('./en.js').then((module) => module.en),
  de: () => import('./de.js').then((module) => module.de),
};

const loaded = new Map<Language, Translation>();
const loading = new Map<Language, Promise<Translation>>();

/** The catalogue of `language` if it has arrived, else undefined. */
export function loadedTranslation(language: Language): Translation | undefined {
  return loaded.get(language);
}

/** Loads the catalogue of `language` once per page; a failed load is tried again next time. */
export function loadTranslation(language: Language): Promise<Translation> {
  let promise = loading.get(language);
  if (!promise) {
    promise = LOADERS[language]().then((translation) => {
      loaded.set(language, translation);
      return translation;
    });
    loading.set(language, promise);
    promise.catch(() => loading.delete(language));
  }
  return promise;
}
