/**
 * The opaque `nextCursor` of the news list: the sort key (dated, sort_at, id) of the last item of
 * a page, as base64url JSON. The key of an item never changes when others are inserted, so an
 * item inserted between two page fetches lands before or after the cursor and moves nothing.
 */
export interface NewsPosition {
  dated: 0 | 1;
  sortAt: string;
  id: string;
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeNewsCursor({ dated, sortAt, id }: NewsPosition): string {
  return Buffer.from(JSON.stringify([dated, sortAt, id])).toString('base64url');
}

/** `undefined` for anything that is not a cursor this server made. */
export function decodeNewsCursor(cursor: string): NewsPosition | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 3) return undefined;
  const [dated, sortAt, id] = value as unknown[];
  if (dated !== 0 && dated !== 1) return undefined;
  if (typeof sortAt !== 'string' || !ISO_TIMESTAMP.test(sortAt)) return undefined;
  if (typeof id !== 'string' || id.length === 0 || id.length > 100) return undefined;
  return { dated, sortAt, id };
}
