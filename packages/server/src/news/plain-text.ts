import type sanitizeHtml from 'sanitize-html';
import { NON_TEXT_TAGS, sanitizer } from './sanitize-body.js';

const BLOCK_BOUNDARY =
  /<\/?(p|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|section|article|header|footer|tr|table|pre)\b[^>]*>/gi;
const LINE_BREAK = /<br\s*\/?>/gi;
/**
 * Markup that decoding brought back ("&lt;script&gt;" in a feed's text). Plain text never needs
 * it, and a client that wrongly puts a summary in innerHTML must still get nothing to run.
 */
const TAG_LIKE = /<\/?[a-z!?][^>]*>?/gi;
const ESCAPED: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&amp;': '&' };

const TEXT_ONLY: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  nonTextTags: NON_TEXT_TAGS,
};

/**
 * The text of some HTML, one block (paragraph, heading, list item) per line, entities decoded.
 * Feeds put markup and entities in titles and summaries too, so this reads every such field.
 */
export function htmlToText(html: string): string {
  const marked = html.replace(LINE_BREAK, '\n').replace(BLOCK_BOUNDARY, '\n\n');
  // sanitize-html decodes every entity and escapes only these four again.
  const text = sanitizer()(marked, TEXT_ONLY).replace(
    /&(lt|gt|quot|amp);/g,
    (entity) => ESCAPED[entity] ?? entity,
  );
  return text
    .split(/\n/)
    .map(collapseWhitespace)
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .replace(TAG_LIKE, '')
    .trim();
}

/** One line: runs of whitespace (tabs, no-break spaces, newlines) become one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** At most `max` characters, cut at a word boundary with an ellipsis when it had to be cut. */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  // One endless "word" (a URL) has no boundary worth waiting for.
  const head = lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut.slice(0, max - 1);
  return `${head.replace(/[\s,;:.–—-]+$/u, '')}…`;
}
