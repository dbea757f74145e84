import type { Language } from '@carezone/sdk';
import { de } from './de.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';
import type { NewsTranslation } from './translation.js';

/** The news feed's four catalogues at once, for tests, stories and code that shows every language. */
export const NEWS_TRANSLATIONS: Readonly<Record<Language, NewsTranslation>> = { nl, fr, en, de };
