import type { Language, SessionRequestStatus } from '@carezone/contract';
import { MAIL_TEXTS } from '../mail/texts/index.js';

/** The export's own words; the rest (field names, organisation kinds, formats, languages) are the e-mails'. */
interface ExportOwnTexts {
  id: string;
  status: string;
  updatedAt: string;
  formLanguage: string;
  statuses: Record<SessionRequestStatus, string>;
}

const OWN_TEXTS: Readonly<Record<Language, ExportOwnTexts>> = {
  nl: {
    id: 'ID',
    status: 'Status',
    updatedAt: 'Laatst gewijzigd op',
    formLanguage: 'Taal van het formulier',
    statuses: { received: 'Ontvangen', planned: 'Ingepland', done: 'Afgerond', declined: 'Afgewezen' },
  },
  fr: {
    id: 'ID',
    status: 'Statut',
    updatedAt: 'Dernière modification le',
    formLanguage: 'Langue du formulaire',
    statuses: { received: 'Reçue', planned: 'Planifiée', done: 'Terminée', declined: 'Refusée' },
  },
  en: {
    id: 'ID',
    status: 'Status',
    updatedAt: 'Last changed on',
    formLanguage: 'Language of the form',
    statuses: { received: 'Received', planned: 'Planned', done: 'Done', declined: 'Declined' },
  },
  de: {
    id: 'ID',
    status: 'Status',
    updatedAt: 'Zuletzt geändert am',
    formLanguage: 'Sprache des Formulars',
    statuses: { received: 'Eingegangen', planned: 'Geplant', done: 'Erledigt', declined: 'Abgelehnt' },
  },
};

/** Every text of the export in one language: the e-mails' summary texts plus its own. */
export function exportTexts(language: Language) {
  return { ...MAIL_TEXTS[language], ...OWN_TEXTS[language] };
}
export type ExportTexts = ReturnType<typeof exportTexts>;
