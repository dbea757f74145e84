import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { createLogger } from '../logger.js';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import type { RunningServer } from '../server.js';
import { openStorage } from '../storage/open-storage.js';
import type { Storage } from '../storage/storage.js';
import { startTestServer } from '../test-helpers/app.js';
import { uncachedProblemOf } from '../test-helpers/http.js';
import { loadZoneDirectory } from '../zones/load-zone-directory.js';
import { type AppDependencies, createApp } from './app.js';
import { DEFAULT_WIDGETS_DIR, EXAMPLES_CSP, safeSegments, widgetsVersionOf } from './static-files.js';

const SCRIPT = 'const a=1;export{a};\n';
/** A script big enough to be worth compressing (over 1 KB). */
const BIG_SCRIPT = `export const texts=[${Array.from({ length: 200 }, (_, i) => `"zone ${i}"`).join(',')}];\n`;
const SECRET = '{"name":"@carezone/widgets","version":"9.9.9","private":"must never be served"}\n';

let root: string;
let widgetsDir: string;
let examplesDir: string;
let storage: Storage;
/** What every app here is made of, but the static files. */
let deps: AppDependencies;
let app: Hono;
let bare: Hono;

/** `<root>/package.json` (the secret) · `<root>/dist/cdn/` (bundles) · `<root>/examples/` (pages). */
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'carezone-static-'));
  widgetsDir = join(root, 'dist', 'cdn');
  examplesDir = join(root, 'examples');
  await mkdir(widgetsDir, { recursive: true });
  await mkdir(join(examplesDir, 'page'), { recursive: true });
  await writeFile(join(root, 'package.json'), SECRET);
  await writeFile(join(widgetsDir, 'carezone.js'), SCRIPT);
  await writeFile(join(widgetsDir, 'carezone-finder.js'), BIG_SCRIPT);
  await writeFile(join(widgetsDir, 'carezone.js.map'), '{"version":3}');
  await writeFile(join(widgetsDir, 'custom-elements.json'), '{"schemaVersion":"1.0.0"}');
  await writeFile(join(widgetsDir, '.hidden.js'), 'hidden content');
  await writeFile(join(examplesDir, 'index.html'), '<!doctype html><title>Examples</title>');
  await writeFile(join(examplesDir, 'page', 'index.html'), '<!doctype html><title>Page</title>');
  await writeFile(join(examplesDir, 'page', 'site.css'), 'body{margin:0}');

  const directory = await loadZoneDirectory([BUILTIN_PACK_DIR]);
  storage = await openStorage({ dataDir: ':memory:' });
  deps = { directory, storage, logger: createLogger('silent'), version: '0.0.0-test' };
  app = createApp({ ...deps, widgets: { dir: widgetsDir, version: '1.2.3' }, examplesDir });
  bare = createApp(deps);
});
after(async () => {
  await storage.close();
  await rm(root, { recursive: true, force: true });
});

/** Each path is a 404 that shows nothing of the secret outside the folders, nor of the dot-file. */
async function assertNotServed(paths: string[]): Promise<void> {
  for (const path of paths) {
    const response = await app.request(path);
    assert.equal(response.status, 404, path);
    assert.doesNotMatch(await response.text(), /must never be served|hidden content/, path);
  }
}

