import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createClient } from '../client.js';
import { isApiError, isResponseValidationError } from '../errors.js';
import { createTestServer, sendJson, type TestServer } from '../test-helpers/http-server.js';

const session = {
  zone: 'bxl-sud',
  label: 'Team Zuid',
  csrfToken: 'c'.repeat(43),
  expiresAt: '2026-03-02T17:00:00.000Z',
};

let server: TestServer;
/** What DELETE answers next. */
let signOutAnswer: 'no content' | 'json' | 'unauthorized' = 'no content';
before(async () => {
  server = await createTestServer((request, response) => {
    if (request.method === 'DELETE') {
      if (signOutAnswer === 'json') return sendJson(response, 200, { ok: true });
      if (signOutAnswer === 'unauthorized') {
        response.writeHead(401, { 'content-type': 'application/problem+json' });
        response.end(JSON.stringify({ type: '/docs', title: 'x', status: 401, code: 'UNAUTHORIZED' }));
        return;
      }
      response.writeHead(204);
      response.end();
      return;
    }
    sendJson(response, 200, session);
  });
});
after(() => server.close());

test('signIn posts the token; signOut sends its CSRF token with DELETE and reads the 204', async () => {
  const client = createClient({ baseUrl: server.url, retry: 0 });
  assert.deepEqual(await client.staffSession.signIn('cz_token'), session);
  signOutAnswer = 'no content';
  assert.equal(await client.staffSession.signOut(), undefined);
  const [signIn, signOut] = server.requests.slice(-2);
  assert.equal(signIn?.method, 'POST');
  assert.equal(signIn?.url, '/v1/staff/session');
  assert.deepEqual(JSON.parse(signIn?.body ?? ''), { token: 'cz_token' });
  assert.equal(signOut?.method, 'DELETE');
  assert.equal(signOut?.url, '/v1/staff/session');
  assert.equal(signOut?.headers['x-csrf-token'], session.csrfToken);
});

test('current remembers the CSRF token too; a given one wins; after signOut none is sent', async () => {
  const client = createClient({ baseUrl: server.url, retry: 0 });
  await client.staffSession.current();
  signOutAnswer = 'no content';
  await client.staffSession.signOut();
  assert.equal(server.requests.at(-1)?.headers['x-csrf-token'], session.csrfToken);
  await client.staffSession.signOut({ csrfToken: 'given' });
  assert.equal(server.requests.at(-1)?.headers['x-csrf-token'], 'given');
  await client.staffSession.signOut();
  assert.equal(server.requests.at(-1)?.headers['x-csrf-token'], undefined);
});

test('a sign-out answered with a body breaks the contract; a 401 is an ApiError UNAUTHORIZED', async () => {
  const client = createClient({ baseUrl: server.url, retry: 0 });
  signOutAnswer = 'json';
  await assert.rejects(client.staffSession.signOut(), isResponseValidationError);
  signOutAnswer = 'unauthorized';
  await assert.rejects(
    client.staffSession.signOut(),
    (error) => isApiError(error) && error.code === 'UNAUTHORIZED',
  );
});
