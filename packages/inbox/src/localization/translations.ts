import type { Language } from '@carezone/sdk';
import { de } from './de.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';
import type { InboxTranslation } from './translation.js';

/**
 * The inbox's four catalogues. All in the bundle (about 2 KB gzip each): staff switch languages
 * on a page they keep open, and a switch must not wait for a download.
 */
export const INBOX_TRANSLATIONS: Readonly<Record<Language, InboxTranslation>> = { nl, fr, en, de };
