import { isIPv6 } from 'node:net';
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

/**
 * What the per-address limit counts by: an IPv4 address itself, an IPv6 address's /64 network.
 * A household, an office or a phone gets a whole /64 and may use any of its 2^64 addresses:
 * counted one by one, each would have a limit of its own (and a row of its own in the shared
 * table, or memory in this process). An IPv4 address written as IPv6 (`::ffff:203.0.113.7`, as a
 * dual-stack socket reports it) is that IPv4 address. Anything else is counted as it is.
 */
export function rateLimitKey(address: string): string {
  const bare = address.replace(/%.*$/, '');
  if (!isIPv6(bare)) return address;
  const groups = ipv6Groups(bare);
  const [, , , , , sixth = 0, high = 0, low = 0] = groups;
  if (groups.slice(0, 5).every((group) => group === 0) && sixth === 0xffff) {
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  const network = groups.slice(0, 4).map((group) => group.toString(16));
  return `${network.join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, `::` expanded. */
function ipv6Groups(address: string): number[] {
  // A dotted IPv4 tail stands for the last two groups.
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  let hex = address;
  if (tail) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.slice(1).map(Number);
    hex = `${address.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = hex.split('::');
  const parse = (part: string) =>
    part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16));
  const first = parse(head);
  const last = rest === undefined ? [] : parse(rest);
  return [...first, ...Array<number>(8 - first.length - last.length).fill(0), ...last];
}
