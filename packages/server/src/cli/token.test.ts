import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { verifyStaffToken } from '../staff/tokens.js';
import { openStorage } from '../storage/open-storage.js';
import { captureIO } from './test-helpers/capture-io.js';
import { configLayers } from './test-helpers/config-layers.js';
import { tokenCommand } from './token.js';
import { UsageError } from './usage-error.js';

describe('carezone token', () => {
  let data = '';
  const env = configLayers();
  const verify = async (token: string) => {
    const storage = await openStorage({ dataDir: data });
    try {
      return await verifyStaffToken(storage.db, token);
    } finally {
      await storage.close();
    }
  };

  before(async () => {
    data = await mkdtemp(join(tmpdir(), 'carezone-token-'));
  });
  after(() => rm(data, { recursive: true, force: true }));

  test('create prints a working token once, list shows it without the token, revoke ends it', async () => {
    const created = captureIO();
    assert.equal(
      await tokenCommand(
        ['create', '--zone', 'bxl-sud', '--label', 'Zuid team', '--data', data],
        created,
        env,
      ),
      0,
    );
    assert.equal(created.out.length, 1, 'only the token on stdout');
    const token = created.out[0] ?? '';
    assert.match(token, /^cz_[A-Za-z0-9_-]{43}$/);
    assert.match(created.err.join('\n'), /only time the token is shown/);
    const verified = await verify(token);
    assert.equal(verified?.zone, 'bxl-sud');

    const listed = captureIO();
    assert.equal(await tokenCommand(['list', '--data', data], listed, env), 0);
    const listing = listed.out.join('\n');
    assert.ok(listing.includes(verified.id));
    assert.ok(listing.includes('bxl-sud'));
    assert.ok(listing.includes('Zuid team'));
    assert.ok(!listing.includes(token), 'the token is never listed');

    const revoked = captureIO();
    assert.equal(await tokenCommand(['revoke', verified.id, '--data', data], revoked, env), 0);
    assert.equal(await verify(token), undefined, 'a revoked token no longer verifies');
    assert.equal(await tokenCommand(['revoke', verified.id, '--data', data], captureIO(), env), 1);

    const relisted = captureIO();
    await tokenCommand(['list', '--data', data], relisted, env);
    const line = relisted.out.find((row) => row.startsWith(verified.id)) ?? '';
    assert.match(line, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\s+Zuid team$/, 'the revocation time is listed');
  });

  test('--all-zones makes a network-wide token', async () => {
    const io = captureIO();
    await tokenCommand(['create', '--all-zones', '--data', data], io, env);
    const verified = await verify(io.out[0] ?? '');
    assert.ok(verified);
    assert.equal(verified.zone, null);
  });

  test('refuses bad usage, and a zone the packs do not have without the usage text', async () => {
    const io = captureIO();
    await assert.rejects(tokenCommand(['create', '--zone', 'atlantis', '--data', data], io, env), {
      name: 'InputError',
      message:
        'unknown zone: atlantis (not in the zone pack brussels, the default; ' +
        '--zonepack or CAREZONE_ZONEPACK (environment or .env) sets it)',
    });
    for (const args of [
      ['create', '--data', data],
      ['create', '--zone', 'bxl-sud', '--all-zones', '--data', data],
      ['revoke', '--data', data],
      ['rotate'],
      [],
    ]) {
      await assert.rejects(tokenCommand(args, io, env), UsageError, args.join(' '));
    }
    assert.deepEqual(io.out, []);
  });
});