describe('widget bundles at /widgets/', () => {
  test('a script: JavaScript, readable from any origin, cached 5 minutes, with an ETag', async () => {
    const response = await app.request('/widgets/carezone.js', { headers: { origin: 'https://a.example' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=300');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(response.headers.get('etag') ?? '', /^"[\w-]+"$/);
    assert.equal(await response.text(), SCRIPT);
  });

  test('If-None-Match answers 304 with no body and the same caching headers', async () => {
    const first = await app.request('/widgets/carezone.js');
    const etag = first.headers.get('etag') ?? '';
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await app.request('/widgets/carezone.js', { headers: { 'if-none-match': header } });
      assert.equal(again.status, 304, header);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);
      assert.equal(again.headers.get('cache-control'), 'public, max-age=300');
      assert.equal(again.headers.get('access-control-allow-origin'), '*');
    }
    const stale = await app.request('/widgets/carezone.js', { headers: { 'if-none-match': '"stale"' } });
    assert.equal(stale.status, 200);
  });

  test('a script travels compressed: Brotli, else gzip, as the client takes them, each with its own ETag', async () => {
    const get = (acceptEncoding?: string, etag?: string) =>
      app.request('/widgets/carezone-finder.js', {
        headers: {
          ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
          ...(etag ? { 'if-none-match': etag } : {}),
        },
      });
    const asIs = await get();
    assert.equal(asIs.headers.get('content-encoding'), null);
    assert.equal(asIs.headers.get('vary'), 'accept-encoding');
    assert.equal(await asIs.text(), BIG_SCRIPT);

    const br = await get('gzip, deflate, br, zstd');
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('vary'), 'accept-encoding');
    assert.equal(br.headers.get('content-type'), 'text/javascript; charset=utf-8');
    const brBody = Buffer.from(await br.arrayBuffer());
    assert.equal(Number(br.headers.get('content-length')), brBody.byteLength);
    assert.ok(brBody.byteLength < BIG_SCRIPT.length / 2, `${brBody.byteLength} B of ${BIG_SCRIPT.length}`);
    assert.equal(brotliDecompressSync(brBody).toString(), BIG_SCRIPT);

    const gz = await get('gzip;q=1, br;q=0');
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString(), BIG_SCRIPT);
    assert.equal((await get('identity')).headers.get('content-encoding'), null);
    assert.equal((await get('*;q=0, identity')).headers.get('content-encoding'), null);

    const tags = new Set([asIs, br, gz].map((response) => response.headers.get('etag')));
    assert.equal(tags.size, 3, 'one ETag per representation');
    const again = await get('br', br.headers.get('etag') ?? '');
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('vary'), 'accept-encoding');
    assert.equal((await get('gzip', br.headers.get('etag') ?? '')).status, 200, 'the gzip form is another');
  });

  test('a file under 1 KB travels as it is, whatever the client takes', async () => {
    const tiny = await app.request('/widgets/carezone.js', { headers: { 'accept-encoding': 'br' } });
    assert.equal(tiny.headers.get('content-encoding'), null);
    assert.equal(await tiny.text(), SCRIPT);
  });

  test('a rebuilt file is served with its new content and a new ETag', async () => {
    const before = await app.request('/widgets/custom-elements.json');
    await writeFile(join(widgetsDir, 'custom-elements.json'), '{"schemaVersion":"2.0.0"}');
    const after = await app.request('/widgets/custom-elements.json');
    assert.notEqual(after.headers.get('etag'), before.headers.get('etag'));
    assert.deepEqual(await after.json(), { schemaVersion: '2.0.0' });
  });

  test('the versioned path is immutable; another version is a 404 problem naming the one served', async () => {
    const response = await app.request('/widgets/1.2.3/carezone.js');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(await response.text(), SCRIPT);
    const revalidated = await app.request('/widgets/1.2.3/carezone.js', {
      headers: { 'if-none-match': response.headers.get('etag') ?? '' },
    });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.headers.get('cache-control'), 'public, max-age=31536000, immutable');

    const other = await app.request('/widgets/1.2.2/carezone.js');
    assert.equal(other.headers.get('access-control-allow-origin'), '*');
    const problem = await uncachedProblemOf(other, 404);
    assert.equal(problem.code, 'NOT_FOUND');
    assert.match(problem.detail ?? '', /1\.2\.2.*1\.2\.3/);
  });

  test('source maps and the manifest are JSON', async () => {
    for (const path of [
      '/widgets/carezone.js.map',
      '/widgets/custom-elements.json',
      '/widgets/1.2.3/carezone.js.map',
    ]) {
      const response = await app.request(path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), 'application/json', path);
    }
  });

  test('HEAD answers the headers without the body', async () => {
    const response = await app.request('/widgets/carezone.js', { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(await response.text(), '');
  });

  test('paths that could leave the folder, dot-files and folders are 404 problems', async () => {
    await assertNotServed([
      '/widgets/../package.json',
      '/widgets/%2e%2e/package.json',
      '/widgets/%2E%2E/%2E%2E/package.json',
      '/widgets/..%2fpackage.json',
      '/widgets/..%2f..%2fpackage.json',
      '/widgets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/widgets/..%5c..%5cpackage.json',
      '/widgets/1.2.3/../../package.json',
      '/widgets/1.2.3/%2e%2e/%2e%2e/package.json',
      '/widgets/1.2.3/..%2f..%2fpackage.json',
      '/widgets/.hidden.js',
      '/widgets/carezone.js%00.map',
      '/widgets//carezone.js',
      '/widgets/%E0%A4%A',
      '/widgets/',
      '/widgets',
    ]);
  });

  test('other methods are 405 problems', async () => {
    const problem = await uncachedProblemOf(
      await app.request('/widgets/carezone.js', { method: 'POST' }),
      405,
    );
    assert.equal(problem.code, 'METHOD_NOT_ALLOWED');
  });

  test('a missing build is a 404 problem that says to run npm run build', async () => {
    const unbuilt = createApp({ ...deps, widgets: { dir: join(root, 'not-built'), version: '1.2.3' } });
    const problem = await uncachedProblemOf(await unbuilt.request('/widgets/carezone-finder.js'), 404);
    assert.match(problem.detail ?? '', /npm run build/);
    const notConfigured = await uncachedProblemOf(await bare.request('/widgets/carezone.js'), 404);
    assert.match(notConfigured.detail ?? '', /CAREZONE_WIDGETS_DIR/);
  });

  test('the version comes from the @carezone/widgets package holding the folder', () => {
    assert.equal(widgetsVersionOf(widgetsDir), '9.9.9');
    assert.equal(widgetsVersionOf(examplesDir), undefined);
    assert.ok(DEFAULT_WIDGETS_DIR?.endsWith(join('packages', 'widgets', 'dist', 'cdn')), DEFAULT_WIDGETS_DIR);
  });

  test('safeSegments refuses every way out and accepts plain names', () => {
    assert.deepEqual(safeSegments('/widgets/1.2.3/carezone.js', '/widgets'), {
      segments: ['1.2.3', 'carezone.js'],
      directory: false,
    });
    assert.deepEqual(safeSegments('/examples/a%20b/', '/examples'), { segments: ['a b'], directory: true });
    for (const path of [
      '/widgets/..',
      '/widgets/a/../b',
      '/widgets/a%2Fb',
      '/widgets/a%5Cb',
      '/widgets/%00',
    ]) {
      assert.equal(safeSegments(path, '/widgets'), undefined, path);
    }
    assert.equal(safeSegments('/widgetsx/a.js', '/widgets'), undefined);
  });
});

