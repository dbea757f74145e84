import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SessionRequestInput } from '@carezone/contract';
import { createClient } from '../client.js';
import { ApiError } from '../errors.js';
import { retryAfterSeconds } from '../internal/problem.js';
import { sendJson, sendProblem, serverPerTest } from '../test-helpers/http-server.js';

// The write side of the client against a local server that records what it receives; the same
// calls against the real server are in tests/sdk/session-requests.test.ts.
const serve = serverPerTest();

const input: SessionRequestInput = {
  organisation: { name: 'OCMW Voorbeeld', kind: 'municipal-social-service' },
  zone: 'bxl-sud',
  contact: { name: 'An Peeters', email: 'an@example.org' },
  topics: ['diabetes'],
  format: 'on-site',
  language: 'nl',
  consent: true,
};
const created = {
  id: 'a1',
  reference: 'CZ-ABCD2345',
  status: 'received',
  createdAt: '2026-11-23T10:00:00.000Z',
};
const problem = (status: number, code: string) => ({ type: 'about:blank', title: code, status, code });

describe('sessionRequests.create', () => {
  test('posts the input as JSON with an Idempotency-Key and resolves to the created request', async () => {
    const server = await serve((_request, response) => sendJson(response, 201, created));
    const result = await createClient({ baseUrl: server.url }).sessionRequests.create(input, {
      idempotencyKey: 'form-key-0123456789',
    });
    assert.deepEqual(result, created);
    const [request] = server.requests;
    assert.equal(request?.method, 'POST');
    assert.equal(request?.url, '/v1/session-requests');
    assert.match(String(request?.headers['content-type']), /^application\/json/);
    assert.equal(request?.headers['idempotency-key'], 'form-key-0123456789');
    assert.deepEqual(JSON.parse(request?.body ?? ''), input);
  });

  test('makes a random 32-hex-digit key when none is given, a new one per call', async () => {
    const server = await serve((_request, response) => sendJson(response, 201, created));
    const client = createClient({ baseUrl: server.url });
    await client.sessionRequests.create(input);
    await client.sessionRequests.create(input);
    const [first, second] = server.requests.map((request) => request.headers['idempotency-key']);
    assert.match(String(first), /^[0-9a-f]{32}$/);
    assert.notEqual(first, second);
  });

  test('retries a 503 with the same key, since the key makes repeating safe', async () => {
    const server = await serve((_request, response, index) =>
      index === 0 ? sendProblem(response, problem(503, 'NOT_READY')) : sendJson(response, 201, created),
    );
    await createClient({ baseUrl: server.url, retry: { limit: 2, backoffLimit: 10 } }).sessionRequests.create(
      input,
      { idempotencyKey: 'same-key-0123456789' },
    );
    assert.equal(server.requests.length, 2);
    assert.deepEqual(
      server.requests.map((request) => request.headers['idempotency-key']),
      ['same-key-0123456789', 'same-key-0123456789'],
    );
  });

  test('does not retry a validation problem, and exposes its field errors', async () => {
    const server = await serve((_request, response) =>
      sendProblem(response, {
        ...problem(422, 'VALIDATION_FAILED'),
        errors: [{ path: 'contact.email', code: 'invalid_format', message: 'must be a valid email' }],
      }),
    );
    const error = await createClient({ baseUrl: server.url })
      .sessionRequests.create(input)
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.deepEqual(
      error.errors.map((entry) => entry.path),
      ['contact.email'],
    );
    assert.equal(server.requests.length, 1);
  });

  test('a 429 carries Retry-After as seconds and is not retried', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(429, { 'content-type': 'application/problem+json', 'retry-after': '17' });
      response.end(JSON.stringify(problem(429, 'RATE_LIMITED')));
    });
    const error = await createClient({ baseUrl: server.url })
      .sessionRequests.create(input)
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'RATE_LIMITED');
    assert.equal(error.retryAfter, 17);
    assert.equal(server.requests.length, 1);
  });
});

