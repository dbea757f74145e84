import type { Context } from 'hono';

/** What the per-address rate limit keys on when the address cannot be known (in-process requests). */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * The address of the client, for rate limiting only (it is never logged). Directly on the
 * internet that is the socket's peer. Behind `trustedProxies` reverse proxies it is the entry that
 * many places from the right of `X-Forwarded-For`: each proxy appends the peer it saw, so entries
 * further left were written by the client and prove nothing.
 */
export function clientAddress(c: Context, trustedProxies: number): string {
  const socketAddress = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming?.socket?.remoteAddress;
  if (trustedProxies > 0) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const entry = forwarded[forwarded.length - trustedProxies];
    if (entry) return entry;
  }
  return socketAddress ?? UNKNOWN_ADDRESS;
}
