/**
 * What one news item may be, whichever way it comes in (a feed, polling, POST, PATCH). Checked before
 * any parsing, so the work spent on an item stays proportional to these bounds.
 */

/**
 * Title, summary, body, author, topics and links of one item together, in characters: room for a
 * body at the API's 200,000-character limit with its title and summary, so an item of our own
 * outgoing feeds always imports; a single article beyond that is not news but something else.
 */
export const MAX_ITEM_CHARS = 250_000;

/**
 * How deep elements may nest in any HTML field. Articles nest a dozen deep; the HTML parser under
 * sanitize-html (htmlparser2) keeps its open elements in an array it shifts at every tag, so its
 * time grows with depth × tags: bounding the depth keeps it linear in the input.
 */
export const MAX_HTML_DEPTH = 256;

/** An item that breaks one of these limits: refused (POST, PATCH) or skipped (imports). */
export class NewsContentError extends Error {
  override readonly name = 'NewsContentError';
  /** Which limit, as a validation problem's field code. */
  readonly code: 'too_long' | 'too_deep';
  /** The field at fault (`bodyHtml`, `title`…), or `undefined` for the item as a whole. */
  readonly field: string | undefined;

  constructor(message: string, code: NewsContentError['code'], field?: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}

const count = new Intl.NumberFormat('en');

/** Throws when the item's text fields together are longer than `MAX_ITEM_CHARS`. */
export function checkItemSize(fields: readonly (string | null | undefined)[]): void {
  const chars = fields.reduce((sum, field) => sum + (field?.length ?? 0), 0);
  if (chars > MAX_ITEM_CHARS) {
    throw new NewsContentError(
      `the item has ${count.format(chars)} characters (title, summary, body and the rest together), ` +
        `over the limit of ${count.format(MAX_ITEM_CHARS)}`,
      'too_long',
    );
  }
}
