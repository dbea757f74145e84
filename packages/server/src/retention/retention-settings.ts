/** How long session requests are kept when nothing else is configured: one year. */
export const DEFAULT_RETENTION_DAYS = 365;

/** A whole number of days, at least 1; `what` names the setting in the error. */
export function parseRetentionDays(text: string, what: string): number {
  const days = /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`${what} must be a whole number of days, at least 1`);
  return days;
}

/** `CAREZONE_RETENTION_DAYS`, else 365. */
export function retentionDaysFromEnv(env: NodeJS.ProcessEnv): number {
  const text = env.CAREZONE_RETENTION_DAYS?.trim();
  return text ? parseRetentionDays(text, 'CAREZONE_RETENTION_DAYS') : DEFAULT_RETENTION_DAYS;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant before which a request is older than `days`. */
export function retentionCutoff(days: number, now: Date = new Date()): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
