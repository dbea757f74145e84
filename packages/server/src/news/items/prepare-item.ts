import { LANGUAGES, type Language } from '@carezone/contract';
import { checkItemSize, NewsContentError } from './content-limits.js';
import type { NewsDraft, PreparedNewsItem } from './news-draft.js';
import { collapseWhitespace, htmlToText, truncateAtWord } from './plain-text.js';
import { safeUrl, sanitizeBody, textToHtml } from './sanitize-body.js';
import { summaryFromBody, summaryFromText } from './summary.js';

const TITLE_MAX_CHARS = 300;
const AUTHOR_MAX_CHARS = 200;
const TOPIC_MAX_CHARS = 100;
const WEB = new Set(['http:', 'https:']);
const HTTPS = new Set(['https:']);

/** `nl-BE`, `NL`, `nl_be` → `nl`; a language the widgets do not speak → `null`. */
export function normalizeLanguage(value: string | undefined): Language | null {
  const primary = value?.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : null;
}

/** A date as `toISOString()` (so text order is time order), or `null` when it is not a date. */
export function normalizeDate(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** `read()`, with a content error of the field's value named after the field. */
function inField<T>(field: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof NewsContentError && error.field === undefined) {
      throw new NewsContentError(error.message, error.code, field);
    }
    throw error;
  }
}

function plainLine(value: string | undefined, max: number, field: string): string | null {
  if (value === undefined) return null;
  const text = truncateAtWord(collapseWhitespace(inField(field, () => htmlToText(value))), max);
  return text === '' ? null : text;
}

function uniqueTopics(topics: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  for (const [index, topic] of (topics ?? []).entries()) {
    // Topics are labels: plain text like titles, whatever a feed's category held.
    const text = plainLine(topic, TOPIC_MAX_CHARS, `topics.${index}`) ?? '';
    if (text !== '') seen.add(text);
  }
  return [...seen];
}

/**
 * Makes a draft safe and normal. Every way in (feed import, polling, POST, PATCH) goes through
 * here, so the sanitiser's allow-list, the summary rules and the limits of content-limits.ts hold
 * for every stored item. Throws a `NewsContentError` for an item over those limits.
 */
export function prepareNewsItem(draft: NewsDraft): PreparedNewsItem {
  checkItemSize([
    draft.title,
    draft.summary,
    draft.bodyHtml,
    draft.bodyText,
    draft.author,
    draft.image,
    draft.sourceUrl,
    ...(draft.topics ?? []),
  ]);
  const sourceUrl = safeUrl(draft.sourceUrl, undefined, WEB) ?? null;
  const bodyField = draft.bodyHtml === undefined ? 'bodyText' : 'bodyHtml';
  const rawBody = draft.bodyHtml ?? (draft.bodyText === undefined ? undefined : textToHtml(draft.bodyText));
  const bodyHtml =
    rawBody === undefined ? '' : inField(bodyField, () => sanitizeBody(rawBody, sourceUrl ?? undefined));
  const given =
    draft.summary === undefined ? '' : inField('summary', () => summaryFromText(draft.summary ?? ''));
  return {
    sourceId: draft.sourceId,
    title: plainLine(draft.title, TITLE_MAX_CHARS, 'title') ?? '',
    // A sanitised body nests no deeper than its input did, so this cannot fail where the body passed.
    summary: given !== '' ? given : summaryFromBody(bodyHtml),
    bodyHtml: bodyHtml === '' ? null : bodyHtml,
    language: normalizeLanguage(draft.language),
    publishedAt: normalizeDate(draft.publishedAt),
    updatedAt: normalizeDate(draft.updatedAt),
    author: plainLine(draft.author, AUTHOR_MAX_CHARS, 'author'),
    zones: [...new Set(draft.zones)],
    topics: uniqueTopics(draft.topics),
    image: safeUrl(draft.image, sourceUrl ?? undefined, HTTPS) ?? null,
    sourceUrl,
  };
}
