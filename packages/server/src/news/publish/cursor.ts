import { decodeKeyset, encodeKeyset, isRowId, isStoredTimestamp } from '../../storage/keyset-cursor.js';

/**
 * The opaque `nextCursor` of the news list: the sort key (dated, sort_at, id) of the last item of
 * a page. The key of an item never changes when others are inserted, so an item inserted between
 * two page fetches lands before or after the cursor and moves nothing.
 */
export interface NewsPosition {
  dated: 0 | 1;
  sortAt: string;
  id: string;
}

export function encodeNewsCursor({ dated, sortAt, id }: NewsPosition): string {
  return encodeKeyset([dated, sortAt, id]);
}

/** `undefined` for anything that is not a cursor this server made. */
export function decodeNewsCursor(cursor: string): NewsPosition | undefined {
  const [dated, sortAt, id] = decodeKeyset(cursor, 3) ?? [];
  if ((dated !== 0 && dated !== 1) || !isStoredTimestamp(sortAt) || !isRowId(id)) return undefined;
  return { dated, sortAt, id };
}
