export interface BackoffPolicy {
  /** Delay after the first failure. */
  baseMs: number;
  /** No delay grows past this. */
  capMs: number;
}

/** Of the outbox's e-mails: 1 min, 2, 4, … up to 6 h: a short SMTP outage heals fast, a long one is not hammered. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 60_000, capMs: 6 * 60 * 60_000 };

/**
 * How long to wait after `failedAttempts` failures (1 or more). Exponential up to the cap, then
 * "equal jitter": between half and all of that, so rows that failed together (an SMTP outage)
 * spread out instead of retrying in one burst, while none retries much sooner than planned.
 */
export function retryDelayMs(
  failedAttempts: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
