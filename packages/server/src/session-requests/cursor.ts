/**
 * The opaque `nextCursor` of the staff list: the (created_at, id) of the last request of a page,
 * as base64url JSON. Opaque so that clients pass it back unchanged and the key may change later.
 */
export interface ListPosition {
  createdAt: string;
  id: string;
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeCursor({ createdAt, id }: ListPosition): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

/** `undefined` for anything that is not a cursor this server made. */
export function decodeCursor(cursor: string): ListPosition | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [createdAt, id] = value as unknown[];
  if (typeof createdAt !== 'string' || !ISO_TIMESTAMP.test(createdAt)) return undefined;
  if (typeof id !== 'string' || id.length === 0 || id.length > 100) return undefined;
  return { createdAt, id };
}
