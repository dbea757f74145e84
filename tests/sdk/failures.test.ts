import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createClient, isNetworkError } from '@carezone/sdk';
import { startReferenceServer } from './reference-server.js';

describe('failures against the reference server', () => {
  test('a stopped server rejects with NetworkError', async () => {
    const server = await startReferenceServer([]);
    const client = createClient({ baseUrl: server.url, retry: 0 });
    assert.equal((await client.layers.list()).length, 1, 'answers while running');
    await server.close();
    const error = await client.layers.list().catch((caught: unknown) => caught);
    assert.ok(isNetworkError(error), String(error));
    assert.equal(error.url, `${server.url}/v1/layers`);
  });

  test('an aborted call rejects with AbortError', async () => {
    const server = await startReferenceServer([]);
    try {
      const client = createClient({ baseUrl: server.url });
      const controller = new AbortController();
      const pending = client.places.search('Elsene', {}, { signal: controller.signal });
      controller.abort();
      await assert.rejects(pending, { name: 'AbortError' });
      assert.ok((await client.places.search('Elsene')).length > 0, 'the client still works afterwards');
    } finally {
      await server.close();
    }
  });
});
