import type { Language } from '@carezone/contract';
import { de } from './de.js';
import { en } from './en.js';
import { fr } from './fr.js';
import type { MailTexts } from './mail-texts.js';
import { nl } from './nl.js';

export type { MailTexts, SummaryField } from './mail-texts.js';
export { SUMMARY_FIELDS } from './mail-texts.js';

/** The e-mail texts of every language Carezone speaks. */
export const MAIL_TEXTS: Readonly<Record<Language, MailTexts>> = { nl, fr, en, de };
