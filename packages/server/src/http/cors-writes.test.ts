import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Problem } from '@carezone/contract';
import type { Hono } from 'hono';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { sampleInput } from '../session-requests/test-helpers/sample-input.js';
import { createTestApp, withTestApp } from '../test-helpers/app.js';
import { postSessionRequest } from '../test-helpers/session-request-requests.js';
import { resolveAllowedOrigins } from './allowed-origins.js';

const ALLOWED = 'https://www.sint-gillis.be';
const OTHER = 'https://evil.example';

function preflight(app: Hono, origin: string, method = 'POST') {
  return app.request('/v1/session-requests', {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': 'content-type, idempotency-key',
    },
  });
}

describe('CORS of writes with configured origins', () => {
  let app: Hono;
  let close: () => Promise<void>;
  before(async () => {
    ({ app, close } = await createTestApp([REFERENCE_PACK_DIR], {
      allowedOrigins: resolveAllowedOrigins(`${ALLOWED}, https://zorgzones.brussels/`, 'production'),
      rateLimits: { perAddress: 'off', perZone: 'off' },
    }));
  });
  after(() => close());

  test('a POST from an allowed origin is stored and readable by that origin', async () => {
    for (const origin of [ALLOWED, 'https://zorgzones.brussels']) {
      const response = await postSessionRequest(app, sampleInput(), { headers: { origin } });
      assert.equal(response.status, 201, origin);
      assert.equal(response.headers.get('access-control-allow-origin'), origin);
      assert.match(response.headers.get('vary') ?? '', /Origin/);
      assert.match(response.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    }
  });

  test('problems of an allowed origin are readable too, Retry-After included', async () => {
    const response = await postSessionRequest(app, '{', { headers: { origin: ALLOWED } });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED);
    assert.match(response.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
  });

  test('a POST from another origin is refused with 403 and nothing is stored', async () => {
    for (const origin of [OTHER, 'null', `${ALLOWED}:8443`, 'http://www.sint-gillis.be']) {
      const response = await postSessionRequest(app, sampleInput(), { headers: { origin } });
      assert.equal(response.status, 403, origin);
      const problem = Problem.parse(await response.json());
      assert.equal(problem.code, 'FORBIDDEN');
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    }
  });

  test('no Origin (servers, curl) and same-origin pages may post', async () => {
    assert.equal((await postSessionRequest(app, sampleInput())).status, 201);
    const sameOrigin = await postSessionRequest(app, sampleInput(), {
      headers: { origin: 'https://api.carezone.example', host: 'api.carezone.example' },
    });
    assert.equal(sameOrigin.status, 201);
  });

  test('the preflight of an allowed origin is answered; another origin gets no allow headers', async () => {
    const allowed = await preflight(app, ALLOWED);
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED);
    assert.match(allowed.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.equal(allowed.headers.get('access-control-allow-headers'), 'content-type, idempotency-key');
    assert.match(allowed.headers.get('vary') ?? '', /Origin/);

    const refused = await preflight(app, OTHER);
    for (const name of ['allow-origin', 'allow-methods', 'allow-headers']) {
      assert.equal(refused.headers.get(`access-control-${name}`), null, name);
    }
    const patch = await preflight(app, OTHER, 'PATCH');
    assert.equal(patch.headers.get('access-control-allow-origin'), null);
  });

  test('reads stay open to every origin', async () => {
    const response = await app.request('/v1/topics', { headers: { origin: OTHER } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const readPreflight = await preflight(app, OTHER, 'GET');
    assert.equal(readPreflight.headers.get('access-control-allow-origin'), '*');
  });

  test('a PATCH from another origin is refused before anything else', async () => {
    const response = await app.request('/v1/session-requests/3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', {
      method: 'PATCH',
      headers: { origin: OTHER, 'content-type': 'application/json' },
      body: '{"status":"planned"}',
    });
    assert.equal(response.status, 403);
  });
});

describe('the default origin policy', () => {
  test('development allows any origin, production none, and * any', async () => {
    assert.equal(resolveAllowedOrigins(undefined, 'development'), 'any');
    assert.equal(resolveAllowedOrigins('', 'test'), 'any');
    assert.deepEqual(resolveAllowedOrigins(undefined, 'production'), new Set());
    assert.deepEqual(resolveAllowedOrigins(' , ', 'production'), new Set());
    assert.equal(resolveAllowedOrigins('*', 'production'), 'any');
    assert.deepEqual(resolveAllowedOrigins([`${ALLOWED}/`], 'production'), new Set([ALLOWED]));
  });

  test('only an explicit development or test opens writes to every origin: any other NODE_ENV, or none, is production', () => {
    for (const nodeEnv of [
      undefined,
      '',
      'Production',
      'PRODUCTION',
      'prod',
      ' production',
      'staging',
      'Development',
      'dev',
    ]) {
      assert.deepEqual(resolveAllowedOrigins(undefined, nodeEnv), new Set(), String(nodeEnv));
      assert.deepEqual(resolveAllowedOrigins(' ', nodeEnv), new Set(), String(nodeEnv));
    }
  });

  test('anything but a bare http(s) origin is a configuration error', () => {
    for (const bad of [
      'www.example.be',
      'ftp://example.be',
      'https://example.be/path',
      'https://user@example.be',
    ]) {
      assert.throws(() => resolveAllowedOrigins(bad, 'production'), /allowed origin/, bad);
    }
  });

  test('in production with nothing configured, a browser POST is refused and a server POST is not', async () => {
    await withTestApp(
      {
        allowedOrigins: resolveAllowedOrigins(undefined, 'production'),
      },
      async (app) => {
        assert.equal(
          (await postSessionRequest(app, sampleInput(), { headers: { origin: ALLOWED } })).status,
          403,
        );
        assert.equal((await preflight(app, ALLOWED)).headers.get('access-control-allow-origin'), null);
        assert.equal((await postSessionRequest(app, sampleInput())).status, 201);
      },
    );
  });

  test('with NODE_ENV unset, pages of the server itself (the example pages) still post; other sites do not', async () => {
    await withTestApp(
      {
        allowedOrigins: resolveAllowedOrigins(undefined, undefined),
        rateLimits: { perAddress: 'off', perZone: 'off' },
      },
      async (app) => {
        const own = { origin: 'http://localhost:3000', host: 'localhost:3000' };
        assert.equal((await postSessionRequest(app, sampleInput(), { headers: own })).status, 201);
        const preflightHeaders = { ...own, 'access-control-request-method': 'POST' };
        const ownPreflight = await app.request('/v1/session-requests', {
          method: 'OPTIONS',
          headers: preflightHeaders,
        });
        assert.equal(ownPreflight.headers.get('access-control-allow-origin'), own.origin);
        const elsewhere = { origin: OTHER, host: 'localhost:3000' };
        assert.equal((await postSessionRequest(app, sampleInput(), { headers: elsewhere })).status, 403);
      },
    );
  });

  test('with any origin allowed, a cross-origin POST is answered with CORS headers', async () => {
    await withTestApp({ allowedOrigins: 'any' }, async (app) => {
      const response = await postSessionRequest(app, sampleInput(), { headers: { origin: OTHER } });
      assert.equal(response.status, 201);
      assert.equal(response.headers.get('access-control-allow-origin'), OTHER);
      assert.equal((await preflight(app, OTHER)).headers.get('access-control-allow-origin'), OTHER);
    });
  });
});
