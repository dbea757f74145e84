import type { Language } from '@carezone/sdk';
import { de } from './de.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';
import type { Translation } from './translation.js';

/**
 * All four catalogues at once, for tests, stories and code that shows every language. The
 * widgets themselves load only the language they speak (`load-translation.ts`).
 */
export const TRANSLATIONS: Readonly<Record<Language, Translation>> = { nl, fr, en, de };
