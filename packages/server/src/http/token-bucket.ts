/**
 * Token buckets, one per key (a client address, a zone), kept in this process's memory: each key
 * may spend `capacity` requests at once, and its bucket refills evenly over `windowMs`. With
 * several server processes each keeps its own buckets, so a client may get up to N times the
 * limit from N processes; that is fine for a guard against floods, not a quota.
 */
export interface RateLimit {
  /** Requests a key may make in a burst, and per window on average. */
  capacity: number;
  windowMs: number;
}

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface TokenBuckets {
  /** Spends one token of `key`'s bucket, or says how many seconds until one is back. */
  take(key: string): TakeResult;
  readonly size: number;
}

export interface TokenBucketOptions {
  now?: () => number;
  /**
   * Keys remembered at most. Beyond it the least recently seen key is forgotten, which gives it a
   * full bucket again: a flood from very many addresses costs bounded memory, not a crash.
   */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createTokenBuckets(
  { capacity, windowMs }: RateLimit,
  { now = Date.now, maxKeys = 10_000 }: TokenBucketOptions = {},
): TokenBuckets {
  if (!(capacity >= 1) || !(windowMs > 0))
    throw new Error('a rate limit needs a capacity ≥ 1 and a window > 0');
  const perMs = capacity / windowMs;
  // A Map iterates in insertion order; re-inserting on every use makes the first key the least recent.
  const buckets = new Map<string, Bucket>();
  return {
    get size() {
      return buckets.size;
    },
    take(key) {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, at: t };
      buckets.delete(key);
      const tokens = Math.min(capacity, bucket.tokens + Math.max(0, t - bucket.at) * perMs);
      const allowed = tokens >= 1;
      buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: t });
      if (buckets.size > maxKeys) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      if (allowed) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    },
  };
}

const UNIT_MS: Record<string, number> = { s: 1_000, min: 60_000, h: 3_600_000, d: 86_400_000 };
const UNIT_NAMES: Record<string, string> = {
  s: 's',
  sec: 's',
  second: 's',
  m: 'min',
  min: 'min',
  minute: 'min',
  h: 'h',
  hour: 'h',
  d: 'd',
  day: 'd',
};

/**
 * Reads a limit such as `30/hour`, `5/min`, `100/10s` or `off` (no limit, `undefined`), the form of
 * `CAREZONE_RATE_LIMIT_IP` and `CAREZONE_RATE_LIMIT_ZONE`.
 */
export function parseRateLimit(text: string): RateLimit | undefined {
  const value = text.trim().toLowerCase();
  if (value === 'off') return undefined;
  const match = /^(\d+)\s*\/\s*(\d*)\s*([a-z]+?)s?$/.exec(value);
  const unit = match?.[3] === undefined ? undefined : UNIT_NAMES[match[3]];
  const capacity = Number(match?.[1]);
  const count = match?.[2] ? Number(match[2]) : 1;
  if (!match || unit === undefined || !(capacity >= 1) || !(count >= 1)) {
    throw new Error(`invalid rate limit "${text}": write it like 30/hour, 5/min, 100/10s, or off`);
  }
  return { capacity, windowMs: count * (UNIT_MS[unit] ?? 0) };
}
