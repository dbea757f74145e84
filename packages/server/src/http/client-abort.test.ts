import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Context } from 'hono';
import type { RunningServer } from '../server.js';
import { sampleInput } from '../session-requests/test-helpers/sample-input.js';
import { startTestServer } from '../test-helpers/app.js';
import { memoryLogger } from '../test-helpers/memory-logger.js';
import { newKey } from '../test-helpers/session-request-requests.js';
import { isClientAbort } from './client-abort.js';

// Over a raw socket: only a real connection can be cut halfway through a body.
let server: RunningServer;
const capture = memoryLogger();
before(async () => {
  server = await startTestServer({ logger: capture.logger });
});
after(() => server.close());

/** Sends the headers and half the body of a POST, then destroys the socket. */
async function abortHalfway(framing: 'content-length' | 'chunked'): Promise<void> {
  const { hostname, port } = new URL(server.url);
  const body = JSON.stringify(sampleInput());
  const half = body.slice(0, body.length / 2);
  const socket = net.connect(Number(port), hostname);
  await new Promise((resolve) => socket.once('connect', resolve));
  const headers = [
    'POST /v1/session-requests HTTP/1.1',
    `Host: ${hostname}:${port}`,
    'Content-Type: application/json',
    `Idempotency-Key: ${newKey()}`,
    framing === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  const sent = framing === 'chunked' ? `${Buffer.byteLength(half).toString(16)}\r\n${half}\r\n` : half;
  socket.write(`${headers.join('\r\n')}\r\n\r\n${sent}`);
  // Long enough for the server to be waiting for the rest of the body.
  await sleep(150);
  socket.destroy();
}

async function requestLines(count: number): Promise<Record<string, unknown>[]> {
  for (let waited = 0; waited < 3000; waited += 20) {
    const lines = capture.entries.filter(
      (line) => line.msg === 'request' && line.path === '/v1/session-requests',
    );
    if (lines.length >= count) return lines;
    await sleep(20);
  }
  throw new Error(`fewer than ${count} request lines were logged`);
}

describe('a client that aborts in the middle of a body', () => {
  for (const [index, framing] of (['content-length', 'chunked'] as const).entries()) {
    test(`with ${framing}: logged as an aborted request, not as an unhandled error or a 500`, async () => {
      const before = capture.entries.length;
      await abortHalfway(framing);
      const [request] = (await requestLines(index + 1)).slice(index);
      const logged = capture.entries.slice(before);
      assert.equal(request?.status, 499, 'the request line says the client closed the request');
      const aborted = logged.filter((line) => line.msg === 'request aborted by the client');
      assert.equal(aborted.length, 1, JSON.stringify(logged));
      assert.equal(aborted[0]?.level, 30, 'info: nothing is wrong on the server');
      assert.equal(aborted[0]?.err, undefined, 'no error object, so no stack');
      assert.deepEqual(
        logged.filter((line) => Number(line.level) >= 40 || line.msg === 'unhandled error'),
        [],
      );
    });
  }

  test('the server goes on answering, and a whole body is still stored', async () => {
    const response = await fetch(`${server.url}/v1/session-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
      body: JSON.stringify(sampleInput()),
    });
    assert.equal(response.status, 201, await response.clone().text());
  });
});

describe('isClientAbort', () => {
  const contextOf = (incoming: Partial<IncomingMessage> | undefined) =>
    ({ env: { incoming } }) as unknown as Context;
  const reset = () => Object.assign(new Error('aborted'), { code: 'ECONNRESET' });

  test('a connection reset while the body was still arriving is an abort', () => {
    const errored = reset();
    assert.equal(isClientAbort(errored, contextOf({ readableAborted: true, errored })), true);
    assert.equal(isClientAbort(reset(), contextOf({ readableAborted: true, errored: null })), true);
  });

  test('an error of the server (a database connection reset too) with the body read whole is not', () => {
    assert.equal(isClientAbort(reset(), contextOf({ readableAborted: false, errored: null })), false);
    assert.equal(isClientAbort(new TypeError('x is undefined'), contextOf({ readableAborted: true })), false);
    assert.equal(isClientAbort(reset(), contextOf(undefined)), false, 'in-process: no socket');
  });
});
