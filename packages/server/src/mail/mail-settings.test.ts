import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { startServer } from '../server.js';
import { memoryLogger } from '../test-helpers/memory-logger.js';
import {
  checkZoneInboxZones,
  DEFAULT_MAIL_FROM,
  mailSettingsFromEnv,
  parseZoneInboxes,
} from './mail-settings.js';

describe('mail settings', () => {
  test('without SMTP, mail goes to outbox-mail in the data folder', () => {
    const settings = mailSettingsFromEnv({}, '/var/lib/carezone');
    assert.equal(settings.smtpUrl, undefined);
    assert.equal(settings.dir, join('/var/lib/carezone', 'outbox-mail'));
    assert.equal(settings.from, DEFAULT_MAIL_FROM);
    assert.deepEqual(settings.inboxes, { zoneInboxes: new Map(), notifyTo: [] });
  });

  test('reads every variable', () => {
    const settings = mailSettingsFromEnv(
      {
        CAREZONE_SMTP_URL: 'smtps://user:secret@mail.example.org:465',
        CAREZONE_MAIL_FROM: 'Carezone <carezone@example.org>',
        CAREZONE_MAIL_DIR: '/srv/mail',
        CAREZONE_ZONE_INBOXES: 'bxl-sud=a@example.org, bxl-sud=b@example.org,bxl-nord=c@example.org',
        CAREZONE_NOTIFY_TO: 'network@example.org',
      },
      '.carezone',
    );
    assert.equal(settings.smtpUrl, 'smtps://user:secret@mail.example.org:465');
    assert.equal(settings.from, 'Carezone <carezone@example.org>');
    assert.equal(settings.dir, '/srv/mail');
    assert.deepEqual(
      settings.inboxes.zoneInboxes,
      new Map([
        ['bxl-sud', ['a@example.org', 'b@example.org']],
        ['bxl-nord', ['c@example.org']],
      ]),
    );
    assert.deepEqual(settings.inboxes.notifyTo, ['network@example.org']);
  });

  test('refuses settings that would lose mail quietly', () => {
    assert.throws(() => mailSettingsFromEnv({ CAREZONE_SMTP_URL: 'mail.example.org' }, '.'), /smtp:\/\//);
    assert.throws(
      () => mailSettingsFromEnv({ CAREZONE_SMTP_URL: 'smtp://mail.example.org' }, '.'),
      /CAREZONE_MAIL_FROM/,
    );
    assert.throws(() => mailSettingsFromEnv({ CAREZONE_MAIL_FROM: 'nobody' }, '.'), /CAREZONE_MAIL_FROM/);
    assert.throws(() => mailSettingsFromEnv({ CAREZONE_NOTIFY_TO: 'a@example.org,oops' }, '.'), /"oops"/);
    assert.throws(() => parseZoneInboxes('bxl-sud:a@example.org'), /zone=address/);
    assert.throws(() => parseZoneInboxes('bxl-sud=not-an-address'), /zone=address/);
  });

  test('an inbox for a zone the packs do not have is refused, naming the zone', () => {
    const known = new Set(['bxl-sud', 'bxl-nord']);
    const inboxes = (text: string) => mailSettingsFromEnv({ CAREZONE_ZONE_INBOXES: text }, '.').inboxes;
    assert.doesNotThrow(() =>
      checkZoneInboxZones(inboxes('bxl-sud=a@example.org,bxl-nord=b@example.org'), known),
    );
    assert.throws(
      () => checkZoneInboxZones(inboxes('bxl-sud=a@example.org,nozone=a@b.co,bxl-zuid=c@example.org'), known),
      { message: /^CAREZONE_ZONE_INBOXES: unknown zone nozone, bxl-zuid \(see GET \/v1\/zones/ },
    );
  });

  test('the server does not start with an inbox for an unknown zone', async () => {
    await assert.rejects(
      startServer({
        port: 0,
        zonepacks: [BUILTIN_PACK_DIR],
        dataDir: ':memory:',
        mail: mailSettingsFromEnv({ CAREZONE_ZONE_INBOXES: 'nozone=a@b.co' }, ':memory:'),
        retentionDays: false,
        newsPolling: false,
        logger: memoryLogger().logger,
      }),
      /CAREZONE_ZONE_INBOXES: unknown zone nozone/,
    );
  });
});
