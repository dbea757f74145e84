import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Hono } from 'hono';
import { createLogger } from '../logger.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
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

test('every route of the app is in the document and nothing else is', () => {
  const documented = Object.entries(document.paths as Record<string, object>).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method} ${path}`),
  );
  assert.deepEqual(documented.sort(), routes.map((route) => `${route.method} ${route.path}`).sort());
});
