import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openStorage } from '../storage/open-storage.js';
import type { Storage } from '../storage/storage.js';
import type { StorageTarget } from '../storage/test-helpers/storage-targets.js';
import { postgresTarget, sqliteTarget } from '../storage/test-helpers/storage-targets.js';
import {
  createStaffToken,
  hashStaffToken,
  listStaffTokens,
  revokeStaffToken,
  verifyStaffToken,
} from './tokens.js';

function tokenSuite(target: StorageTarget) {
  describe(`staff tokens on ${target.kind}`, () => {
    let storage: Storage;
    before(async () => {
      await target.setUp();
      storage = await openStorage(await target.fresh());
    });
    after(async () => {
      await storage.close();
      await target.tearDown();
    });

    test('a token is cz_ and 43 base64url characters, and only its hash is stored', async () => {
      const { id, token } = await createStaffToken(storage.db, { zone: 'bxl-sud', label: 'Sud team' });
      assert.match(token, /^cz_[A-Za-z0-9_-]{43}$/);
      const row = await storage.db
        .selectFrom('staff_tokens')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.token_hash, hashStaffToken(token));
      assert.ok(!JSON.stringify(row).includes(token.slice(3)), 'the token itself is not stored');
      assert.equal(row.zone_id, 'bxl-sud');
      assert.equal(row.revoked_at, null);
    });

    test('verify answers the id and zone of a live token, and nothing for others', async () => {
      const zone = await createStaffToken(storage.db, { zone: 'bxl-nord', label: 'Nord' });
      const network = await createStaffToken(storage.db, { zone: null, label: 'Network' });
      assert.deepEqual(await verifyStaffToken(storage.db, zone.token), { id: zone.id, zone: 'bxl-nord' });
      assert.deepEqual(await verifyStaffToken(storage.db, network.token), { id: network.id, zone: null });
      const unknown = `cz_${'A'.repeat(43)}`;
      for (const other of [
        unknown,
        '',
        'cz_',
        zone.token.slice(0, -1),
        `${zone.token}x`,
        zone.token.toUpperCase(),
      ]) {
        assert.equal(await verifyStaffToken(storage.db, other), undefined, other);
      }
    });

    test('a revoked token no longer verifies; revoking twice or an unknown id answers false', async () => {
      const { id, token } = await createStaffToken(storage.db, { zone: 'bxl-sud', label: 'to revoke' });
      assert.equal(await revokeStaffToken(storage.db, id), true);
      assert.equal(await verifyStaffToken(storage.db, token), undefined);
      assert.equal(await revokeStaffToken(storage.db, id), false);
      assert.equal(await revokeStaffToken(storage.db, 'no-such-id'), false);
    });

    test('the list shows every token with its zone, label and revocation, never the token', async () => {
      const fresh = await openStorage(await target.fresh());
      try {
        const a = await createStaffToken(fresh.db, { zone: 'bxl-sud', label: 'A' });
        const b = await createStaffToken(fresh.db, { zone: null, label: 'B' });
        await revokeStaffToken(fresh.db, b.id);
        const list = await listStaffTokens(fresh.db);
        assert.deepEqual(
          list
            .map(({ id, zone, label, revokedAt }) => ({ id, zone, label, revoked: revokedAt !== null }))
            .sort((x, y) => x.label.localeCompare(y.label)),
          [
            { id: a.id, zone: 'bxl-sud', label: 'A', revoked: false },
            { id: b.id, zone: null, label: 'B', revoked: true },
          ],
        );
        const text = JSON.stringify(list);
        assert.ok(!text.includes(a.token) && !text.includes(b.token));
        assert.ok(list.every((t) => !('token' in t) && !('tokenHash' in t)));
      } finally {
        await fresh.close();
      }
    });
  });
}

tokenSuite(sqliteTarget());
tokenSuite(postgresTarget());