describe('example pages at /examples/', () => {
  test('a folder answers its index.html under a strict CSP', async () => {
    const response = await app.request('/examples/page/');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(response.headers.get('content-security-policy'), EXAMPLES_CSP);
    assert.doesNotMatch(EXAMPLES_CSP, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.match(await response.text(), /<title>Page<\/title>/);
    const css = await app.request('/examples/page/site.css');
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.equal(css.headers.get('content-security-policy'), EXAMPLES_CSP);
  });

  test('a folder without its trailing slash redirects to it, keeping the query', async () => {
    const response = await app.request('/examples/page?lang=fr');
    assert.equal(response.status, 301);
    assert.equal(response.headers.get('location'), '/examples/page/?lang=fr');
    const top = await app.request('/examples');
    assert.equal(top.status, 301);
    assert.equal(top.headers.get('location'), '/examples/');
    assert.match(await (await app.request('/examples/')).text(), /<title>Examples<\/title>/);
  });

  test('/ leads to the examples when they are served, and is a 404 otherwise', async () => {
    const response = await app.request('/');
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), '/examples/');
    assert.equal((await bare.request('/')).status, 404);
    assert.equal((await bare.request('/examples/')).status, 404);
    assert.equal((await app.request('/healthz')).status, 200);
    assert.equal((await app.request('/docs')).status, 200);
  });

  test('missing files, a file with a trailing slash and ways out are 404 problems, still under the CSP', async () => {
    await assertNotServed([
      '/examples/nope.html',
      '/examples/page/site.css/',
      '/examples/../package.json',
      '/examples/%2e%2e/package.json',
      '/examples/..%2fpackage.json',
      '/examples/page/..%2f..%2fpackage.json',
    ]);
    const missing = await app.request('/examples/nope.html');
    assert.equal(missing.headers.get('content-security-policy'), EXAMPLES_CSP);
  });
});

describe('startServer and the raw HTTP paths', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer({ widgetsDir, examplesDir });
  });
  after(() => server.close());

  /** A GET with the path sent exactly as written (fetch would normalise the dots away). */
  function rawGet(path: string): Promise<{ status: number; body: string }> {
    const { hostname, port } = new URL(server.url);
    return new Promise((resolve, reject) => {
      const req = httpRequest({ hostname, port, path, method: 'GET' }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  test('serves the folder it was given, with the version of the package that holds it', async () => {
    assert.equal((await fetch(`${server.url}/widgets/carezone.js`)).status, 200);
    const versioned = await fetch(`${server.url}/widgets/9.9.9/carezone.js`);
    assert.equal(versioned.status, 200);
    assert.equal(versioned.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal((await fetch(`${server.url}/examples/page/`)).status, 200);
  });

  test('dot segments sent as they are never reach a file outside the folder', async () => {
    for (const path of [
      '/widgets/../package.json',
      '/widgets/../../package.json',
      '/widgets/%2e%2e/package.json',
      '/widgets/..%2fpackage.json',
      '/widgets/9.9.9/../../package.json',
      '/examples/../package.json',
      '/examples/..%2f..%2fpackage.json',
      '/examples/../dist/cdn/carezone.js',
    ]) {
      const { status, body } = await rawGet(path);
      assert.equal(status, 404, path);
      assert.doesNotMatch(body, /must never be served/, path);
    }
  });
});
