// The staff inbox's sign-in sessions over HTTP: the cookie, what a page of another origin cannot do
// with it, when a session has ended, what a zone's session may see, and the sign-in rate limit. On
// SQLite and PostgreSQL, in-process; what needs a real connection is in staff-session-http.test.ts.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, describe, test } from 'node:test';
import {
  CSRF_HEADER,
  NewsItem,
  SessionRequest,
  SessionRequestCreated,
  StaffSession,
} from '@carezone/contract';
import type { Hono } from 'hono';
import { createLogger } from '../logger.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { sampleInput } from '../session-requests/test-helpers/sample-input.js';
import { SESSION_IDLE_MS } from '../staff/sessions.js';
import { createStaffToken, revokeStaffToken } from '../staff/tokens.js';
import type { Storage } from '../storage/storage.js';
import {
  freshStorages,
  postgresTarget,
  type StorageTarget,
  sqliteTarget,
} from '../storage/test-helpers/storage-targets.js';
import { problemOf, staffRequest } from '../test-helpers/http.js';
import { postSessionRequest } from '../test-helpers/session-request-requests.js';
import { createTestStaffTokens, type TestStaffTokens } from '../test-helpers/staff-tokens.js';
import { loadZoneDirectory } from '../zones/load-zone-directory.js';
import { type AppDependencies, createApp } from './app.js';

/** In-process requests go to `http://localhost`: that is the server's own origin here. */
const OWN = 'http://localhost';
const NO_LIMITS = { perAddress: 'off', perZone: 'off', signIn: 'off' } as const;

export interface SignedIn {
  /** `name=value`, as a browser sends it back. */
  cookie: string;
  session: StaffSession;
  setCookie: string;
}

/** The `Set-Cookie` headers of an answer. */
function setCookies(response: Response): string[] {
  return response.headers.getSetCookie();
}

function cookieAttributes(setCookie: string): {
  name: string;
  value: string;
  attributes: Map<string, string>;
} {
  const [pair = '', ...rest] = setCookie.split(';').map((part) => part.trim());
  const [name = '', value = ''] = pair.split(/=(.*)/s);
  const attributes = new Map(
    rest.map((part) => {
      const [key = '', val = ''] = part.split(/=(.*)/s);
      return [key.toLowerCase(), val] as const;
    }),
  );
  return { name, value, attributes };
}

