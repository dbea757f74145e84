import { LANGUAGES, type Language } from '@carezone/contract';
import type { StoredSessionRequestInput } from '../session-requests/stored-input.js';

function isLanguage(value: string | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

/**
 * The requester reads the confirmation in the language they filled the form in; requests stored
 * before the form sent its locale fall back to the session's language, then to Dutch.
 */
export function confirmationLanguage(request: StoredSessionRequestInput): Language {
  if (isLanguage(request.locale)) return request.locale;
  return isLanguage(request.language) ? request.language : 'nl';
}

/**
 * The zone team gets the request in the language the session is to be given in: the team has
 * to speak it anyway. A bilingual session falls back to the requester's own language.
 */
export function zoneTeamLanguage(request: StoredSessionRequestInput): Language {
  if (isLanguage(request.language)) return request.language;
  return isLanguage(request.locale) ? request.locale : 'nl';
}
