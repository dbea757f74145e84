import { decodeKeyset, encodeKeyset, isRowId, isStoredTimestamp } from '../storage/keyset-cursor.js';

/** The opaque `nextCursor` of the staff list: the (created_at, id) of the last request of a page. */
export interface ListPosition {
  createdAt: string;
  id: string;
}

export function encodeCursor({ createdAt, id }: ListPosition): string {
  return encodeKeyset([createdAt, id]);
}

/** `undefined` for anything that is not a cursor this server made. */
export function decodeCursor(cursor: string): ListPosition | undefined {
  const [createdAt, id] = decodeKeyset(cursor, 2) ?? [];
  if (!isStoredTimestamp(createdAt) || !isRowId(id)) return undefined;
  return { createdAt, id };
}
