/**
 * The opaque cursors of keyset pagination: the sort key of a page's last row, as base64url JSON.
 * Opaque so that clients pass them back unchanged and a key may change later; each list checks
 * the values it decodes, since a cursor comes back from anyone.
 */
export function encodeKeyset(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key's values when `cursor` is base64url JSON of an array of `length`, else `undefined`. */
export function decodeKeyset(cursor: string, length: number): unknown[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  return Array.isArray(value) && value.length === length ? value : undefined;
}

const STORED_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A timestamp as the storage writes them (`Date.toISOString()`). */
export function isStoredTimestamp(value: unknown): value is string {
  return typeof value === 'string' && STORED_TIMESTAMP.test(value);
}

/** A row id (a UUID): a non-empty string of bounded length. */
export function isRowId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 100;
}
