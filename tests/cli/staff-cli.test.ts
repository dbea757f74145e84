import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { output, spawnCli } from '../helpers.js';

describe('carezone token and requests, as a process', () => {
  let data = '';
  before(async () => {
    data = await mkdtemp(join(tmpdir(), 'carezone-staff-cli-'));
  });
  after(() => rm(data, { recursive: true, force: true }));

  test('token create prints only the token on stdout, and token list shows it by id', async () => {
    const created = await output(spawnCli(['token', 'create', '--zone', 'bxl-nord', '--data', data]));
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /^cz_[A-Za-z0-9_-]{43}\n$/);
    assert.match(created.stderr, /Created token ([0-9a-f-]{36}) for zone bxl-nord/);
    const id = /Created token ([0-9a-f-]{36})/.exec(created.stderr)?.[1] ?? '';

    const listed = await output(spawnCli(['token', 'list', '--data', data]));
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, new RegExp(`^${id}\\s+bxl-nord\\s`, 'm'));
    assert.ok(!listed.stdout.includes(created.stdout.trim()));
  });

  test('requests purge prints counts; requests export writes CSV to stdout', async () => {
    const purged = await output(spawnCli(['requests', 'purge', '--older-than', '30', '--data', data]));
    assert.equal(purged.code, 0, purged.stderr);
    assert.match(purged.stdout, /older than 30 days\): 0 request\(s\)/);
    const exported = await output(spawnCli(['requests', 'export', '--zone', 'bxl-nord', '--data', data]));
    assert.equal(exported.code, 0, exported.stderr);
    assert.ok(
      exported.stdout.startsWith('\uFEFFReferentie,ID,Zorgzone,Status,'),
      'a Dutch header by default',
    );
    const english = await output(
      spawnCli(['requests', 'export', '--zone', 'bxl-nord', '--language', 'en', '--data', data]),
    );
    assert.equal(english.code, 0, english.stderr);
    assert.ok(english.stdout.startsWith('\uFEFFReference,ID,Care zone,Status,'));
  });

  for (const args of [
    ['token'],
    ['requests', 'export', '--format', 'csv'],
    ['requests', 'export', '--zone', 'bxl-nord', '--colour'],
  ]) {
    test(`\`carezone ${args.join(' ')}\` is bad usage: exit 2 with the usage text`, async () => {
      const { code, stderr } = await output(spawnCli([...args, '--data', data]));
      assert.equal(code, 2);
      assert.match(stderr, /Usage:/);
    });
  }

  for (const args of [
    ['token', 'create', '--zone', 'atlantis'],
    ['requests', 'purge', '--older-than', 'soon'],
    ['requests', 'export', '--zone', 'bxl-nord', '--language', 'es'],
  ]) {
    test(`\`carezone ${args.join(' ')}\` is a bad value: one line naming it, exit 1, no usage text`, async () => {
      const { code, stderr } = await output(spawnCli([...args, '--data', data]));
      assert.equal(code, 1);
      assert.match(stderr, /^carezone: [^\n]*(atlantis|soon|es)[^\n]*\n$/);
    });
  }
});
