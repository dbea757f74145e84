// The staff inbox's session over real HTTP, on SQLite and PostgreSQL: the cookie a real answer sets,
// a page on another port of the same host (the same *site*, so SameSite lets the cookie through)
// refused, the own page accepted, sign-out; and the sign-in limit, which two server processes on one
// PostgreSQL share.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CSRF_HEADER, SessionRequestCreated, StaffSession } from '@carezone/contract';
import type { RunningServer } from '../server.js';
import { sampleInput } from '../session-requests/test-helpers/sample-input.js';
import { createStaffToken } from '../staff/tokens.js';
import { postgresTarget, type StorageTarget, sqliteTarget } from '../storage/test-helpers/storage-targets.js';
import { startTestServer } from '../test-helpers/app.js';
import { newKey } from '../test-helpers/session-request-requests.js';

const SIGN_IN_LIMIT = 4;

function httpSuite(target: StorageTarget) {
  describe(`staff sessions over real HTTP on ${target.kind}`, () => {
    const servers: RunningServer[] = [];
    let server: RunningServer;
    let second: RunningServer | undefined;
    let token: string;

    before(async () => {
      await target.setUp();
      const storage = await target.fresh();
      const start = () =>
        startTestServer({
          ...('databaseUrl' in storage ? { databaseUrl: storage.databaseUrl } : {}),
          // CORS lets every origin write: what stops the page on another port is the session's check.
          allowedOrigins: '*',
          rateLimits: {
            perAddress: 'off',
            perZone: 'off',
            signIn: { capacity: SIGN_IN_LIMIT, windowMs: 60_000 },
          },
        });
      server = await start();
      servers.push(server);
      if (target.kind === 'postgres') {
        second = await start();
        servers.push(second);
      }
      token = (await createStaffToken(server.storage.db, { zone: 'bxl-sud', label: 'Sud' })).token;
    });
    after(async () => {
      for (const running of servers) await running.close();
      await target.tearDown();
    });

    const own = () => new URL(server.url).origin;
    const signIn = async (base: string, headers: Record<string, string> = {}) =>
      fetch(`${base}/v1/staff/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ token }),
      });

    test('sign in, read and change with the cookie from the own page; another port is refused; sign out', async () => {
      const signedIn = await signIn(server.url, { origin: own(), 'sec-fetch-site': 'same-origin' });
      assert.equal(signedIn.status, 200);
      const session = StaffSession.parse(await signedIn.json());
      const [setCookie = ''] = signedIn.headers.getSetCookie();
      assert.match(
        setCookie,
        /^carezone-session=[A-Za-z0-9_-]{43}; Max-Age=28800; Path=\/; HttpOnly; SameSite=Strict$/,
      );
      const cookie = setCookie.split(';')[0] ?? '';

      const created = await fetch(`${server.url}/v1/session-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
        body: JSON.stringify(sampleInput({ zone: 'bxl-sud' })),
      });
      assert.equal(created.status, 201);
      const { id } = SessionRequestCreated.parse(await created.json());

      const list = await fetch(`${server.url}/v1/session-requests`, { headers: { cookie } });
      assert.equal(list.status, 200);
      assert.equal(((await list.json()) as { data: { id: string }[] }).data[0]?.id, id);

      const patch = (headers: Record<string, string>) =>
        fetch(`${server.url}/v1/session-requests/${id}`, {
          method: 'PATCH',
          headers: {
            cookie,
            'content-type': 'application/json',
            [CSRF_HEADER]: session.csrfToken,
            ...headers,
          },
          body: JSON.stringify({ status: 'planned', note: 'Op 14 maart' }),
        });
      const url = new URL(server.url);
      const otherPort = `${url.protocol}//${url.hostname}:${Number(url.port) === 65535 ? 1024 : Number(url.port) + 1}`;
      for (const headers of [
        { origin: otherPort, 'sec-fetch-site': 'same-site' },
        { origin: otherPort, 'sec-fetch-site': 'same-origin' },
        { origin: otherPort },
        { origin: `http://localhost:${url.port}`, 'sec-fetch-site': 'same-site' },
        { origin: own(), 'sec-fetch-site': 'cross-site' },
      ] as Record<string, string>[]) {
        const refused = await patch(headers);
        assert.equal(refused.status, 403, JSON.stringify(headers));
        assert.equal(((await refused.json()) as { code: string }).code, 'FORBIDDEN');
      }
      const unchanged = await fetch(`${server.url}/v1/session-requests/${id}`, { headers: { cookie } });
      assert.equal(((await unchanged.json()) as { status: string }).status, 'received');

      const accepted = await patch({ origin: own(), 'sec-fetch-site': 'same-origin' });
      assert.equal(accepted.status, 200, await accepted.clone().text());
      assert.equal(((await accepted.json()) as { status: string }).status, 'planned');

      const signOut = await fetch(`${server.url}/v1/staff/session`, {
        method: 'DELETE',
        headers: { cookie, origin: own(), 'sec-fetch-site': 'same-origin', [CSRF_HEADER]: session.csrfToken },
      });
      assert.equal(signOut.status, 204);
      assert.match(
        signOut.headers.getSetCookie()[0] ?? '',
        /^carezone-session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict$/,
      );
      const after = await fetch(`${server.url}/v1/session-requests`, { headers: { cookie } });
      assert.equal(after.status, 401);
    });

    test(`the sign-in limit: ${SIGN_IN_LIMIT} attempts a minute per address${
      target.kind === 'postgres' ? ', counted across two processes' : ''
    }, then 429 with Retry-After`, async () => {
      // The first test signed in once on `server`.
      let spent = 1;
      const targets = second ? [second, server] : [server];
      while (spent < SIGN_IN_LIMIT) {
        const via = targets[spent % targets.length] as RunningServer;
        const response = await signIn(via.url, { 'x-forwarded-for': `203.0.113.${spent}` });
        assert.equal(response.status, 200, `attempt ${spent + 1}`);
        spent++;
      }
      for (const via of targets) {
        // A made-up X-Forwarded-For changes nothing: no proxy is trusted.
        const response = await signIn(via.url, { 'x-forwarded-for': '198.51.100.7' });
        assert.equal(response.status, 429);
        assert.equal(((await response.json()) as { code: string }).code, 'RATE_LIMITED');
        const retryAfter = Number(response.headers.get('retry-after'));
        assert.ok(retryAfter >= 1 && retryAfter <= 60, String(retryAfter));
        assert.deepEqual(response.headers.getSetCookie(), []);
      }
    });
  });
}

httpSuite(sqliteTarget());
httpSuite(postgresTarget());
