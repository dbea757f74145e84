// The SDK's staff session calls against the real server over real HTTP, with a fetch that keeps
// cookies and names its page's origin as a browser on the server's own page does.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type CarezoneClient,
  CSRF_HEADER,
  createClient,
  isApiError,
  type SessionRequestInput,
} from '@carezone/sdk';
import { createLogger, type RunningServer, startServer } from '@carezone/server';
import { createStaffToken, revokeStaffToken } from '../../packages/server/src/staff/tokens.js';

let server: RunningServer;
let sudToken: string;

before(async () => {
  server = await startServer({ port: 0, dataDir: ':memory:', logger: createLogger('silent') });
  sudToken = (await createStaffToken(server.storage.db, { zone: 'bxl-sud', label: 'Team Zuid' })).token;
});
after(() => server.close());

/**
 * A `fetch` that behaves like a browser on a page of `origin`: it keeps the cookies the answers set
 * and sends them back, and names the page's origin on every change (unless a request names another).
 */
function browserFetch(origin: string): typeof globalThis.fetch {
  const jar = new Map<string, string>();
  return async (input, init) => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const changes = request.method !== 'GET' && request.method !== 'HEAD';
    if (changes) {
      // A page of another origin (another port) may be acting with these cookies: it names its own.
      const page = headers.get('origin') ?? origin;
      headers.set('origin', page);
      headers.set('sec-fetch-site', new URL(request.url).origin === page ? 'same-origin' : 'same-site');
    }
    const response = await fetch(request.url, {
      method: request.method,
      headers,
      ...(changes ? { body: await request.text() } : {}),
      signal: request.signal,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      if (/;\s*max-age=0\b/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (isApiError(error) ? error.code : String(error)),
  );

const request: SessionRequestInput = {
  organisation: { name: 'Huisartsenkring Vorst', kind: 'health-service' },
  zone: 'bxl-sud',
  contact: { name: 'Lotte Claes', email: 'lotte@example.org' },
  topics: ['diabetes'],
  format: 'on-site',
  participants: 8,
  language: 'nl',
  locale: 'nl',
  consent: true,
};

describe('staffSession against the real server', () => {
  test('signIn, current, a staff call with the cookie and the CSRF header, signOut', async () => {
    const fetch = browserFetch(server.url);
    const inbox: CarezoneClient = createClient({ baseUrl: server.url, retry: 0, fetch });

    assert.equal(await codeOf(inbox.staffSession.signIn(`cz_${'A'.repeat(43)}`)), 'UNAUTHORIZED');
    assert.equal(await codeOf(inbox.staffSession.current()), 'UNAUTHORIZED');

    const session = await inbox.staffSession.signIn(sudToken);
    assert.equal(session.zone, 'bxl-sud');
    assert.equal(session.label, 'Team Zuid');
    assert.ok(Date.parse(session.expiresAt) > Date.now());
    const current = await inbox.staffSession.current();
    assert.equal(current.csrfToken, session.csrfToken);

    const visitor = createClient({ baseUrl: server.url, retry: 0 });
    const created = await visitor.sessionRequests.create(request);
    const page = await inbox.sessionRequests.list();
    assert.deepEqual(
      page.data.map((entry) => entry.id),
      [created.id],
    );

    // The cookie alone does not change anything: the page must send the session's CSRF token.
    assert.equal(await codeOf(inbox.sessionRequests.update(created.id, { status: 'planned' })), 'FORBIDDEN');
    const withCsrf = createClient({
      baseUrl: server.url,
      retry: 0,
      fetch,
      headers: { [CSRF_HEADER]: session.csrfToken },
    });
    const planned = await withCsrf.sessionRequests.update(created.id, {
      status: 'planned',
      note: 'Op 3 april',
    });
    assert.equal(planned.status, 'planned');

    await inbox.staffSession.signOut();
    assert.equal(await codeOf(inbox.staffSession.current()), 'UNAUTHORIZED');
    assert.equal(await codeOf(inbox.sessionRequests.list()), 'UNAUTHORIZED');
  });

  test('a page on another port of the same host cannot sign out (or change anything) with the cookie', async () => {
    const url = new URL(server.url);
    const jarOfOwnPage = browserFetch(server.url);
    const inbox = createClient({ baseUrl: server.url, retry: 0, fetch: jarOfOwnPage });
    const session = await inbox.staffSession.signIn(sudToken);
    // The same cookies, sent by a page of another port: what SameSite lets through.
    const otherPort = `${url.protocol}//${url.hostname}:${Number(url.port) + 1}`;
    const foreign = createClient({
      baseUrl: server.url,
      retry: 0,
      fetch: (input, init) => {
        const request = new Request(input, init);
        const headers = new Headers(request.headers);
        headers.set('origin', otherPort);
        return jarOfOwnPage(request.url, { method: request.method, headers, signal: request.signal });
      },
    });
    assert.equal(await codeOf(foreign.staffSession.signOut({ csrfToken: session.csrfToken })), 'FORBIDDEN');
    assert.equal((await inbox.staffSession.current()).csrfToken, session.csrfToken, 'still signed in');
  });

  test('revoking the token ends its session at once', async () => {
    const { id, token } = await createStaffToken(server.storage.db, {
      zone: 'bxl-nord',
      label: 'Oude laptop',
    });
    const inbox = createClient({ baseUrl: server.url, retry: 0, fetch: browserFetch(server.url) });
    assert.equal((await inbox.staffSession.signIn(token)).zone, 'bxl-nord');
    await revokeStaffToken(server.storage.db, id);
    assert.equal(await codeOf(inbox.staffSession.current()), 'UNAUTHORIZED');
  });
});
