import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createClient } from './client.js';
import {
  ApiError,
  isAbortError,
  isApiError,
  isNetworkError,
  isResponseValidationError,
  isTimeoutError,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
} from './errors.js';
import { layer } from './test-helpers/fixtures.js';
import {
  closedPortUrl,
  type Handler,
  sendJson,
  sendProblem,
  serverPerTest,
} from './test-helpers/http-server.js';

const serve = serverPerTest();

const layers = (_request: unknown, response: Parameters<Handler>[1]) =>
  sendJson(response, 200, { data: [layer] });

describe('createClient: success', () => {
  test('validates the body and resolves to the unwrapped list', async () => {
    const server = await serve(layers);
    const result = await createClient({ baseUrl: server.url }).layers.list();
    assert.deepEqual(result, [layer]);
    assert.equal(server.requests[0]?.url, '/v1/layers');
    assert.equal(server.requests[0]?.method, 'GET');
  });

  test('sends Accept, Accept-Language from lang, and extra headers', async () => {
    const server = await serve(layers);
    await createClient({ baseUrl: server.url, lang: 'fr', headers: { 'x-site': 'gemeente' } }).layers.list();
    const headers = server.requests[0]?.headers;
    assert.equal(headers?.accept, 'application/json');
    assert.equal(headers?.['accept-language'], 'fr');
    assert.equal(headers?.['x-site'], 'gemeente');
  });

  test('keeps a path prefix of the base URL, with or without a trailing slash', async () => {
    const server = await serve(layers);
    await createClient({ baseUrl: `${server.url}/carezone/` }).layers.list();
    await createClient({ baseUrl: new URL(`${server.url}/carezone`) }).layers.list();
    assert.deepEqual(
      server.requests.map((request) => request.url),
      ['/carezone/v1/layers', '/carezone/v1/layers'],
    );
  });

  test('uses the injected fetch', async () => {
    const server = await serve(layers);
    const seen: string[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return globalThis.fetch(input, init);
    };
    await createClient({ baseUrl: server.url, fetch }).layers.list();
    assert.deepEqual(seen, [`${server.url}/v1/layers`]);
  });

  test('clients share no state: each keeps its own base URL and language', async () => {
    const first = await serve(layers);
    const second = await serve(layers);
    const nl = createClient({ baseUrl: first.url, lang: 'nl' });
    const de = createClient({ baseUrl: second.url, lang: 'de' });
    await Promise.all([nl.layers.list(), de.layers.list(), nl.layers.list()]);
    assert.deepEqual(
      first.requests.map((request) => request.headers['accept-language']),
      ['nl', 'nl'],
    );
    assert.deepEqual(
      second.requests.map((request) => request.headers['accept-language']),
      ['de'],
    );
  });
});

describe('createClient: error answers', () => {
  test('a problem becomes an ApiError with status, code, errors and the parsed problem', async () => {
    const problem = {
      type: '/docs#problem-invalid-query',
      title: 'The query is not valid',
      status: 400,
      code: 'INVALID_QUERY',
      detail: 'postcode: four digits',
      errors: [{ path: 'postcode', code: 'invalid_format', message: 'four digits' }],
    };
    const server = await serve((_request, response) => sendProblem(response, problem));
    const error = await createClient({ baseUrl: server.url })
      .lookup({ postcode: 'abc' })
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof ApiError);
    assert.ok(isApiError(error));
    assert.equal(error.status, 400);
    assert.equal(error.code, 'INVALID_QUERY');
    assert.deepEqual(error.problem, problem);
    assert.deepEqual(error.errors, problem.errors);
    assert.equal(error.url, `${server.url}/v1/lookup?postcode=abc`);
    assert.match(error.message, /400 INVALID_QUERY: postcode: four digits/);
    assert.equal(server.requests.length, 1, 'a 400 is not retried');
  });

  test('OUT_OF_COVERAGE carries the places found', async () => {
    const places = [{ nis: '92094', name: { fr: 'Namur' }, postcode: '5000', region: 'wallonia' }];
    const server = await serve((_request, response) =>
      sendProblem(response, { type: 'x', title: 'Out', status: 404, code: 'OUT_OF_COVERAGE', places }),
    );
    const error = await createClient({ baseUrl: server.url })
      .lookup({ postcode: '5000' })
      .catch((caught: unknown) => caught);
    assert.ok(isApiError(error));
    assert.equal(error.code, 'OUT_OF_COVERAGE');
    assert.deepEqual(error.places, places);
  });

  test('an HTML error page of a proxy becomes an ApiError INTERNAL with a built problem', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(502, 'Bad Gateway', { 'content-type': 'text/html' });
      response.end('<h1>502 Bad Gateway</h1>');
    });
    const error = await createClient({ baseUrl: server.url, retry: 0 })
      .layers.list()
      .catch((caught: unknown) => caught);
    assert.ok(isApiError(error));
    assert.equal(error.status, 502);
    assert.equal(error.code, 'INTERNAL');
    assert.deepEqual(error.problem, {
      type: 'about:blank',
      title: 'Bad Gateway',
      status: 502,
      code: 'INTERNAL',
    });
  });

  test('a plain 404 maps to NOT_FOUND, and a problem with an unknown code falls back to its status', async () => {
    const server = await serve((_request, response, index) => {
      if (index === 0) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('nope');
      } else {
        sendProblem(response, { type: 'x', title: 'Gone', status: 429, code: 'SOMETHING_NEW' });
      }
    });
    const client = createClient({ baseUrl: server.url });
    const notFound = await client.zones.get('nowhere').catch((caught: unknown) => caught);
    const unknownCode = await client.zones.get('nowhere').catch((caught: unknown) => caught);
    assert.ok(isApiError(notFound) && isApiError(unknownCode));
    assert.equal(notFound.code, 'NOT_FOUND');
    assert.equal(unknownCode.code, 'RATE_LIMITED');
  });
});

