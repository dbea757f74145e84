import { retryDelayMs } from '../../backoff.js';

/** A feed that has been failing for long is still tried twice a day, so its repair is noticed. */
export const NEWS_BACKOFF_CAP_MS = 12 * 60 * 60_000;

/**
 * How long to wait after a source's `failures`-th failure in a row: one to two intervals after the
 * first (30–60 min at the default), doubling with each further failure, up to 6–12 h. The jitter
 * (the mail outbox's "equal jitter") spreads out sources that failed together, say while the
 * network was down; the floor of one interval means a failing feed is never polled more often.
 */
export function failureDelayMs(
  failures: number,
  intervalMs: number,
  random: () => number = Math.random,
): number {
  const capMs = Math.max(NEWS_BACKOFF_CAP_MS, 2 * intervalMs);
  return retryDelayMs(failures, { baseMs: 2 * intervalMs, capMs }, random);
}
