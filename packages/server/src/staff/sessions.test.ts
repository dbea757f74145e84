import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { openStorage } from '../storage/open-storage.js';
import type { Storage } from '../storage/storage.js';
import type { StorageTarget } from '../storage/test-helpers/storage-targets.js';
import { postgresTarget, sqliteTarget } from '../storage/test-helpers/storage-targets.js';
import {
  csrfTokenMatches,
  endStaffSession,
  purgeStaffSessions,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
  SESSION_RENEW_AFTER_MS,
  signInWithStaffToken,
  verifyStaffSession,
} from './sessions.js';
import { createStaffToken, revokeStaffToken } from './tokens.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

function sessionSuite(target: StorageTarget) {
  describe(`staff sessions on ${target.kind}`, () => {
    let storage: Storage;
    before(async () => {
      await target.setUp();
      storage = await openStorage(await target.fresh());
    });
    after(async () => {
      await storage.close();
      await target.tearDown();
    });

    const newToken = (zone: string | null = 'bxl-sud') =>
      createStaffToken(storage.db, { zone, label: `${zone ?? 'network'} team` });

    test('sign-in with a live token makes a session whose id is stored only as a hash', async () => {
      const { id, token } = await newToken();
      const start = new Date('2026-03-02T09:00:00.000Z');
      const signedIn = await signInWithStaffToken(storage.db, token, start);
      assert.ok(signedIn);
      assert.match(signedIn.sessionId, /^[A-Za-z0-9_-]{43}$/);
      assert.deepEqual(signedIn.session.token, { id, zone: 'bxl-sud', label: 'bxl-sud team' });
      assert.equal(signedIn.session.expiresAt, at(start, SESSION_IDLE_MS).toISOString());
      const rows = await storage.db
        .selectFrom('staff_sessions')
        .selectAll()
        .where('token_id', '=', id)
        .execute();
      assert.equal(rows.length, 1);
      const [row] = rows;
      assert.equal(row?.id_hash, createHash('sha256').update(signedIn.sessionId).digest('hex'));
      assert.ok(!JSON.stringify(rows).includes(signedIn.sessionId), 'the session id itself is not stored');
      assert.ok(!JSON.stringify(rows).includes(token), 'nor the token');
      assert.equal(row?.created_at, start.toISOString());
      assert.equal(row?.ended_at, null);
    });

    test('unknown, malformed and revoked tokens make no session', async () => {
      const revoked = await newToken();
      await revokeStaffToken(storage.db, revoked.id);
      for (const token of [revoked.token, `cz_${'A'.repeat(43)}`, '', 'Bearer x']) {
        assert.equal(await signInWithStaffToken(storage.db, token), undefined, token);
      }
    });

    test('verify renews only after a few minutes, and never past the absolute cap', async () => {
      const { token } = await newToken(null);
      const start = new Date('2026-03-02T09:00:00.000Z');
      const signedIn = await signInWithStaffToken(storage.db, token, start);
      assert.ok(signedIn);
      const { sessionId } = signedIn;

      const soon = await verifyStaffSession(storage.db, sessionId, { now: at(start, MINUTE) });
      assert.equal(soon?.renewed, false);
      assert.equal(soon?.expiresAt, signedIn.session.expiresAt);
      assert.equal(soon?.token.zone, null);

      const later = at(start, SESSION_RENEW_AFTER_MS + MINUTE);
      const renewed = await verifyStaffSession(storage.db, sessionId, { now: later });
      assert.equal(renewed?.renewed, true);
      assert.equal(renewed?.expiresAt, at(later, SESSION_IDLE_MS).toISOString());
      assert.equal(renewed?.csrfToken, signedIn.session.csrfToken);

      // Used every few hours, it lives on until the cap, and not a moment longer.
      let now = later;
      while (now.getTime() + SESSION_IDLE_MS / 2 < start.getTime() + SESSION_MAX_MS) {
        now = at(now, SESSION_IDLE_MS / 2);
        assert.ok(await verifyStaffSession(storage.db, sessionId, { now }), now.toISOString());
      }
      const last = await verifyStaffSession(storage.db, sessionId, { now, renewAfterMs: 0 });
      assert.equal(last?.expiresAt, at(start, SESSION_MAX_MS).toISOString());
      assert.equal(
        await verifyStaffSession(storage.db, sessionId, { now: at(start, SESSION_MAX_MS) }),
        undefined,
      );
    });

    test('a session left unused for the idle timeout has ended', async () => {
      const { token } = await newToken();
      const start = new Date('2026-03-02T09:00:00.000Z');
      const signedIn = await signInWithStaffToken(storage.db, token, start);
      assert.ok(signedIn);
      const { sessionId } = signedIn;
      // Checked without renewing: any use would move the expiry on.
      const unused = { now: at(start, SESSION_IDLE_MS - 1), renewAfterMs: Number.POSITIVE_INFINITY };
      assert.ok(await verifyStaffSession(storage.db, sessionId, unused));
      assert.equal(
        await verifyStaffSession(storage.db, sessionId, { now: at(start, SESSION_IDLE_MS) }),
        undefined,
      );
    });

    test('signing out ends the session; revoking the token ends its sessions at once', async () => {
      const { id, token } = await newToken();
      const first = await signInWithStaffToken(storage.db, token);
      const second = await signInWithStaffToken(storage.db, token);
      assert.ok(first && second);
      assert.equal(await endStaffSession(storage.db, first.sessionId), true);
      assert.equal(await endStaffSession(storage.db, first.sessionId), false, 'only once');
      assert.equal(await verifyStaffSession(storage.db, first.sessionId), undefined);
      assert.ok(await verifyStaffSession(storage.db, second.sessionId), 'the other session lives on');
      await revokeStaffToken(storage.db, id);
      assert.equal(await verifyStaffSession(storage.db, second.sessionId), undefined);
    });

    test('an unknown or malformed session id is no session', async () => {
      for (const id of ['', 'x', 'A'.repeat(43), `${'A'.repeat(42)}!`, 'A'.repeat(44)]) {
        assert.equal(await verifyStaffSession(storage.db, id), undefined, id);
        assert.equal(await endStaffSession(storage.db, id), false, id);
      }
    });

    test('the CSRF token matches only itself', async () => {
      const { token } = await newToken();
      const signedIn = await signInWithStaffToken(storage.db, token);
      assert.ok(signedIn);
      const { session } = signedIn;
      assert.match(session.csrfToken, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(csrfTokenMatches(session, session.csrfToken), true);
      for (const other of [
        undefined,
        '',
        session.csrfToken.slice(1),
        `${session.csrfToken}x`,
        signedIn.sessionId,
      ]) {
        assert.equal(csrfTokenMatches(session, other), false, String(other));
      }
    });

    test('purge deletes sessions ended or expired over a day ago, and no live one', async () => {
      const { token } = await newToken();
      const start = new Date('2026-01-10T09:00:00.000Z');
      const expired = await signInWithStaffToken(storage.db, token, start);
      const ended = await signInWithStaffToken(storage.db, token, start);
      const live = await signInWithStaffToken(storage.db, token, at(start, 2 * DAY));
      assert.ok(expired && ended && live);
      await endStaffSession(storage.db, ended.sessionId, at(start, MINUTE));
      const purgeAt = at(start, 2 * DAY + MINUTE);
      const count = await purgeStaffSessions(storage.db, purgeAt);
      assert.ok(count >= 2, `purged ${count}`);
      const hashes = (await storage.db.selectFrom('staff_sessions').select('id_hash').execute()).map(
        (row) => row.id_hash,
      );
      const hash = (id: string) => createHash('sha256').update(id).digest('hex');
      assert.ok(!hashes.includes(hash(expired.sessionId)));
      assert.ok(!hashes.includes(hash(ended.sessionId)));
      assert.ok(hashes.includes(hash(live.sessionId)));
      assert.ok(await verifyStaffSession(storage.db, live.sessionId, { now: purgeAt }));
    });
  });
}

sessionSuite(sqliteTarget());
sessionSuite(postgresTarget());
