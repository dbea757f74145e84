import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskSecrets } from './mask-secrets.js';

test('passwords in URLs are masked, user, host and database kept', () => {
  assert.equal(
    maskSecrets('DATABASE_URL', 'postgres://carezone:s3cr:et@db.internal:5432/carezone'),
    'postgres://carezone:****@db.internal:5432/carezone',
  );
  assert.equal(
    maskSecrets('CAREZONE_SMTP_URL', 'smtps://mailer%40example.be:p%2Fss@smtp.example.be:465'),
    'smtps://mailer%40example.be:****@smtp.example.be:465',
  );
  assert.equal(
    maskSecrets('DATABASE_URL', 'postgres://carezone@db/carezone'),
    'postgres://carezone@db/carezone',
  );
});

test('credential-like query parameters are masked, others kept', () => {
  assert.equal(
    maskSecrets('DATABASE_URL', 'postgres://db/carezone?sslmode=require&password=x&sslkey=/k.pem'),
    'postgres://db/carezone?sslmode=require&password=****&sslkey=****',
  );
  assert.equal(
    maskSecrets(
      'CAREZONE_NEWS_SOURCES',
      'bxl-sud=https://a.example/feed?access_token=abc,bxl-nord=https://b.example/rss?page=2',
    ),
    'bxl-sud=https://a.example/feed?access_token=****,bxl-nord=https://b.example/rss?page=2',
  );
});

test('a setting named like a secret is masked whole; other values are left as they are', () => {
  for (const name of ['CAREZONE_API_TOKEN', 'CAREZONE_SECRET', 'SESSION_KEY', 'SMTP_PASSWORD']) {
    assert.equal(maskSecrets(name, 'hunter2'), '****', name);
  }
  assert.equal(maskSecrets('CAREZONE_ZONEPACK', '/srv/packs/a:/srv/packs/b'), '/srv/packs/a:/srv/packs/b');
  assert.equal(maskSecrets('CAREZONE_NOTIFY_TO', 'team@example.be'), 'team@example.be');
  assert.equal(
    maskSecrets('CAREZONE_PUBLIC_URL', 'https://zorgzones.example.be:8443'),
    'https://zorgzones.example.be:8443',
  );
});
