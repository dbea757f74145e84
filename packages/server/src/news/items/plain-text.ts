import type sanitizeHtml from 'sanitize-html';
import { NON_TEXT_TAGS, sanitizeWithin } from './sanitize-body.js';

/** Elements whose edges are line breaks in text: blocks end a paragraph, `br` a line. */
const BLOCK_TAGS = [
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'blockquote',
  'figure',
  'figcaption',
  'section',
  'article',
  'header',
  'footer',
  'tr',
  'table',
  'pre',
];

/**
 * The sanitiser keeps only the block tags and `br`, bare: what it writes is then text (with `<`
 * escaped) and tags of exactly the forms below, so finding them takes one linear pass. Matching
 * block tags in the raw HTML instead took a scan to the next `>` from every `<p`, which on markup
 * that never closes its tags is quadratic.
 */
const BLOCKS_ONLY: sanitizeHtml.IOptions = {
  allowedTags: [...BLOCK_TAGS, 'br'],
  allowedAttributes: {},
  nonTextTags: NON_TEXT_TAGS,
};
const KEPT_TAG = /<br \/>|<\/?[a-z][a-z0-9]*>/g;
/**
 * Markup that decoding brought back ("&lt;script&gt;" in a feed's text). Plain text never needs
 * it, and a client that wrongly puts a summary in innerHTML must still get nothing to run.
 */
const TAG_LIKE = /<\/?[a-z!?][^>]*>?/gi;
const ESCAPED: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&amp;': '&' };

/**
 * The text of some HTML, one block (paragraph, heading, list item) per line, entities decoded.
 * Feeds put markup and entities in titles and summaries too, so this reads every such field.
 * Throws a `NewsContentError` when its elements nest too deep.
 */
export function htmlToText(html: string): string {
  // sanitize-html decodes every entity and escapes only these four again.
  const text = sanitizeWithin(html, BLOCKS_ONLY)
    .replace(KEPT_TAG, (tag) => (tag === '<br />' ? '\n' : '\n\n'))
    .replace(/&(lt|gt|quot|amp);/g, (entity) => ESCAPED[entity] ?? entity);
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
