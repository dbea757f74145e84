import { type Catalogue, catalogue } from '../load-translation.js';
import type { NewsTranslation } from './translation.js';

/** The news feed's texts, loaded only by it, one chunk per language (`news-nl-….js`). */
export const newsTexts: Catalogue<NewsTranslation> = catalogue({
  nl: () => import('./nl.js').then((module) => module.nl),
  fr: () => import('./fr.js').then((module) => module.fr),
  en: () => import('./en.js').then((module) => module.en),
  de: () => import('./de.js').then((module) => module.de),
});
