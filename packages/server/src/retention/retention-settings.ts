import {
  type IntegerSetting,
  integerSettingFromEnv,
  parseIntegerSetting,
} from '../settings/integer-setting.js';

/** How long session requests are kept when nothing else is configured: one year. */
export const DEFAULT_RETENTION_DAYS = 365;

/** A century: anything longer is almost certainly a typo. */
const MAX_RETENTION_DAYS = 36_500;

const retentionDays = (name: string): IntegerSetting => ({
  name,
  min: 1,
  max: MAX_RETENTION_DAYS,
  unit: 'days',
});

/** A whole number of days, 1 to a century; `name` names the setting (`--older-than`) in the error. */
export function parseRetentionDays(text: string, name: string): number {
  return parseIntegerSetting(text, retentionDays(name));
}

/** `CAREZONE_RETENTION_DAYS`, else 365. */
export function retentionDaysFromEnv(env: NodeJS.ProcessEnv): number {
  return integerSettingFromEnv(env, retentionDays('CAREZONE_RETENTION_DAYS')) ?? DEFAULT_RETENTION_DAYS;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant before which a request is older than `days`. */
export function retentionCutoff(days: number, now: Date = new Date()): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
