import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VERSION } from '../version.js';
import { type ConfigRow, configCommand } from './config.js';
import { captureIO } from './test-helpers/capture-io.js';
import { configLayers } from './test-helpers/config-layers.js';

describe('carezone config', () => {
  test('lists every setting with its source and value, from the flag down to the default', async () => {
    const io = captureIO();
    const config = configLayers(
      { HOST: '0.0.0.0', DATABASE_URL: 'postgres://carezone:s3cret@db.internal:5432/carezone' },
      {
        CAREZONE_ZONEPACK: '/srv/packs/belgium',
        PORT: '8080',
        CAREZONE_SMTP_URL: 'smtp://mailer:hunter2@smtp:587',
      },
    );
    assert.equal(await configCommand(['--port', '9090'], io, { ...config }), 1, 'SMTP without a sender');
    const [title, header, ...rows] = io.out;
    assert.match(
      title ?? '',
      new RegExp(
        `^carezone ${VERSION}: each setting from its flag, else the environment, else /work/\\.env, else its default$`,
      ),
    );
    assert.match(header ?? '', /^SETTING +SOURCE +VALUE$/);
    const row = (name: string) => rows.find((line) => line.startsWith(`${name} `))?.split(/ {2,}/);
    assert.deepEqual(row('PORT'), ['PORT', 'flag', '9090']);
    assert.deepEqual(row('HOST'), ['HOST', 'environment', '0.0.0.0']);
    assert.deepEqual(row('CAREZONE_ZONEPACK'), ['CAREZONE_ZONEPACK', '.env', '/srv/packs/belgium']);
    assert.deepEqual(row('CAREZONE_RETENTION_DAYS'), ['CAREZONE_RETENTION_DAYS', 'default', '365']);
    assert.deepEqual(row('DATABASE_URL'), [
      'DATABASE_URL',
      'environment',
      'postgres://carezone:****@db.internal:5432/carezone',
    ]);
    assert.deepEqual(row('CAREZONE_SMTP_URL'), ['CAREZONE_SMTP_URL', '.env', 'smtp://mailer:****@smtp:587']);
    assert.ok(
      !io.out.join('\n').includes('s3cret') && !io.out.join('\n').includes('hunter2'),
      'no password shown',
    );
    assert.deepEqual(io.err, [
      'carezone: CAREZONE_SMTP_URL (from .env) is set but CAREZONE_MAIL_FROM is not: say which address mail comes from',
    ]);
  });

  test('--json gives the same rows; a good configuration exits 0', async () => {
    const io = captureIO();
    assert.equal(
      await configCommand(['--json'], io, configLayers({}, { CAREZONE_DATA_DIR: '/var/lib/carezone' })),
      0,
    );
    const printed = JSON.parse(io.out.join('\n')) as {
      version: string;
      dotenv: string;
      settings: ConfigRow[];
      problem: null;
    };
    assert.equal(printed.version, VERSION);
    assert.equal(printed.dotenv, '/work/.env');
    assert.equal(printed.problem, null);
    const byName = new Map(printed.settings.map((row) => [row.name, row]));
    assert.deepEqual(byName.get('CAREZONE_DATA_DIR'), {
      name: 'CAREZONE_DATA_DIR',
      flag: '--data',
      source: '.env',
      value: '/var/lib/carezone',
      default: '.carezone',
    });
    assert.deepEqual(byName.get('CAREZONE_MAIL_DIR')?.default, '/var/lib/carezone/outbox-mail');
    assert.equal(byName.get('LOG_LEVEL')?.value, null);
    assert.deepEqual(io.err, []);
  });

  test('a bad value is named with where it was set, after the table; a typo in a name is pointed out', async () => {
    const io = captureIO();
    const code = await configCommand([], io, configLayers({ CAREZONE_RETENTON_DAYS: '30' }, { PORT: 'abc' }));
    assert.equal(code, 1);
    assert.ok(io.out.some((line) => /^PORT +\.env +abc$/.test(line)));
    assert.deepEqual(io.err, [
      'carezone: warning: CAREZONE_RETENTON_DAYS (environment) is not a setting of carezone, and is ignored',
      'carezone: PORT (from .env) must be a whole number from 0 to 65535, not "abc"',
    ]);
  });

  test('an empty variable shows the default it leaves in force', async () => {
    const io = captureIO();
    assert.equal(await configCommand([], io, configLayers({ PORT: '' }, { PORT: '8080' })), 0);
    assert.ok(io.out.some((line) => /^PORT +environment +3000 \(set empty, so the default\)$/.test(line)));
  });
});
