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
 * anywhere and without heading labels before the first sentence. Reads lines only until the summary
 * is full, however long the body.
 */
export function summaryFromBody(bodyHtml: string): string {
  const labels: string[] = [];
  let text = '';
  for (const line of htmlToText(bodyHtml).split('\n')) {
    if (text.length > SUMMARY_MAX_CHARS) break;
    if (isNoiseLine(line)) continue;
    if (text === '' && isLabelLine(line)) {
      labels.push(line);
      continue;
    }
    text = text === '' ? line : `${text} ${line}`;
  }
  // Labels only (a list of short items): better than no summary.
  if (text === '') text = labels.join(' ');
  return truncateAtWord(collapseWhitespace(text), SUMMARY_MAX_CHARS);
}