describe('staff calls', () => {
  const stored = {
    ...created,
    request: input,
    updatedAt: created.createdAt,
    history: [{ status: 'received', note: null, at: created.createdAt, by: null }],
    possibleSpam: false,
  };
  const detail = { ...stored, mails: [] };

  test('send the token as a bearer and the filters as query parameters', async () => {
    const server = await serve((_request, response) =>
      sendJson(response, 200, { data: [stored], nextCursor: null }),
    );
    const client = createClient({ baseUrl: server.url, token: 'cz_secret' });
    const page = await client.sessionRequests.list({ zone: 'bxl-sud', status: 'received', limit: 5 });
    assert.equal(page.data[0]?.reference, 'CZ-ABCD2345');
    assert.equal(server.requests[0]?.headers.authorization, 'Bearer cz_secret');
    assert.equal(server.requests[0]?.url, '/v1/session-requests?zone=bxl-sud&status=received&limit=5');
  });

  test('pages follows the cursors to the last page', async () => {
    const server = await serve((request, response) => {
      const cursor = new URL(request.url ?? '', 'http://x').searchParams.get('cursor');
      const next = cursor === null ? 'page-2' : cursor === 'page-2' ? 'page-3' : null;
      sendJson(response, 200, { data: [{ ...stored, id: cursor ?? 'page-1' }], nextCursor: next });
    });
    const ids: string[] = [];
    for await (const page of createClient({ baseUrl: server.url }).sessionRequests.pages({ zone: 'bxl-sud' }))
      ids.push(...page.data.map((request) => request.id));
    assert.deepEqual(ids, ['page-1', 'page-2', 'page-3']);
    assert.deepEqual(
      server.requests.map((request) => request.url),
      [
        '/v1/session-requests?zone=bxl-sud',
        '/v1/session-requests?zone=bxl-sud&cursor=page-2',
        '/v1/session-requests?zone=bxl-sud&cursor=page-3',
      ],
    );
  });

  test('update sends a PATCH with the new status and note', async () => {
    const server = await serve((_request, response) =>
      sendJson(response, 200, { ...detail, status: 'planned' }),
    );
    const result = await createClient({ baseUrl: server.url }).sessionRequests.update('a1', {
      status: 'planned',
      note: '14 January',
    });
    assert.equal(result.status, 'planned');
    assert.equal(server.requests[0]?.method, 'PATCH');
    assert.equal(server.requests[0]?.url, '/v1/session-requests/a1');
    assert.deepEqual(JSON.parse(server.requests[0]?.body ?? ''), { status: 'planned', note: '14 January' });
  });

  test('lists the requests flagged as possible spam, and confirms one', async () => {
    const flagged = { ...stored, possibleSpam: true };
    const server = await serve((request, response) =>
      sendJson(response, 200, request.method === 'PATCH' ? detail : { data: [flagged], nextCursor: null }),
    );
    const client = createClient({ baseUrl: server.url, token: 'cz_secret' });
    const page = await client.sessionRequests.list({ spam: 'only' });
    assert.equal(page.data[0]?.possibleSpam, true);
    assert.equal(server.requests[0]?.url, '/v1/session-requests?spam=only');
    const confirmed = await client.sessionRequests.update('a1', { possibleSpam: false });
    assert.equal(confirmed.possibleSpam, false);
    assert.deepEqual(JSON.parse(server.requests[1]?.body ?? ''), { possibleSpam: false });
  });
});

describe('the inbox calls', () => {
  test('list sends the topic, date and text filters', async () => {
    const server = await serve((_request, response) =>
      sendJson(response, 200, { data: [], nextCursor: null }),
    );
    await createClient({ baseUrl: server.url }).sessionRequests.list({
      topic: 'diabetes',
      from: '2026-03-01',
      to: '2026-03-31',
      q: 'Éloïse & co',
    });
    assert.equal(
      server.requests[0]?.url,
      '/v1/session-requests?topic=diabetes&from=2026-03-01&to=2026-03-31&q=%C3%89lo%C3%AFse+%26+co',
    );
  });

  test('export asks for CSV and resolves to its text, byte order mark included', async () => {
    const csv = '\uFEFFReference,Status\r\nCZ-1,Planned\r\n';
    const server = await serve((_request, response) => {
      response.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="x.csv"',
      });
      response.end(csv);
    });
    const client = createClient({ baseUrl: server.url, token: 'cz_secret' });
    const text = await client.sessionRequests.export({ zone: 'bxl-sud', lang: 'fr', delimiter: ';' });
    assert.equal(text, csv);
    assert.equal(server.requests[0]?.url, '/v1/session-requests/export?zone=bxl-sud&lang=fr&delimiter=%3B');
    assert.equal(server.requests[0]?.headers.accept, 'text/csv');
    assert.equal(server.requests[0]?.headers.authorization, 'Bearer cz_secret');
  });

  test('an export answered with something else than CSV breaks the contract; a problem is an ApiError', async () => {
    const server = await serve((_request, response, index) => {
      if (index > 0) return sendProblem(response, problem(403, 'FORBIDDEN'));
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<h1>proxy</h1>');
    });
    const client = createClient({ baseUrl: server.url, retry: 0 });
    const html = await client.sessionRequests.export().catch((error: unknown) => error);
    assert.ok(html instanceof Error && html.name === 'ResponseValidationError', String(html));
    const forbidden = await client.sessionRequests
      .export({ zone: 'bxl-nord' })
      .catch((error: unknown) => error);
    assert.ok(forbidden instanceof ApiError && forbidden.code === 'FORBIDDEN');
  });
});

describe('retryAfterSeconds', () => {
  test('reads whole seconds and HTTP dates, and ignores anything else', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    assert.equal(retryAfterSeconds('120', now), 120);
    assert.equal(retryAfterSeconds('Mon, 23 Nov 2026 10:00:30 GMT', now), 30);
    assert.equal(retryAfterSeconds('Mon, 23 Nov 2026 09:00:00 GMT', now), 0);
    assert.equal(retryAfterSeconds('soon', now), undefined);
    assert.equal(retryAfterSeconds(null, now), undefined);
  });
});
