/**
 * A fresh key for `sessionRequests.create`: 128 random bits as 32 hex digits. Made with
 * `crypto.getRandomValues`, which, unlike `crypto.randomUUID`, also exists on pages served over
 * plain http (not a secure context), as some municipal sites still are.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
