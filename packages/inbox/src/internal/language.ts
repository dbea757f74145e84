import type { Language } from '@carezone/sdk';

export const INBOX_LANGUAGES: readonly Language[] = ['nl', 'fr', 'en', 'de'];
const STORAGE_KEY = 'carezone-inbox-lang';

function supported(tag: string | null | undefined): Language | undefined {
  const primary = tag?.trim().toLowerCase().split('-')[0];
  return INBOX_LANGUAGES.find((language) => language === primary);
}

/**
 * The inbox's language: the one chosen with the switch on this browser, else the page's `<html
 * lang>` (the server writes the one the browser asks for), else the browser's, else Dutch.
 */
export function initialLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage refused (a privacy setting): the page's language stands.
  }
  return (
    supported(stored) ??
    supported(document.documentElement.getAttribute('lang')) ??
    navigator.languages.map((tag) => supported(tag)).find((language) => language !== undefined) ??
    'nl'
  );
}

/** Remembers a language chosen with the switch, and gives it to the page (and the widgets in it). */
export function chooseLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered: it still applies to this page.
  }
  document.documentElement.lang = language;
}

/** Belgian conventions for every language (date order, separators). */
export const localeOf = (language: Language): string => `${language}-BE`;

/** An instant as a date and time in Brussels: "3 december 2026 om 09:15". */
export function formatDateTime(language: Language, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  }).format(date);
}

/** An instant as a date in Brussels: "3 dec. 2026". */
export function formatDate(language: Language, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeZone: 'Europe/Brussels',
  }).format(date);
}
