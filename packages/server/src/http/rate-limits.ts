import { ProblemError } from './problem.js';
import { createTokenBuckets, type RateLimit } from './token-bucket.js';

/**
 * Limits on sending session requests, per process (see token-bucket.ts). `off` turns one off;
 * absent means the default.
 */
export interface RateLimits {
  /** Per client address: stops one machine from flooding the form. */
  perAddress?: RateLimit | 'off' | undefined;
  /** Per zone: protects one zone team's inbox from a flood spread over many addresses. */
  perZone?: RateLimit | 'off' | undefined;
}

const HOUR = 3_600_000;
/** Generous for people: an office behind one address rarely sends 30 requests in an hour. */
export const DEFAULT_RATE_LIMITS = {
  perAddress: { capacity: 30, windowMs: HOUR },
  perZone: { capacity: 120, windowMs: HOUR },
} as const satisfies Required<RateLimits>;

/** Spends a token for `key`, or throws 429 RATE_LIMITED with `Retry-After`. */
export type RateLimiter = (key: string) => void;

export function rateLimiter(
  limit: RateLimit | 'off' | undefined,
  fallback: RateLimit,
  what: string,
): RateLimiter {
  if (limit === 'off') return () => {};
  const buckets = createTokenBuckets(limit ?? fallback);
  return (key) => {
    const result = buckets.take(key);
    if (result.allowed) return;
    const seconds = result.retryAfterSeconds;
    throw new ProblemError(
      429,
      'RATE_LIMITED',
      `too many session requests ${what}; try again in ${seconds} s`,
      {},
      { 'retry-after': String(seconds) },
    );
  };
}
