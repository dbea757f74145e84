import assert from 'node:assert/strict';
import { Agent, request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { Problem } from '@carezone/contract';
import type { RunningServer } from '../server.js';
import { sampleInput } from '../session-requests/test-helpers/sample-input.js';
import { startTestServer } from '../test-helpers/app.js';
import { newKey } from '../test-helpers/session-request-requests.js';
import { MAX_JSON_BODY_BYTES } from './json-body.js';

// Over real HTTP: what breaks here is the connection a 413 leaves behind, which `app.request()`
// never has.
let server: RunningServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

/** A body of `bytes` bytes that is a valid form but for its size. */
function oversizedBody(bytes = 4 * MAX_JSON_BODY_BYTES): string {
  const body = JSON.stringify({ ...sampleInput(), message: '' });
  return body.replace('"message":""', `"message":"${'x'.repeat(bytes - body.length)}"`);
}

const postHeaders = () => ({ 'content-type': 'application/json', 'idempotency-key': newKey() });

describe('a body over the limit', () => {
  test('Node’s fetch (undici, keep-alive) gets 413, and its next request on the pool still works', async () => {
    const url = `${server.url}/v1/session-requests`;
    const body = oversizedBody();
    for (let attempt = 0; attempt < 3; attempt++) {
      const refused = await fetch(url, { method: 'POST', headers: postHeaders(), body });
      assert.equal(refused.status, 413);
      assert.equal(Problem.parse(await refused.json()).code, 'PAYLOAD_TOO_LARGE');

      const accepted = await fetch(url, {
        method: 'POST',
        headers: postHeaders(),
        body: JSON.stringify(sampleInput()),
      });
      assert.equal(accepted.status, 201, `request ${attempt} after the 413`);
      await accepted.arrayBuffer();
      // The client learns not to reuse the connection, instead of finding it dead when it does.
      assert.equal(refused.headers.get('connection'), 'close');
    }
  });

  test('streamed without Content-Length, the 413 also closes the connection', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 8 * MAX_JSON_BODY_BYTES) controller.close();
        else {
          sent += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });
    const refused = await fetch(`${server.url}/v1/session-requests`, {
      method: 'POST',
      headers: postHeaders(),
      body: stream,
      duplex: 'half',
    } as RequestInit);
    assert.equal(refused.status, 413);
    await refused.arrayBuffer();
    const next = await fetch(`${server.url}/healthz`);
    assert.equal(next.status, 200);
    await next.arrayBuffer();
    assert.equal(refused.headers.get('connection'), 'close');
  });

  test('an http.Agent with one keep-alive socket sends its next request after the 413', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (path: string, body?: string) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const request = httpRequest(
          `${server.url}${path}`,
          { agent, method: body === undefined ? 'GET' : 'POST', headers: body ? postHeaders() : {} },
          (response) => {
            response.resume();
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }),
            );
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    try {
      const refused = await send('/v1/session-requests', oversizedBody());
      assert.equal(refused.status, 413);
      const next = await send('/healthz');
      assert.equal(next.status, 200);
      assert.equal(refused.connection, 'close');
    } finally {
      agent.destroy();
    }
  });

  test('a body within the limit keeps the connection open', async () => {
    const accepted = await fetch(`${server.url}/v1/session-requests`, {
      method: 'POST',
      headers: postHeaders(),
      body: JSON.stringify(sampleInput()),
    });
    assert.equal(accepted.status, 201);
    assert.notEqual(accepted.headers.get('connection'), 'close');
    await accepted.arrayBuffer();
  });
});