describe('createClient: bodies that break the contract', () => {
  test('a wrong shape rejects with ResponseValidationError carrying the issues, URL and status', async () => {
    const server = await serve((_request, response) =>
      sendJson(response, 200, { data: [{ ...layer, zoneCount: 'five' }] }),
    );
    const error = await createClient({ baseUrl: server.url })
      .layers.list()
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof ResponseValidationError);
    assert.ok(isResponseValidationError(error));
    assert.equal(error.status, 200);
    assert.equal(error.url, `${server.url}/v1/layers`);
    assert.deepEqual(error.issues[0]?.path, ['data', 0, 'zoneCount']);
    assert.match(error.message, /data\.0\.zoneCount/);
  });

  test('a body that is not JSON rejects with ResponseValidationError', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>CMS</title>');
    });
    const error = await createClient({ baseUrl: server.url })
      .layers.list()
      .catch((caught: unknown) => caught);
    assert.ok(isResponseValidationError(error));
    assert.equal(error.issues[0]?.message, 'The body is not JSON');
  });
});

describe('createClient: transport failures', () => {
  test('a server that never answers rejects with TimeoutError, not retried', async () => {
    const server = await serve(() => {});
    const started = performance.now();
    const error = await createClient({ baseUrl: server.url, timeout: 150 })
      .layers.list()
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof TimeoutError);
    assert.ok(isTimeoutError(error));
    assert.equal(error.timeout, 150);
    assert.ok(performance.now() - started < 1000);
    assert.equal(server.requests.length, 1);
  });

  test('a closed port rejects with NetworkError, keeping the cause', async () => {
    const baseUrl = await closedPortUrl();
    const error = await createClient({ baseUrl, retry: 0 })
      .layers.list()
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof NetworkError);
    assert.ok(isNetworkError(error));
    assert.equal(error.url, `${baseUrl}/v1/layers`);
    assert.ok(error.cause instanceof TypeError);
  });

  test('network errors are retried', async () => {
    const server = await serve((request, response, index) => {
      if (index === 0) request.socket.destroy();
      else layers(request, response);
    });
    const result = await createClient({
      baseUrl: server.url,
      retry: { limit: 1, backoffLimit: 10 },
    }).layers.list();
    assert.deepEqual(result, [layer]);
    assert.equal(server.requests.length, 2);
  });
});

describe('createClient: abort', () => {
  test('an already aborted signal rejects with AbortError and sends nothing', async () => {
    const server = await serve(layers);
    const error = await createClient({ baseUrl: server.url })
      .layers.list({ signal: AbortSignal.abort() })
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof DOMException);
    assert.equal(error.name, 'AbortError');
    assert.ok(isAbortError(error));
    assert.equal(server.requests.length, 0);
  });

  test('aborting during the request rejects with AbortError, not a NetworkError', async () => {
    const controller = new AbortController();
    const server = await serve(() => controller.abort());
    const error = await createClient({ baseUrl: server.url })
      .layers.list({ signal: controller.signal })
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof DOMException);
    assert.equal(error.name, 'AbortError');
    assert.ok(!isNetworkError(error));
    assert.equal(server.requests.length, 1, 'an abort is not retried');
  });

  test("the caller's own abort reason is passed through", async () => {
    const controller = new AbortController();
    const reason = new Error('superseded by a newer keystroke');
    const server = await serve(() => controller.abort(reason));
    const error = await createClient({ baseUrl: server.url })
      .layers.list({ signal: controller.signal })
      .catch((caught: unknown) => caught);
    assert.equal(error, reason);
  });
});

describe('createClient: retries', () => {
  test('a 503 then a 200 resolves, honouring Retry-After', async () => {
    const server = await serve((request, response, index) => {
      if (index === 0) sendJson(response, 503, {}, { 'retry-after': '1' });
      else layers(request, response);
    });
    const started = performance.now();
    const result = await createClient({ baseUrl: server.url }).layers.list();
    assert.deepEqual(result, [layer]);
    assert.equal(server.requests.length, 2);
    assert.ok(performance.now() - started >= 900, 'waited the announced second');
  });

  test('502 is retried up to the limit, then surfaces as ApiError', async () => {
    const server = await serve((_request, response) =>
      sendProblem(response, { type: 'x', title: 'Bad gateway', status: 502, code: 'INTERNAL' }),
    );
    const error = await createClient({ baseUrl: server.url, retry: { limit: 2, backoffLimit: 10 } })
      .layers.list()
      .catch((caught: unknown) => caught);
    assert.ok(isApiError(error));
    assert.equal(error.status, 502);
    assert.equal(server.requests.length, 3);
  });

  test('retry: 0 turns retries off', async () => {
    const server = await serve((_request, response) => sendJson(response, 503, {}));
    const error = await createClient({ baseUrl: server.url, retry: 0 })
      .layers.list()
      .catch((caught: unknown) => caught);
    assert.ok(isApiError(error));
    assert.equal(server.requests.length, 1);
  });
});
