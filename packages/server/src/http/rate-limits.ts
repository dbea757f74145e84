import type { Pool } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../logger.js';
import { ProblemError } from './problem.js';
import type { RateLimit } from './rate-limit-setting.js';

/**
 * Limits on sending session requests. `off` turns one off; absent means the default. Each counts
 * fixed windows per key (rate-limiter-flexible): a key's first request opens a window of
 * `windowMs`, in which it may make `capacity` requests, at once or spread out; the next window
 * opens with its first request after that. Where server processes share PostgreSQL the counts are
 * kept there (table `rate_limits`), so the limit holds whichever process answers; on SQLite (one
 * process) they are kept in memory.
 */
export interface RateLimits {
  /** Per client address: stops one machine from flooding the form. */
  perAddress?: RateLimit | 'off' | undefined;
  /** Per zone: protects one zone team's inbox from a flood spread over many addresses. */
  perZone?: RateLimit | 'off' | undefined;
  /** Staff sign-ins (`POST /v1/staff/session`) per client address: stops guessing and hammering. */
  signIn?: RateLimit | 'off' | undefined;
}

const HOUR = 3_600_000;
/** Generous for people: an office behind one address rarely sends 30 requests in an hour. */
export const DEFAULT_RATE_LIMITS = {
  perAddress: { capacity: 30, windowMs: HOUR },
  perZone: { capacity: 120, windowMs: HOUR },
  signIn: { capacity: 10, windowMs: HOUR / 4 },
} as const satisfies Required<RateLimits>;

/** Where a limit keeps its counts. */
export interface RateLimitStore {
  /** PostgreSQL, shared by every server process on it; `undefined`: this process's memory. */
  postgresPool: Pool | undefined;
  /** Told when PostgreSQL does not answer and the counts fall back to this process's memory. */
  logger: Logger;
}

export interface RateLimiterOptions {
  /** Prefixes the limit's keys (`address`, `zone`), which share one table: one name per limit. */
  name: string;
  /** How the refusal names what is limited: "too many {subject} {what}". */
  what: string;
  /** What is counted, in the refusal; default `session requests`. */
  subject?: string;
  store: RateLimitStore;
}

/** Spends one request of `key`'s limit, or throws 429 RATE_LIMITED with `Retry-After`. */
export type RateLimiter = (key: string) => Promise<void>;

/** What a counter is made with: its key prefix, requests per window, and the window in seconds. */
type CounterOptions = ConstructorParameters<typeof RateLimiterMemory>[0];

/** Made by migration 0004; never by the library, which would race when processes start together. */
export const RATE_LIMITS_TABLE = 'rate_limits';
/**
 * Expired rows are deleted by a query that a request starts at most this often per limit and
 * process, rather than by the library's timer: nothing runs while no request comes, nothing is
 * left for `close()` to stop, and no rows pile up since each one is made by a request.
 */
const SWEEP_EVERY_MS = 5 * 60_000;
/** Rows are deleted this long after their window ended: the processes' clocks may differ a little. */
const SWEEP_GRACE_MS = 60_000;
/** While PostgreSQL does not answer, the fallback to memory is logged at most this often per limit. */
const FALLBACK_WARNING_EVERY_MS = 60_000;

export function rateLimiter(
  limit: RateLimit | 'off' | undefined,
  fallback: RateLimit,
  { name, what, subject = 'session requests', store }: RateLimiterOptions,
): RateLimiter {
  if (limit === 'off') return async () => {};
  const { capacity, windowMs } = limit ?? fallback;
  if (!(Number.isInteger(capacity) && capacity >= 1) || !(windowMs >= 1000 && windowMs % 1000 === 0)) {
    throw new Error('a rate limit needs a whole capacity ≥ 1 and a window of whole seconds');
  }
  const options: CounterOptions = { keyPrefix: name, points: capacity, duration: windowMs / 1000 };
  const { postgresPool, logger } = store;
  const counter =
    postgresPool === undefined
      ? new RateLimiterMemory(options)
      : sharedCounter(postgresPool, options, logger);
  return async (key) => {
    try {
      await counter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new ProblemError(
        429,
        'RATE_LIMITED',
        `too many ${subject} ${what}; try again in ${seconds} s`,
        {},
        { 'retry-after': String(seconds) },
      );
    }
  };
}

/** Counts in PostgreSQL, shared by every process on it, and in memory while it does not answer. */
function sharedCounter(
  pool: Pool,
  options: CounterOptions,
  logger: Logger,
): { consume(key: string): Promise<unknown> } {
  let warnedAt = Number.NEGATIVE_INFINITY;
  // The library calls its insurance only when the store failed: that is the moment to say so. A
  // store error never reaches the request, which is limited per process meanwhile; the write that
  // follows gets the storage's own answer.
  class MemoryWhilePostgresIsAway extends RateLimiterMemory {
    override consume(...args: Parameters<RateLimiterMemory['consume']>) {
      if (Date.now() - warnedAt >= FALLBACK_WARNING_EVERY_MS) {
        warnedAt = Date.now();
        logger.warn(
          { limit: options.keyPrefix },
          'rate limit: PostgreSQL did not answer, so this process counts on its own for now',
        );
      }
      return super.consume(...args);
    }
  }
  const counter = new RateLimiterPostgres({
    ...options,
    storeClient: pool,
    storeType: 'pool',
    tableName: RATE_LIMITS_TABLE,
    tableCreated: true,
    clearExpiredByTimeout: false,
    // A key over its limit is refused from memory until its window ends, without asking PostgreSQL
    // again: a flood from one address costs one write per process and window, not one per request.
    inMemoryBlockOnConsumed: options.points + 1,
    insuranceLimiter: new MemoryWhilePostgresIsAway(options),
  });
  let sweptAt = Number.NEGATIVE_INFINITY;
  return {
    consume(key) {
      const now = Date.now();
      if (now - sweptAt >= SWEEP_EVERY_MS) {
        sweptAt = now;
        // Not awaited, and a failure only leaves the rows for the next sweep.
        deleteExpiredRateLimits(pool, now).catch(() => {});
      }
      return counter.consume(key);
    },
  };
}

/**
 * Deletes the rows whose window ended over a minute before `now`, and says how many. Requests run
 * it now and then; a scheduled job may too, so that the client addresses in the keys go also while
 * no request comes.
 */
export async function deleteExpiredRateLimits(pool: Pool, now = Date.now()): Promise<number> {
  const result = await pool.query(`delete from ${RATE_LIMITS_TABLE} where expire < $1`, [
    now - SWEEP_GRACE_MS,
  ]);
  return result.rowCount ?? 0;
}
