import { type Catalogue, catalogue } from '../load-translation.js';
import type { SessionRequestTranslation } from './translation.js';

/** The form's texts, loaded only by the form, one chunk per language (`session-request-nl-….js`). */
export const sessionRequestTexts: Catalogue<SessionRequestTranslation> = catalogue({
  nl: () => import('./nl.js').then((module) => module.nl),
  fr: () => import('./fr.js').then((module) => module.fr),
  en: () => import('./en.js').then((module) => module.en),
  de: () => import('./de.js').then((module) => module.de),
});
