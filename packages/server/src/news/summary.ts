import { isLabelLine, isNoiseLine } from './noise-lines.js';
import { collapseWhitespace, htmlToText, truncateAtWord } from './plain-text.js';

/** Summaries are short plain text: a teaser, not a second body. */
export const SUMMARY_MAX_CHARS = 300;

/** A summary a feed or a staff member gave: plain text, one line, at most `SUMMARY_MAX_CHARS`. */
export function summaryFromText(htmlOrText: string): string {
  return truncateAtWord(collapseWhitespace(htmlToText(htmlOrText)), SUMMARY_MAX_CHARS);
}

/**
 * A summary derived from a body: its first lines of prose, without the lines of page furniture
 * anywhere and without heading labels before the first sentence.
 */
export function summaryFromBody(bodyHtml: string): string {
  const lines = htmlToText(bodyHtml)
    .split('\n')
    .filter((line) => !isNoiseLine(line));
  const firstProse = lines.findIndex((line) => !isLabelLine(line));
  const prose = firstProse === -1 ? lines : lines.slice(firstProse);
  let text = '';
  for (const line of prose) {
    if (text.length > SUMMARY_MAX_CHARS) break;
    text = text === '' ? line : `${text} ${line}`;
  }
  return truncateAtWord(collapseWhitespace(text), SUMMARY_MAX_CHARS);
}
