/** A limit on requests per key (a client address, a zone): `capacity` requests per window. */
export interface RateLimit {
  /** Requests a key may make in one window, at once or spread out. */
  capacity: number;
  /** The window's length, counted from a key's first request in it; whole seconds. */
  windowMs: number;
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
