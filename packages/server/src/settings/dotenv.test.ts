import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { applyDotenv, parseDotenv, readDotenv } from './dotenv.js';

describe('.env', () => {
  test('is read by the dotenv rules: comments, quotes, export, a later line winning', () => {
    const text = [
      '# the pack of the whole country',
      'CAREZONE_ZONEPACK=../shared/zonepacks/belgium-2025',
      'export PORT=8080',
      'CAREZONE_MAIL_FROM="Zorgzones <noreply@example.be>" # quoted, then a comment',
      "LOG_LEVEL='warn'",
      'HOST=',
      'PORT=8081',
      '',
    ].join('\r\n');
    assert.deepEqual(parseDotenv(text, '/srv/.env').values, {
      CAREZONE_ZONEPACK: '../shared/zonepacks/belgium-2025',
      PORT: '8081',
      CAREZONE_MAIL_FROM: 'Zorgzones <noreply@example.be>',
      LOG_LEVEL: 'warn',
      HOST: '',
    });
  });

  test('a line without "=" before another is refused, naming the line, not glued to the next name', () => {
    assert.throws(() => parseDotenv('PORT\nHOST=0.0.0.0\n', '/srv/.env'), {
      message: '/srv/.env: cannot read the line "PORT": write NAME=value',
    });
  });

  test('a bare word inside a multi-line quoted value is part of the value, not a line to refuse', () => {
    assert.deepEqual(parseDotenv('CAREZONE_MAIL_FROM="Zorgzones\nteam"\nPORT=1\n', '/srv/.env').values, {
      CAREZONE_MAIL_FROM: 'Zorgzones\nteam',
      PORT: '1',
    });
  });

  test('a variable set in the environment, even empty, wins over the file', () => {
    const env: NodeJS.ProcessEnv = { PORT: '', HOST: '10.0.0.1' };
    applyDotenv(env, { path: '/srv/.env', values: { PORT: '8080', HOST: '0.0.0.0', LOG_LEVEL: 'warn' } });
    assert.deepEqual(env, { PORT: '', HOST: '10.0.0.1', LOG_LEVEL: 'warn' });
  });

  test('is found in the folder given, and its absence is no error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'carezone-dotenv-'));
    try {
      assert.equal(await readDotenv(dir), undefined);
      await writeFile(join(dir, '.env'), 'CAREZONE_DATA_DIR=/var/lib/carezone\n');
      assert.deepEqual(await readDotenv(dir), {
        path: join(dir, '.env'),
        values: { CAREZONE_DATA_DIR: '/var/lib/carezone' },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
