import { type IntegerSetting, integerSettingFromEnv } from '../settings/integer-setting.js';
import { parseRateLimit } from './rate-limit-setting.js';
import type { RateLimits } from './rate-limits.js';

/** `CAREZONE_TRUST_PROXY`: more than a few proxies in front of one server is a typo. */
const TRUST_PROXY: IntegerSetting = {
  name: 'CAREZONE_TRUST_PROXY',
  min: 0,
  max: 10,
  unit: 'reverse proxies',
};

/** The session request intake's settings, as `startServer` takes them. */
export interface IntakeSettings {
  topics?: string | undefined;
  allowedOrigins?: string | undefined;
  rateLimits: RateLimits;
  trustedProxies?: number | undefined;
}

/**
 * Reads the intake's environment: `CAREZONE_TOPICS` (a JSON file of topics),
 * `CAREZONE_ALLOWED_ORIGINS` (comma-separated origins, or `*`), `CAREZONE_RATE_LIMIT_IP`,
 * `CAREZONE_RATE_LIMIT_ZONE` and `CAREZONE_RATE_LIMIT_SIGN_IN` (staff sign-ins per address; like
 * `30/hour`, or `off`), `CAREZONE_TRUST_PROXY` (a count of
 * reverse proxies). Unset or empty means the default; a malformed value throws.
 */
export function intakeSettingsFromEnv(env: NodeJS.ProcessEnv): IntakeSettings {
  const rateLimit = (name: string) => {
    const value = env[name]?.trim();
    if (!value) return undefined;
    try {
      return parseRateLimit(value) ?? 'off';
    } catch (error) {
      throw new Error(`${name}: ${(error as Error).message}`);
    }
  };
  const trustedProxies = integerSettingFromEnv(env, TRUST_PROXY);
  return {
    topics: env.CAREZONE_TOPICS?.trim() || undefined,
    allowedOrigins: env.CAREZONE_ALLOWED_ORIGINS?.trim() || undefined,
    rateLimits: {
      perAddress: rateLimit('CAREZONE_RATE_LIMIT_IP'),
      perZone: rateLimit('CAREZONE_RATE_LIMIT_ZONE'),
      signIn: rateLimit('CAREZONE_RATE_LIMIT_SIGN_IN'),
    },
    trustedProxies,
  };
}
