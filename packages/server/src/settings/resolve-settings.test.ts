import assert from 'node:assert/strict';
import { delimiter } from 'node:path';
import { describe, test } from 'node:test';
import { type ConfigLayers, resolveSettings, SettingError } from './resolve-settings.js';

const layers = (environment: Record<string, string>, dotenv: Record<string, string> = {}): ConfigLayers => ({
  environment,
  dotenv: { path: '/srv/carezone/.env', values: dotenv },
});

describe('resolveSettings', () => {
  test('a flag wins over the environment, which wins over .env, which wins over the default', () => {
    const config = layers(
      { PORT: '4000', CAREZONE_DATA_DIR: '/from/environment' },
      { PORT: '5000', CAREZONE_DATA_DIR: '/from/dotenv', HOST: '0.0.0.0' },
    );
    const settings = resolveSettings(config, { data: '/from/flag' });
    const seen = (name: 'PORT' | 'HOST' | 'CAREZONE_DATA_DIR' | 'LOG_LEVEL') => {
      const { source, value, label } = settings.get(name);
      return { source, value, label };
    };
    assert.deepEqual(seen('CAREZONE_DATA_DIR'), { source: 'flag', value: '/from/flag', label: '--data' });
    assert.deepEqual(seen('PORT'), { source: 'environment', value: '4000', label: 'PORT' });
    assert.deepEqual(seen('HOST'), { source: '.env', value: '0.0.0.0', label: 'HOST (from .env)' });
    assert.deepEqual(seen('LOG_LEVEL'), { source: 'default', value: undefined, label: 'LOG_LEVEL' });
  });

  test('an empty variable in the environment hides .env and counts as unset', () => {
    const settings = resolveSettings(layers({ PORT: '' }, { PORT: '5000' }));
    const port = settings.get('PORT');
    assert.deepEqual([port.source, port.text, port.value], ['environment', '', undefined]);
    assert.equal(settings.asEnvironment().PORT, undefined);
  });

  test('a list setting: repeated flags as given, a variable split on the path delimiter', () => {
    const fromEnvironment = resolveSettings(layers({ CAREZONE_ZONEPACK: `/a${delimiter}${delimiter}/b` }));
    assert.deepEqual(fromEnvironment.get('CAREZONE_ZONEPACK').values, ['/a', '/b']);
    const fromFlags = resolveSettings(layers({ CAREZONE_ZONEPACK: '/a' }), { zonepack: ['/c', '/d'] });
    assert.deepEqual(fromFlags.get('CAREZONE_ZONEPACK').values, ['/c', '/d']);
    assert.deepEqual(resolveSettings(layers({})).get('CAREZONE_ZONEPACK').values, []);
  });

  test('read() names the setting as it was set in an error that names its variable', async () => {
    const settings = resolveSettings(layers({ CAREZONE_TRUST_PROXY: '2' }, { CAREZONE_RETENTION_DAYS: 'x' }));
    assert.throws(
      () =>
        settings.read(() => {
          throw new Error('CAREZONE_RETENTION_DAYS must be a whole number');
        }),
      (error: unknown) =>
        error instanceof SettingError &&
        error.message === 'CAREZONE_RETENTION_DAYS (from .env) must be a whole number',
    );
    await assert.rejects(
      settings.read(async () => {
        throw new Error('CAREZONE_TRUST_PROXY: too many');
      }),
      { name: 'SettingError', message: 'CAREZONE_TRUST_PROXY: too many' },
    );
    const unrelated = new Error('EADDRINUSE');
    assert.throws(
      () =>
        settings.read(() => {
          throw unrelated;
        }),
      (error: unknown) => error === unrelated,
    );
  });
});