async function signIn(app: Hono, token: string, headers: Record<string, string> = {}): Promise<SignedIn> {
  const response = await app.request('/v1/staff/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ token }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const session = StaffSession.parse(await response.json());
  const [setCookie] = setCookies(response);
  assert.ok(setCookie, 'the answer sets a cookie');
  const { name, value } = cookieAttributes(setCookie);
  return { cookie: `${name}=${value}`, session, setCookie };
}

/** A request as the inbox page sends it: the cookie, and for a change its origin and CSRF token. */
function withCookie(
  app: Hono,
  method: string,
  path: string,
  signedIn: Pick<SignedIn, 'cookie'> & { session?: Pick<StaffSession, 'csrfToken'> },
  { headers = {}, body }: { headers?: Record<string, string>; body?: unknown } = {},
): Response | Promise<Response> {
  const page: Record<string, string> =
    method === 'GET' || signedIn.session === undefined
      ? {}
      : { origin: OWN, 'sec-fetch-site': 'same-origin', [CSRF_HEADER]: signedIn.session.csrfToken };
  const merged: Record<string, string> = { cookie: signedIn.cookie, ...page, ...headers };
  for (const [name, value] of Object.entries(merged)) if (value === '') delete merged[name];
  return app.request(path, {
    method,
    headers: { ...merged, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function openApp(storage: Storage, options: Partial<AppDependencies> = {}): Promise<Hono> {
  const directory = await loadZoneDirectory([REFERENCE_PACK_DIR]);
  return createApp({
    directory,
    storage,
    logger: createLogger('silent'),
    version: '0.0.0-test',
    // Every origin may write as far as CORS goes: what stops a foreign page here is the session's own check.
    allowedOrigins: 'any',
    rateLimits: NO_LIMITS,
    ...options,
  });
}

function sessionSuite(target: StorageTarget) {
  describe(`staff sign-in sessions on ${target.kind}`, () => {
    const fresh = freshStorages(target);
    let storage: Storage;
    let app: Hono;
    let tokens: TestStaffTokens;
    /** Two requests of each zone. */
    const requests: Record<'bxl-sud' | 'bxl-nord', string[]> = { 'bxl-sud': [], 'bxl-nord': [] };
    /** A news item of each zone alone. */
    const news: Record<'bxl-sud' | 'bxl-nord', string> = { 'bxl-sud': '', 'bxl-nord': '' };

    before(async () => {
      storage = await fresh();
      app = await openApp(storage);
      tokens = await createTestStaffTokens(storage.db);
      for (const zone of ['bxl-sud', 'bxl-nord', 'bxl-sud', 'bxl-nord'] as const) {
        const response = await postSessionRequest(app, sampleInput({ zone }));
        requests[zone].push(SessionRequestCreated.parse(await response.json()).id);
      }
      for (const zone of ['bxl-sud', 'bxl-nord'] as const) {
        const response = await staffRequest(app, 'POST', '/v1/news', tokens.network, {
          title: `Nieuws van ${zone}`,
          bodyHtml: '<p>Tekst.</p>',
          language: 'nl',
          zones: [zone],
        });
        assert.equal(response.status, 201);
        news[zone] = NewsItem.parse(await response.json()).id;
      }
    });

    const statusOf = async (id: string) =>
      SessionRequest.parse(
        await (await staffRequest(app, 'GET', `/v1/session-requests/${id}`, tokens.network)).json(),
      ).status;
    const newsExists = async (id: string) => (await app.request(`/v1/news/${id}`)).status === 200;
    const first = (zone: 'bxl-sud' | 'bxl-nord', index = 0) => {
      const id = requests[zone][index];
      assert.ok(id);
      return id;
    };

    describe('signing in', () => {
      test('a zone token signs in: its zone, label, a CSRF token and the expiry', async () => {
        const before = Date.now();
        const { session } = await signIn(app, tokens.sud);
        assert.equal(session.zone, 'bxl-sud');
        assert.equal(session.label, 'Sud');
        assert.match(session.csrfToken, /^[A-Za-z0-9_-]{43}$/);
        const expires = Date.parse(session.expiresAt);
        assert.ok(expires >= before + SESSION_IDLE_MS && expires <= Date.now() + SESSION_IDLE_MS);
        const network = await signIn(app, tokens.network);
        assert.equal(network.session.zone, null);
      });

      test('a wrong, revoked or malformed token is 401, and sets no cookie', async () => {
        for (const token of [tokens.revoked, `cz_${'A'.repeat(43)}`, 'not a token']) {
          const response = await app.request('/v1/staff/session', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ token }),
          });
          assert.equal((await problemOf(response, 401)).code, 'UNAUTHORIZED');
          assert.deepEqual(setCookies(response), []);
        }
      });

      test('a body without a token is 422, one that is not JSON 400, another media type 415', async () => {
        const post = (body: string, type = 'application/json') =>
          app.request('/v1/staff/session', { method: 'POST', headers: { 'content-type': type }, body });
        assert.equal((await problemOf(await post('{}'), 422)).code, 'VALIDATION_FAILED');
        assert.equal((await problemOf(await post('{"token":'), 400)).code, 'VALIDATION_FAILED');
        assert.equal(
          (await problemOf(await post(`token=${tokens.sud}`, 'application/x-www-form-urlencoded'), 415)).code,
          'UNSUPPORTED_MEDIA_TYPE',
        );
      });

      test('a sign-in from a page of another origin is refused; from its own page, or a script, it is not', async () => {
        for (const headers of [
          { origin: 'http://localhost:8080' },
          { origin: 'https://evil.example' },
          { origin: OWN, 'sec-fetch-site': 'same-site' },
          { origin: OWN, 'sec-fetch-site': 'cross-site' },
        ] as Record<string, string>[]) {
          const response = await app.request('/v1/staff/session', {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ token: tokens.sud }),
          });
          assert.equal((await problemOf(response, 403)).code, 'FORBIDDEN', JSON.stringify(headers));
          assert.deepEqual(setCookies(response), []);
        }
        await signIn(app, tokens.sud, { origin: OWN, 'sec-fetch-site': 'same-origin' });
        await signIn(app, tokens.sud);
      });
    });

    describe('the cookie', () => {
      test('without a public URL: carezone-session, HttpOnly, SameSite=Strict, Path=/, Max-Age, not Secure', async () => {
        const { setCookie } = await signIn(app, tokens.sud);
        const { name, value, attributes } = cookieAttributes(setCookie);
        assert.equal(name, 'carezone-session');
        assert.match(value, /^[A-Za-z0-9_-]{43}$/);
        assert.ok(attributes.has('httponly'));
        assert.equal(attributes.get('samesite'), 'Strict');
        assert.equal(attributes.get('path'), '/');
        assert.equal(attributes.get('max-age'), String(SESSION_IDLE_MS / 1000));
        assert.ok(!attributes.has('secure'));
        assert.ok(!attributes.has('domain'));
      });

      for (const publicUrl of ['http://zorgzones.example.be', 'http://127.0.0.1:3000']) {
        test(`with the http public URL ${publicUrl}: no prefix, not Secure`, async () => {
          const plain = await openApp(storage, { publicUrl });
          const { setCookie } = await signIn(plain, tokens.sud, { origin: new URL(publicUrl).origin });
          const { name, attributes } = cookieAttributes(setCookie);
          assert.equal(name, 'carezone-session');
          assert.ok(!attributes.has('secure'));
          assert.ok(attributes.has('httponly'));
          assert.equal(attributes.get('samesite'), 'Strict');
        });
      }

      test('with an https public URL: __Host-carezone-session, Secure, no Domain, Path=/', async () => {
        const secure = await openApp(storage, { publicUrl: 'https://zorgzones.example.be/' });
        const signedIn = await signIn(secure, tokens.sud, { origin: 'https://zorgzones.example.be' });
        const { name, attributes } = cookieAttributes(signedIn.setCookie);
        assert.equal(name, '__Host-carezone-session');
        assert.ok(attributes.has('secure'));
        assert.ok(attributes.has('httponly'));
        assert.equal(attributes.get('samesite'), 'Strict');
        assert.equal(attributes.get('path'), '/');
        assert.ok(!attributes.has('domain'));
        assert.equal(attributes.get('max-age'), String(SESSION_IDLE_MS / 1000));
        // The cookie works under its prefixed name, and under no other.
        assert.equal((await withCookie(secure, 'GET', '/v1/staff/session', signedIn)).status, 200);
        const unprefixed = { cookie: signedIn.cookie.replace('__Host-', '') };
        assert.equal((await withCookie(secure, 'GET', '/v1/staff/session', unprefixed)).status, 401);
      });

      test('GET /v1/staff/session answers the session and renews the cookie; DELETE clears it', async () => {
        const signedIn = await signIn(app, tokens.nord);
        const response = await withCookie(app, 'GET', '/v1/staff/session', signedIn);
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('cache-control'), 'no-store');
        assert.deepEqual(StaffSession.parse(await response.json()).csrfToken, signedIn.session.csrfToken);
        const [renewed = ''] = setCookies(response);
        assert.equal(cookieAttributes(renewed).value, signedIn.cookie.split('=')[1]);
        assert.equal(cookieAttributes(renewed).attributes.get('samesite'), 'Strict');

        const signOut = await withCookie(app, 'DELETE', '/v1/staff/session', signedIn);
        assert.equal(signOut.status, 204);
        const [cleared = ''] = setCookies(signOut);
        assert.equal(cookieAttributes(cleared).name, 'carezone-session');
        assert.equal(cookieAttributes(cleared).value, '');
        assert.equal(cookieAttributes(cleared).attributes.get('max-age'), '0');
      });
    });

    describe('what the session may do', () => {
      test('the cookie reads and changes the zone’s requests and news, from the own page with the CSRF token', async () => {
        const signedIn = await signIn(app, tokens.sud);
        const list = await withCookie(app, 'GET', '/v1/session-requests', signedIn);
        assert.equal(list.status, 200);
        const ids = ((await list.json()) as { data: { id: string }[] }).data.map((entry) => entry.id);
        assert.deepEqual(new Set(ids), new Set(requests['bxl-sud']));

        const id = first('bxl-sud', 1);
        const patched = await withCookie(app, 'PATCH', `/v1/session-requests/${id}`, signedIn, {
          body: { status: 'planned', note: 'Gepland met de sessie' },
        });
        assert.equal(patched.status, 200, await patched.clone().text());
        assert.equal(await statusOf(id), 'planned');

        const created = await withCookie(app, 'POST', '/v1/news', signedIn, {
          body: { title: 'Uit de inbox', bodyHtml: '<p>Hallo</p>', language: 'nl', zones: ['bxl-sud'] },
        });
        assert.equal(created.status, 201, await created.clone().text());
        const item = NewsItem.parse(await created.json());
        const deleted = await withCookie(app, 'DELETE', `/v1/news/${item.id}`, signedIn);
        assert.equal(deleted.status, 204);
        assert.equal(await newsExists(item.id), false);
      });

      test('a session in use is renewed (and its cookie) once a few minutes passed, not on every request', async () => {
        const signedIn = await signIn(app, tokens.sud);
        const fresh = await withCookie(app, 'GET', '/v1/session-requests', signedIn);
        assert.equal(fresh.status, 200);
        assert.deepEqual(setCookies(fresh), [], 'just signed in: nothing to renew');
        const idHash = createHash('sha256')
          .update(signedIn.cookie.split('=')[1] ?? '')
          .digest('hex');
        const aWhileAgo = new Date(Date.now() - 10 * 60_000).toISOString();
        await storage.db
          .updateTable('staff_sessions')
          .set({ last_used_at: aWhileAgo, expires_at: new Date(Date.now() + 60_000).toISOString() })
          .where('id_hash', '=', idHash)
          .execute();
        const later = await withCookie(app, 'GET', '/v1/session-requests', signedIn);
        assert.equal(later.status, 200);
        const [renewed = ''] = setCookies(later);
        const { value, attributes } = cookieAttributes(renewed);
        assert.equal(`carezone-session=${value}`, signedIn.cookie);
        assert.ok(Number(attributes.get('max-age')) > SESSION_IDLE_MS / 1000 - 60, attributes.get('max-age'));
        const row = await storage.db
          .selectFrom('staff_sessions')
          .select(['last_used_at', 'expires_at'])
          .where('id_hash', '=', idHash)
          .executeTakeFirstOrThrow();
        assert.ok(row.last_used_at > aWhileAgo);
        assert.ok(Date.parse(row.expires_at) > Date.now() + SESSION_IDLE_MS - 60_000);
      });

      describe('a change with the cookie from anywhere but the own page is refused, and changes nothing', () => {
        const foreign: [string, Record<string, string>][] = [
          ['no Origin', { origin: '' }],
          ['another port of the same host', { origin: 'http://localhost:8080' }],
          ['https on the same host', { origin: 'https://localhost' }],
          ['another host', { origin: 'http://evil.example' }],
          ['a sandboxed page (Origin: null)', { origin: 'null' }],
          ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
          ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
          ['Sec-Fetch-Site: none', { 'sec-fetch-site': 'none' }],
          ['no CSRF header', { [CSRF_HEADER]: '' }],
          ['a wrong CSRF token', { [CSRF_HEADER]: 'A'.repeat(43) }],
        ];
        for (const [what, headers] of foreign) {
          test(what, async () => {
            const signedIn = await signIn(app, tokens.sud);
            const other = await signIn(app, tokens.sud);
            const id = first('bxl-sud');
            const attempts: [string, string, unknown?][] = [
              ['PATCH', `/v1/session-requests/${id}`, { status: 'declined', note: 'nee' }],
              ['POST', '/v1/news', { title: 'Vervalst', language: 'nl', zones: ['bxl-sud'] }],
              ['PATCH', `/v1/news/${news['bxl-sud']}`, { title: 'Vervalst' }],
              ['DELETE', `/v1/news/${news['bxl-sud']}`],
              ['DELETE', '/v1/staff/session'],
            ];
            const newsBefore = await (await app.request('/v1/news?zone=bxl-sud')).text();
            for (const [method, path, body] of attempts) {
              const response = await withCookie(app, method, path, signedIn, { headers, body });
              const problem = await problemOf(response, 403, `${method} ${path}`);
              assert.equal(problem.code, 'FORBIDDEN');
            }
            // Another session's CSRF token is no better.
            if (what === 'a wrong CSRF token') {
              const response = await withCookie(app, 'PATCH', `/v1/session-requests/${id}`, signedIn, {
                headers: { [CSRF_HEADER]: other.session.csrfToken },
                body: { status: 'declined' },
              });
              assert.equal(response.status, 403);
            }
            assert.equal(await statusOf(id), 'received');
            assert.equal(await (await app.request('/v1/news?zone=bxl-sud')).text(), newsBefore);
            assert.equal(
              (await withCookie(app, 'GET', '/v1/staff/session', signedIn)).status,
              200,
              'still signed in',
            );
          });
        }
      });

      test('with a public URL, only a page of that origin may change anything', async () => {
        const behindProxy = await openApp(storage, { publicUrl: 'https://zorgzones.example.be' });
        const signedIn = await signIn(behindProxy, tokens.sud, { origin: 'https://zorgzones.example.be' });
        const id = first('bxl-sud');
        for (const origin of [OWN, 'https://zorgzones.example.be:8443', 'http://zorgzones.example.be']) {
          const response = await withCookie(behindProxy, 'PATCH', `/v1/session-requests/${id}`, signedIn, {
            headers: { origin },
            body: { status: 'declined' },
          });
          assert.equal(response.status, 403, origin);
        }
        assert.equal(await statusOf(id), 'received');
        const news = await withCookie(behindProxy, 'POST', '/v1/news', signedIn, {
          headers: { origin: 'https://zorgzones.example.be' },
          body: { title: 'Van de publieke pagina', language: 'nl', zones: ['bxl-sud'] },
        });
        assert.equal(news.status, 201);
      });

      test('a zone’s session cannot read or change another zone’s requests or news: 404 (403 for a list or a publish)', async () => {
        const signedIn = await signIn(app, tokens.sud);
        const nordRequest = first('bxl-nord');
        const get = await withCookie(app, 'GET', `/v1/session-requests/${nordRequest}`, signedIn);
        assert.equal((await problemOf(get, 404)).code, 'NOT_FOUND');
        const patch = await withCookie(app, 'PATCH', `/v1/session-requests/${nordRequest}`, signedIn, {
          body: { status: 'planned' },
        });
        assert.equal((await problemOf(patch, 404)).code, 'NOT_FOUND');
        assert.equal(await statusOf(nordRequest), 'received');
        const list = await withCookie(app, 'GET', '/v1/session-requests?zone=bxl-nord', signedIn);
        assert.equal((await problemOf(list, 403)).code, 'FORBIDDEN');

        const nordNews = news['bxl-nord'];
        const patchNews = await withCookie(app, 'PATCH', `/v1/news/${nordNews}`, signedIn, {
          body: { title: 'X' },
        });
        assert.equal((await problemOf(patchNews, 404)).code, 'NOT_FOUND');
        const deleteNews = await withCookie(app, 'DELETE', `/v1/news/${nordNews}`, signedIn);
        assert.equal((await problemOf(deleteNews, 404)).code, 'NOT_FOUND');
        assert.equal(await newsExists(nordNews), true);
        const publish = await withCookie(app, 'POST', '/v1/news', signedIn, {
          body: { title: 'Voor Noord', language: 'nl', zones: ['bxl-nord'] },
        });
        assert.equal((await problemOf(publish, 403)).code, 'FORBIDDEN');
      });
    });

    describe('an ended session', () => {
      const assertSignedOut = async (signedIn: SignedIn, what: string) => {
        for (const [method, path] of [
          ['GET', '/v1/staff/session'],
          ['GET', '/v1/session-requests'],
          ['GET', `/v1/session-requests/${first('bxl-sud')}`],
          ['PATCH', `/v1/session-requests/${first('bxl-sud')}`],
          ['DELETE', '/v1/staff/session'],
        ] as const) {
          const response = await withCookie(app, method, path, signedIn, {
            ...(method === 'PATCH' ? { body: { status: 'declined' } } : {}),
          });
          const problem = await problemOf(response, 401, `${what}: ${method} ${path}`);
          assert.equal(problem.code, 'UNAUTHORIZED');
          assert.match(problem.detail ?? '', /sign in again/);
          const [cleared = ''] = setCookies(response);
          assert.equal(
            cookieAttributes(cleared).attributes.get('max-age'),
            '0',
            `${what}: the cookie is cleared`,
          );
        }
        assert.equal(await statusOf(first('bxl-sud')), 'received');
      };

      test('signed out: 401', async () => {
        const signedIn = await signIn(app, tokens.sud);
        assert.equal((await withCookie(app, 'DELETE', '/v1/staff/session', signedIn)).status, 204);
        await assertSignedOut(signedIn, 'signed out');
      });

      test('expired: 401', async () => {
        const idle = await signIn(app, tokens.sud);
        const past = new Date(Date.now() - 1000).toISOString();
        const hashOf = (cookie: string) =>
          createHash('sha256')
            .update(cookie.split('=')[1] ?? '')
            .digest('hex');
        await storage.db
          .updateTable('staff_sessions')
          .set({ expires_at: past })
          .where('id_hash', '=', hashOf(idle.cookie))
          .execute();
        await assertSignedOut(idle, 'expired');
      });

      test('its token revoked: 401 at once, for every session of that token', async () => {
        const { id, token } = await createStaffToken(storage.db, { zone: 'bxl-sud', label: 'Laptop' });
        const one = await signIn(app, token);
        const two = await signIn(app, token);
        assert.equal((await withCookie(app, 'GET', '/v1/session-requests', one)).status, 200);
        await revokeStaffToken(storage.db, id);
        await assertSignedOut(one, 'revoked');
        await assertSignedOut(two, 'revoked');
      });

      test('no cookie, an empty one or a made-up one: 401', async () => {
        const response = await app.request('/v1/staff/session');
        assert.equal((await problemOf(response, 401)).code, 'UNAUTHORIZED');
        for (const cookie of [
          'carezone-session=',
          `carezone-session=${'A'.repeat(43)}`,
          'carezone-session=x;y',
        ]) {
          const answer = await app.request('/v1/session-requests', { headers: { cookie } });
          assert.equal((await problemOf(answer, 401)).code, 'UNAUTHORIZED', cookie);
        }
      });
    });

    describe('bearer tokens', () => {
      test('keep working without Origin or CSRF token, and win over a cookie', async () => {
        const id = first('bxl-sud', 1);
        const list = await staffRequest(app, 'GET', '/v1/session-requests', tokens.sud);
        assert.equal(list.status, 200);
        const signedIn = await signIn(app, tokens.nord);
        const response = await app.request(`/v1/session-requests/${id}`, {
          method: 'PATCH',
          headers: {
            authorization: `Bearer ${tokens.sud}`,
            cookie: signedIn.cookie,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ status: 'done', note: 'Gegeven' }),
        });
        assert.equal(response.status, 200, await response.clone().text());
        assert.equal(await statusOf(id), 'done');
        // No token with no cookie is still the same Bearer challenge.
        const none = await app.request('/v1/session-requests');
        assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="carezone"');
      });
    });

    describe('the sign-in rate limit', () => {
      test('answers 429 with Retry-After after the limit, right tokens included', async () => {
        const limited = await openApp(storage, {
          rateLimits: { ...NO_LIMITS, signIn: { capacity: 3, windowMs: 60_000 } },
        });
        const attempt = (token: string) =>
          limited.request('/v1/staff/session', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ token }),
          });
        assert.equal((await attempt(`cz_${'B'.repeat(43)}`)).status, 401);
        assert.equal((await attempt(`cz_${'C'.repeat(43)}`)).status, 401);
        assert.equal((await attempt(tokens.sud)).status, 200);
        for (const token of [`cz_${'D'.repeat(43)}`, tokens.sud]) {
          const response = await attempt(token);
          const problem = await problemOf(response, 429);
          assert.equal(problem.code, 'RATE_LIMITED');
          assert.match(problem.detail ?? '', /sign-in attempts/);
          const retryAfter = Number(response.headers.get('retry-after'));
          assert.ok(retryAfter >= 1 && retryAfter <= 60, String(retryAfter));
          assert.deepEqual(setCookies(response), []);
        }
      });
    });

    describe('CORS', () => {
      test('never allows credentials: a page of another origin cannot read with the cookie', async () => {
        const signedIn = await signIn(app, tokens.sud);
        const answers = [
          await withCookie(app, 'GET', '/v1/staff/session', signedIn, {
            headers: { origin: 'http://localhost:8080' },
          }),
          await withCookie(app, 'GET', '/v1/session-requests', signedIn, {
            headers: { origin: 'https://evil.example' },
          }),
          await app.request('/v1/staff/session', {
            method: 'OPTIONS',
            headers: {
              origin: 'http://localhost:8080',
              'access-control-request-method': 'DELETE',
              'access-control-request-headers': 'x-csrf-token',
            },
          }),
          await app.request('/v1/session-requests', {
            method: 'OPTIONS',
            headers: { origin: 'http://localhost:8080', 'access-control-request-method': 'GET' },
          }),
          await withCookie(app, 'POST', '/v1/news', signedIn, {
            body: { title: 'Mijn eigen pagina', language: 'nl', zones: ['bxl-sud'] },
          }),
        ];
        // Whatever origin CORS names (`*` for reads), without `Access-Control-Allow-Credentials` a
        // browser hands a credentialed answer to no page of another origin.
        for (const response of answers) {
          assert.equal(response.headers.get('access-control-allow-credentials'), null);
        }
        // Reads name `*`, which a browser never accepts for a request sent with credentials.
        assert.equal(answers[0]?.headers.get('access-control-allow-origin'), '*');
        assert.equal(answers[1]?.headers.get('access-control-allow-origin'), '*');
      });
    });
  });
}

sessionSuite(sqliteTarget());
sessionSuite(postgresTarget());
