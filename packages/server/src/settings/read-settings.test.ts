import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { logLevelOf, serverOptionsOf, storageOptionsOf, zonepacksOf } from './read-settings.js';
import { type ConfigLayers, resolveSettings } from './resolve-settings.js';

const layers = (environment: Record<string, string>, dotenv: Record<string, string> = {}): ConfigLayers => ({
  environment,
  dotenv: { path: '/srv/carezone/.env', values: dotenv },
});

describe('the settings of serve and the commands', () => {
  test('the pack and the database set in .env are those every command reads', () => {
    const settings = resolveSettings(
      layers({}, { CAREZONE_ZONEPACK: '/srv/packs/belgium', CAREZONE_DATA_DIR: '/var/lib/carezone' }),
    );
    assert.deepEqual(zonepacksOf(settings), ['/srv/packs/belgium']);
    assert.deepEqual(storageOptionsOf(settings), { dataDir: '/var/lib/carezone', databaseUrl: undefined });
  });

  test('serve gets its options from every layer, defaults where nothing is set', async () => {
    const options = await serverOptionsOf(
      resolveSettings(
        layers(
          { CAREZONE_RATE_LIMIT_IP: 'off', CAREZONE_TRUST_PROXY: '1' },
          { PORT: '0', CAREZONE_PUBLIC_URL: 'https://zorgzones.example.be/', CAREZONE_RETENTION_DAYS: '30' },
        ),
        { host: '0.0.0.0' },
      ),
    );
    assert.equal(options.port, 0);
    assert.equal(options.host, '0.0.0.0');
    assert.equal(options.publicUrl, 'https://zorgzones.example.be');
    assert.equal(options.retentionDays, 30);
    assert.equal(options.trustedProxies, 1);
    assert.deepEqual(options.rateLimits?.perAddress, 'off');
    assert.equal(options.dataDir, '.carezone');
    assert.deepEqual(options.zonepacks, []);
    assert.ok(options.mail && options.mail.dir === join('.carezone', 'outbox-mail'));
  });

  test('a bad value is one message naming the setting, where it was set, and what it expects', async () => {
    const cases: [ConfigLayers, Record<string, string>, RegExp][] = [
      [
        layers({}, { PORT: 'abc' }),
        {},
        /^PORT \(from \.env\) must be a whole number from 0 to 65535, not "abc"$/,
      ],
      [layers({ PORT: '70000' }), {}, /^PORT must be a whole number from 0 to 65535, not "70000"$/],
      [
        layers({}, { PORT: 'abc' }),
        { port: 'x' },
        /^--port must be a whole number from 0 to 65535, not "x"$/,
      ],
      [
        layers({}, { CAREZONE_PUBLIC_URL: 'zorgzones.be' }),
        {},
        /^CAREZONE_PUBLIC_URL \(from \.env\) must be the server's public origin/,
      ],
      [
        layers({}, { CAREZONE_RATE_LIMIT_ZONE: 'lots' }),
        {},
        /^CAREZONE_RATE_LIMIT_ZONE \(from \.env\): invalid rate limit "lots"/,
      ],
      [
        layers({}, { CAREZONE_SMTP_URL: 'smtp://mail:587' }),
        {},
        /^CAREZONE_SMTP_URL \(from \.env\) is set but CAREZONE_MAIL_FROM is not/,
      ],
      [
        layers({}, { CAREZONE_NEWS_POLL_MINUTES: '0' }),
        {},
        /^CAREZONE_NEWS_POLL_MINUTES \(from \.env\) must be a whole number of minutes/,
      ],
      [layers({ CAREZONE_TOPICS: '/nowhere/topics.json' }), {}, /^CAREZONE_TOPICS: ENOENT/],
    ];
    for (const [config, flags, message] of cases) {
      await assert.rejects(serverOptionsOf(resolveSettings(config, flags)), {
        name: 'SettingError',
        message,
      });
    }
  });

  test('a topics file is read and checked with the settings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'carezone-topics-'));
    try {
      const file = join(dir, 'topics.json');
      const label = { nl: 'Diabetes', fr: 'Diabète', en: 'Diabetes', de: 'Diabetes' };
      await writeFile(file, JSON.stringify([{ id: 'diabetes', label }]));
      const options = await serverOptionsOf(resolveSettings(layers({}, { CAREZONE_TOPICS: file })));
      assert.deepEqual(options.topics, [{ id: 'diabetes', label }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('LOG_LEVEL is one of the levels of the log', () => {
    assert.equal(logLevelOf(resolveSettings(layers({}, { LOG_LEVEL: 'warn' }))), 'warn');
    assert.equal(logLevelOf(resolveSettings(layers({}))), 'info');
    assert.throws(() => logLevelOf(resolveSettings(layers({}, { LOG_LEVEL: 'verbose' }))), {
      name: 'SettingError',
      message:
        'LOG_LEVEL (from .env) must be one of fatal, error, warn, info, debug, trace, silent, not "verbose"',
    });
  });
});
