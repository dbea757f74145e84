import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Hono } from 'hono';
import type * as z from 'zod/mini';
import { createLogger } from '../logger.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { createStaffToken } from '../staff/tokens.js';
import { openStorage } from '../storage/open-storage.js';
import type { Storage } from '../storage/storage.js';
import { loadZoneDirectory } from '../zones/load-zone-directory.js';
import { apiRoutes, createApp } from './app.js';
import type { RequestExample, RouteSpec } from './route-spec.js';

const SNAPSHOT = new URL('./__snapshots__/openapi.json', import.meta.url);

let app: Hono;
let storage: Storage;
let routes: RouteSpec[];
let document: Record<string, unknown>;

before(async () => {
  const directory = await loadZoneDirectory([REFERENCE_PACK_DIR]);
  storage = await openStorage({ dataDir: ':memory:' });
  app = createApp({ directory, storage, logger: createLogger('silent'), version: '0.0.0-test' });
  routes = apiRoutes({ directory, storage });
  document = (await (await app.request('/openapi.json')).json()) as Record<string, unknown>;
});
after(() => storage.close());

/** A GET of a URL, or a request with a method, headers and a JSON body. */
function exampleRequest(example: string | RequestExample): [string, RequestInit?] {
  if (typeof example === 'string') return [example];
  const { method, path, headers = {}, body } = example;
  return [
    path,
    {
      method: method.toUpperCase(),
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
  ];
}

test('the OpenAPI document is a valid OpenAPI 3.1 document', async () => {
  const result = await new Validator().validate(structuredClone(document));
  assert.deepEqual(result.errors ?? [], []);
  assert.equal(result.valid, true);
});

test('the OpenAPI document matches its snapshot (UPDATE_SNAPSHOTS=1 to accept a change)', async () => {
  const current = `${JSON.stringify(document, null, 2)}\n`;
  if (process.env.UPDATE_SNAPSHOTS === '1') await writeFile(SNAPSHOT, current);
  const stored = await readFile(SNAPSHOT, 'utf8').catch(() => undefined);
  assert.ok(stored !== undefined, 'no snapshot yet: run with UPDATE_SNAPSHOTS=1 and review it');
  assert.equal(current, stored);
});

test('every example request answers a documented status with a body that fits the documented schema', async () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ ...document, $id: 'urn:carezone:openapi' });
  const paths = document.paths as Record<
    string,
    Record<string, { responses: Record<string, Record<string, unknown>> }>
  >;
  let checked = 0;
  for (const route of routes) {
    const documented = paths[route.path]?.[route.method];
    assert.ok(documented, `${route.method} ${route.path} is documented`);
    for (const example of route.examples) {
      const response = await app.request(...exampleRequest(example));
      const spec = documented.responses[String(response.status)];
      const name = typeof example === 'string' ? example : `${example.method} ${example.path}`;
      assert.ok(spec, `${name}: status ${response.status} is documented`);
      const content = spec.content as Record<string, { schema: Record<string, unknown> }> | undefined;
      if (!content) continue;
      const [mediaType, media] = Object.entries(content)[0] ?? [];
      assert.ok(mediaType && media);
      assert.equal(response.headers.get('content-type')?.split(';')[0], mediaType, `${name}: media type`);
      const schema =
        typeof media.schema.$ref === 'string'
          ? { $ref: `urn:carezone:openapi${media.schema.$ref}` }
          : media.schema;
      const validate = ajv.compile(schema);
      const body: unknown = await response.json();
      assert.ok(validate(body), `${name}: ${ajv.errorsText(validate.errors)}`);
      checked++;
    }
  }
  assert.ok(checked >= 20, `only ${checked} examples checked`);
});

test('every request body in the document has an example, and each fits the body schema it documents', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ ...document, $id: 'urn:carezone:openapi' });
  const paths = document.paths as Record<string, Record<string, { requestBody?: Record<string, unknown> }>>;
  let checked = 0;
  for (const route of routes.filter((route) => route.body)) {
    const media = (
      paths[route.path]?.[route.method]?.requestBody?.content as
        | Record<string, { schema: { $ref?: string }; examples?: Record<string, { value: unknown }> }>
        | undefined
    )?.['application/json'];
    const name = `${route.method} ${route.path}`;
    assert.ok(media?.examples, `${name}: the body has examples`);
    const validate = ajv.compile(
      media.schema.$ref ? { $ref: `urn:carezone:openapi${media.schema.$ref}` } : media.schema,
    );
    for (const { value } of Object.values(media.examples)) {
      assert.ok(validate(value), `${name}: ${ajv.errorsText(validate.errors)}`);
      checked++;
    }
  }
  assert.ok(checked >= 4, `only ${checked} body examples checked`);
});

