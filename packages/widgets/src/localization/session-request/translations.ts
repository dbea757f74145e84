import type { Language } from '@carezone/sdk';
import { de } from './de.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';
import type { SessionRequestTranslation } from './translation.js';

/** The form's four catalogues at once, for tests, stories and code that shows every language. */
export const SESSION_REQUEST_TRANSLATIONS: Readonly<Record<Language, SessionRequestTranslation>> = {
  nl,
  fr,
  en,
  de,
};
