import type { SessionRequestInput } from '@carezone/contract';

/**
 * Text search over session requests, the same on SQLite and PostgreSQL: the searchable fields are
 * stored normalised (`search_text`, see migrations/0008-request-search.ts) and each word of a
 * search, normalised the same way, must appear in them (`like '%word%'`).
 */

/** Lower case, without accents: "Éloïse" → "eloise", "Sint-Gillis" → "sint-gillis". */
export function normaliseSearchText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

type Searchable = Pick<SessionRequestInput, 'organisation' | 'contact'>;

/** What `search_text` holds for a request: its organisation's name, its contact's name and e-mail. */
export function searchTextOf(request: Searchable): string {
  return [request.organisation.name, request.contact.name, request.contact.email]
    .map(normaliseSearchText)
    .join('\n');
}

/** The `like` patterns of a search, one per word; `\` escapes the wildcards a word may hold. */
export function searchPatterns(q: string): string[] {
  return normaliseSearchText(q)
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
}

/**
 * The `[start, end)` instants, as stored timestamps, of Brussels days `from` to `to` (inclusive):
 * a request counts on the day it was received in Brussels, as the team reads its date.
 */
export function brusselsDayRange(
  from: string | undefined,
  to: string | undefined,
): { start?: string; end?: string } {
  return {
    start: from === undefined ? undefined : brusselsMidnight(from, 0),
    end: to === undefined ? undefined : brusselsMidnight(to, 1),
  };
}

const BRUSSELS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Brussels time is ahead of UTC at `instant`, in milliseconds. */
function brusselsOffset(instant: number): number {
  const parts = Object.fromEntries(BRUSSELS.formatToParts(instant).map((part) => [part.type, part.value]));
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return local - (instant - (instant % 1000));
}

/** Midnight in Brussels at the start of `date` plus `days`, as an ISO UTC timestamp. */
function brusselsMidnight(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const utcMidnight = Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days);
  // Belgium changes clocks at 02:00 and 03:00, never at midnight: one correction is exact.
  const guess = utcMidnight - brusselsOffset(utcMidnight);
  return new Date(utcMidnight - brusselsOffset(guess)).toISOString();
}
