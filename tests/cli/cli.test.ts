import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { exitOf, output, REFERENCE_PACK, spawnCli, waitForLog } from '../helpers.js';

describe('carezone serve', () => {
  test('starts with the built-in pack, serves, and stops gracefully on SIGTERM', async () => {
    const data = await mkdtemp(join(tmpdir(), 'carezone-cli-'));
    const child = spawnCli(['serve', '--port', '0', '--data', data]);
    try {
      const listening = await waitForLog(child, (line) => line.msg === 'listening');
      const url = String(listening.url);
      const ready = await fetch(`${url}/readyz`);
      assert.equal(ready.status, 200);
      const body = (await ready.json()) as { packs: { id: string }[] };
      assert.deepEqual(
        body.packs.map((pack) => pack.id),
        ['brussels'],
      );
      const lookup = await fetch(`${url}/v1/lookup?postcode=1090`);
      assert.equal(lookup.status, 200);

      const stopped = waitForLog(child, (line) => line.msg === 'stopped');
      child.kill('SIGTERM');
      await stopped;
      assert.equal(await exitOf(child), 0);
    } finally {
      child.kill('SIGKILL');
      await rm(data, { recursive: true, force: true });
    }
  });

  test('refuses a bad port with one line naming the flag', async () => {
    const { code, stderr } = await output(spawnCli(['serve', '--port', 'eighty']));
    assert.equal(code, 1);
    assert.equal(stderr, 'carezone: --port must be a whole number from 0 to 65535, not "eighty"\n');
  });
});

describe('carezone check-pack', () => {
  test('accepts the reference pack', async () => {
    const { code, stdout } = await output(spawnCli(['check-pack', REFERENCE_PACK]));
    assert.equal(code, 0, stdout);
  });

  test('reports a broken pack as file:line:column and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'carezone-pack-'));
    try {
      await cp(REFERENCE_PACK, dir, { recursive: true });
      await writeFile(
        join(dir, 'zones.csv'),
        'layer,zone_id,name_nl,name_fr,name_de,name_en,website,email,phone,valid_from,valid_to\r\n' +
          'bxl-care-zones,bxl-nord,Noord,Nord,,North,,,,2024-13-45,\r\n',
      );
      const { code, stdout, stderr } = await output(spawnCli(['check-pack', dir]));
      assert.equal(code, 1);
      assert.match(stdout + stderr, /zones\.csv:2:\d+: error: /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('without a folder it prints usage and exits 2', async () => {
    const { code, stderr } = await output(spawnCli(['check-pack']));
    assert.equal(code, 2);
    assert.match(stderr, /Usage:/);
  });
});