/** What the server serves beside the API's operations: the document itself and pages. */
const NOT_API = ['/openapi.json', '/docs', '/widgets/*', '/examples/*'];
const isPage = (path: string) =>
  NOT_API.includes(path) ||
  path.startsWith('/docs/assets/') ||
  path === '/embed' ||
  path.startsWith('/embed/') ||
  path === '/inbox' ||
  path.startsWith('/inbox/');

test('every route Hono registered is in the document, and every documented operation is registered', () => {
  const registered = new Set(
    app.routes
      .filter((route) => route.method !== 'ALL' && !isPage(route.path))
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
  );
  const documented = Object.entries(document.paths as Record<string, object>).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method} ${path}`),
  );
  assert.deepEqual([...registered].sort(), documented.sort());
  assert.ok(documented.length >= 20, `only ${documented.length} operations`);
});

test('redocly lint with its recommended rules finds no error in the document', async () => {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({
    source: JSON.stringify(document),
    absoluteRef: 'openapi.json',
    config,
  });
  const errors = problems.filter((problem) => problem.severity === 'error');
  assert.deepEqual(
    errors.map((problem) => `${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer})`),
    [],
  );
  const warnings = problems.filter((problem) => problem.severity === 'warn');
  console.log(`redocly lint (recommended): 0 errors, ${warnings.length} warnings`);
  for (const warning of warnings)
    console.log(`  ${warning.ruleId}: ${warning.message} (${warning.location[0]?.pointer})`);
});

type Parameter = { name: string; in: 'query' | 'path' | 'header'; schema: Record<string, unknown> };
const operations = () =>
  Object.entries(document.paths as Record<string, Record<string, { parameters: Parameter[] }>>).flatMap(
    ([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({ path, method, operation })),
  );

test('every limit is an integer with a minimum, a maximum and a default', () => {
  const limits = operations().flatMap(({ operation }) =>
    operation.parameters.filter((p) => p.name === 'limit'),
  );
  assert.ok(limits.length >= 3, `only ${limits.length} limit parameters`);
  for (const { schema } of limits) {
    assert.equal(schema.type, 'integer');
    assert.equal(schema.minimum, 1);
    assert.equal(typeof schema.maximum, 'number');
    assert.equal(typeof schema.default, 'number');
  }
});

/** Values to try, in order, until the parameter's own schema refuses one. */
const BAD_CANDIDATES = ['!!', 'x'.repeat(600), '0', '-1'];

function badValueFor(schema: z.ZodMiniType): string {
  const bad = BAD_CANDIDATES.find((value) => !schema.safeParse(value).success);
  assert.ok(bad !== undefined, 'a bad value for the parameter');
  return bad;
}

test('a bad value of any declared parameter is a 400 INVALID_QUERY naming it, before the handler runs', async () => {
  const staff = (await createStaffToken(storage.db, { zone: null, label: 'Network' })).token;
  let checked = 0;
  for (const route of routes) {
    const [url, init = {}] = exampleRequest(route.examples[0] ?? route.path);
    const headers = new Headers(init.headers);
    if (route.security === 'bearer') headers.set('authorization', `Bearer ${staff}`);
    const declared = [
      ['query', route.query],
      ['path', route.params],
      ['header', route.headers],
    ] as const;
    for (const [where, object] of declared) {
      for (const [name, field] of Object.entries(object?._zod.def.shape ?? {})) {
        const bad = badValueFor(field as z.ZodMiniType);
        const target = new URL(url, 'http://carezone.test');
        const sent = new Headers(headers);
        if (where === 'query') target.searchParams.set(name, bad);
        if (where === 'path')
          target.pathname = target.pathname.replace(/[^/]+(?=\/geometry$|$)/, encodeURIComponent(bad));
        if (where === 'header') sent.set(name, bad);
        const label = `${route.method} ${route.path}: ${where} ${name}=${bad.slice(0, 10)}`;
        const response = await app.request(`${target.pathname}${target.search}`, { ...init, headers: sent });
        assert.equal(response.status, 400, label);
        const problem = (await response.json()) as { code: string; errors: { path: string }[] };
        assert.equal(problem.code, 'INVALID_QUERY', label);
        assert.ok(
          problem.errors.some((error) => error.path === name),
          `${label}: ${JSON.stringify(problem.errors)}`,
        );
        checked++;
      }
    }
  }
  assert.ok(checked >= 25, `only ${checked} parameters checked`);
});
