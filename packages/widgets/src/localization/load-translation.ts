import type { Language } from '@carezone/sdk';
import type { Translation } from './translation.js';

/**
 * The texts of some widgets in the four languages, each language its own chunk of the bundles
 * (about 1 KB gzip): a page downloads only the languages its widgets speak, and only the
 * catalogues of the widgets it has. Each catalogue is loaded once per page and language.
 */
export interface Catalogue<T> {
  /** The texts of `language` if they have arrived, else undefined. */
  loaded(language: Language): T | undefined;
  /** Loads the texts of `language`; a failed load is tried again at the next call. */
  load(language: Language): Promise<T>;
}

export function catalogue<T>(loaders: Readonly<Record<Language, () => Promise<T>>>): Catalogue<T> {
  const loaded = new Map<Language, T>();
  const loading = new Map<Language, Promise<T>>();
  return {
    loaded: (language) => loaded.get(language),
    load(language) {
      let promise = loading.get(language);
      if (!promise) {
        promise = loaders[language]().then((texts) => {
          loaded.set(language, texts);
          return texts;
        });
        loading.set(language, promise);
        promise.catch(() => loading.delete(language));
      }
      return promise;
    },
  };
}

/** What every widget shows (loading, errors) and the texts of the finder and the zone card. */
export const widgetTexts: Catalogue<Translation> = catalogue({
  nl: () => import('./nl.js').then((module) => module.nl),
  fr: () => import('./fr.js').then((module) => module.fr),
  en: () => import('./en.js').then((module) => module.en),
  de: () => import('./de.js').then((module) => module.de),
});
