import type { RateLimits } from './rate-limits.js';
import { parseRateLimit } from './rate-limit-setting.js';

/** The session request intake's settings, as `startServer` takes them. */
export interface IntakeSettings {
  topics?: string | undefined;
  allowedOrigins?: string | undefined;
  rateLimits: RateLimits;
  trustedProxies?: number | undefined;
}

/**
 * Reads the intake's environment: `CAREZONE_TOPICS` (a JSON file of topics),
 * `CAREZONE_ALLOWED_ORIGINS` (comma-separated origins, or `*`), `CAREZONE_RATE_LIMIT_IP` and
 * `CAREZONE_RATE_LIMIT_ZONE` (like `30/hour`, or `off`), `CAREZONE_TRUST_PROXY` (a count of
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
  const proxies = env.CAREZONE_TRUST_PROXY?.trim();
  if (proxies && !/^\d{1,2}$/.test(proxies)) {
    throw new Error(
      `CAREZONE_TRUST_PROXY must be the number of reverse proxies in front (0, 1, 2…), not "${proxies}"`,
    );
  }
  return {
    topics: env.CAREZONE_TOPICS?.trim() || undefined,
    allowedOrigins: env.CAREZONE_ALLOWED_ORIGINS?.trim() || undefined,
    rateLimits: {
      perAddress: rateLimit('CAREZONE_RATE_LIMIT_IP'),
      perZone: rateLimit('CAREZONE_RATE_LIMIT_ZONE'),
    },
    trustedProxies: proxies ? Number(proxies) : undefined,
  };
}
