import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createClient } from '../client.js';
import { isResponseValidationError } from '../errors.js';
import { place } from '../test-helpers/fixtures.js';
import { createTestServer, sendJson, type TestServer } from '../test-helpers/http-server.js';

let server: TestServer;
let answer: unknown;
before(async () => {
  server = await createTestServer((_request, response) => sendJson(response, 200, answer));
});
after(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  answer = { query: 'x', data: [place] };
});

function sent(): URLSearchParams {
  const request = server.requests.at(-1);
  assert.ok(request, 'a request reached the server');
  return new URL(request.url, server.url).searchParams;
}

describe('places.search', () => {
  test('sends lang as the query parameter when asked for', async () => {
    await createClient({ baseUrl: server.url }).places.search('Elsene', { lang: 'fr', limit: 3 });
    assert.deepEqual(Object.fromEntries(sent()), { q: 'Elsene', limit: '3', lang: 'fr' });
  });

  test('leaves lang out otherwise, even when the client has a language (it goes as Accept-Language)', async () => {
    await createClient({ baseUrl: server.url, lang: 'de' }).places.search('Elsene');
    assert.deepEqual(Object.fromEntries(sent()), { q: 'Elsene' });
    assert.equal(server.requests.at(-1)?.headers['accept-language'], 'de');
  });

  test('resolves to suggestions with how they matched and the name typed', async () => {
    const fuzzy = { ...place, label: 'Ixelles', match: 'fuzzy', matched: 'Elsene' };
    answer = { query: 'Elsense', data: [fuzzy] };
    assert.deepEqual(await createClient({ baseUrl: server.url }).places.search('Elsense', { lang: 'fr' }), [
      fuzzy,
    ]);
  });

  test('rejects a match kind the contract does not know', async () => {
    answer = { query: 'x', data: [{ ...place, match: 'phonetic' }] };
    const error = await createClient({ baseUrl: server.url, retry: 0 })
      .places.search('x')
      .catch((caught: unknown) => caught);
    assert.ok(isResponseValidationError(error), String(error));
  });
});
