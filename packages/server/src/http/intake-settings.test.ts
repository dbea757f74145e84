import assert from 'node:assert/strict';
import { test } from 'node:test';
import { intakeSettingsFromEnv } from './intake-settings.js';

test('nothing set: every intake setting is its default', () => {
  assert.deepEqual(intakeSettingsFromEnv({}), {
    topics: undefined,
    allowedOrigins: undefined,
    rateLimits: { perAddress: undefined, perZone: undefined, signIn: undefined },
    trustedProxies: undefined,
  });
  assert.deepEqual(intakeSettingsFromEnv({ CAREZONE_TOPICS: ' ', CAREZONE_RATE_LIMIT_IP: '' }).rateLimits, {
    perAddress: undefined,
    perZone: undefined,
    signIn: undefined,
  });
});

test('every variable is read', () => {
  assert.deepEqual(
    intakeSettingsFromEnv({
      CAREZONE_TOPICS: 'topics.json',
      CAREZONE_ALLOWED_ORIGINS: 'https://a.example,https://b.example',
      CAREZONE_RATE_LIMIT_IP: '1000000/s',
      CAREZONE_RATE_LIMIT_ZONE: 'off',
      CAREZONE_RATE_LIMIT_SIGN_IN: '5/15min',
      CAREZONE_TRUST_PROXY: '1',
    }),
    {
      topics: 'topics.json',
      allowedOrigins: 'https://a.example,https://b.example',
      rateLimits: {
        perAddress: { capacity: 1_000_000, windowMs: 1000 },
        perZone: 'off',
        signIn: { capacity: 5, windowMs: 15 * 60_000 },
      },
      trustedProxies: 1,
    },
  );
});

test('a malformed value names its variable', () => {
  assert.throws(
    () => intakeSettingsFromEnv({ CAREZONE_RATE_LIMIT_ZONE: 'lots' }),
    /^Error: CAREZONE_RATE_LIMIT_ZONE: /,
  );
  assert.throws(() => intakeSettingsFromEnv({ CAREZONE_TRUST_PROXY: 'yes' }), /CAREZONE_TRUST_PROXY/);
});
