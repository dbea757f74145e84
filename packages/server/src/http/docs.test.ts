import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ERROR_CODES, problemType } from '@carezone/contract';
import { Hono } from 'hono';
import { testAppAround } from '../test-helpers/app.js';
import type { DocsSettings } from './docs/client.js';
import { problemsMarkdown } from './docs/fallback.js';
import { findScalarBundle } from './docs/scalar-bundle.js';
import { DOCS_SCRIPT_PATH, docsCsp, registerDocs, scalarPath } from './docs.js';
import { linkOrigin } from './public-origin.js';

const app = testAppAround();

/** Every `src` and `href` of a page. */
const referencesIn = (page: string) =>
  [...page.matchAll(/\b(?:src|href)="([^"]*)"/g)].map(([, url]) => url ?? '');

function settingsIn(page: string): DocsSettings {
  const json = /<script id="docs-settings" type="application\/json">(.*?)<\/script>/s.exec(page)?.[1];
  assert.ok(json, 'the page carries its settings');
  return JSON.parse(json) as DocsSettings;
}

describe('/docs', () => {
  test('is Scalar’s API reference, of the version package.json pins', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const bundle = findScalarBundle();
    assert.ok(bundle, '@scalar/api-reference is installed');
    assert.equal(bundle.version, manifest.devDependencies['@scalar/api-reference']);
  });

  test('loads only files of this server, under a CSP that allows no other origin', async () => {
    const response = await app.request('/docs');
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.equal(csp, docsCsp());
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "connect-src 'self'",
      "img-src 'self'",
    ]) {
      assert.ok(csp.split('; ').includes(directive), directive);
    }
    assert.doesNotMatch(csp, /unsafe-eval|https?:|\*/);
    const page = await response.text();
    const references = referencesIn(page);
    assert.ok(references.length >= 4, references.join(' '));
    for (const url of references) {
      // The fallback's links name the origin the request came in on: in-process, http://localhost.
      assert.ok(url.startsWith('/') || url.startsWith('http://localhost/'), url);
    }
    assert.ok(page.includes(`<script src="${scalarPath(findScalarBundle() ?? assert.fail())}" defer>`));
    assert.ok(page.includes(`<script src="${DOCS_SCRIPT_PATH}" defer>`));
    assert.doesNotMatch(page, /<script>|\son\w+=/, 'no inline script or handler');
  });

  test('tells Scalar to read /openapi.json and to call nobody else', async () => {
    const settings = settingsIn(await (await app.request('/docs')).text());
    assert.equal(settings.document, '/openapi.json');
    assert.deepEqual(
      {
        withDefaultFonts: settings.scalar.withDefaultFonts,
        hideClientButton: settings.scalar.hideClientButton,
        agent: settings.scalar.agent,
        telemetry: settings.scalar.telemetry,
      },
      { withDefaultFonts: false, hideClientButton: true, agent: { disabled: true }, telemetry: false },
    );
    // No public URL: the document's server `/` is the origin the page was loaded from.
    assert.equal(settings.scalar.baseServerURL, undefined);
    assert.equal(settings.scalar.proxyUrl, undefined);
  });

  test('serves every file it loads, with the type a browser runs under nosniff', async () => {
    const page = await (await app.request('/docs')).text();
    const types: Record<string, RegExp> = {
      js: /^text\/javascript/,
      css: /^text\/css/,
      svg: /^image\/svg\+xml/,
    };
    const local = referencesIn(page).filter((url) => url.startsWith('/docs/'));
    assert.equal(local.length, 4, local.join(' '));
    for (const url of local) {
      const response = await app.request(url);
      assert.equal(response.status, 200, url);
      const type = types[url.split('.').pop() ?? ''];
      assert.ok(type, url);
      assert.match(response.headers.get('content-type') ?? '', type, url);
      await response.arrayBuffer();
    }
  });

  test('Scalar’s bundle: the installed file, compressed or not, cached for good, revalidated by ETag', async () => {
    const bundle = findScalarBundle();
    assert.ok(bundle);
    const original = await readFile(bundle.file);
    const decoders: Record<string, (body: Buffer) => Buffer> = {
      br: brotliDecompressSync,
      gzip: gunzipSync,
      identity: (body) => body,
    };
    const tags = new Set<string>();
    for (const [encoding, decode] of Object.entries(decoders)) {
      const response = await app.request(scalarPath(bundle), { headers: { 'accept-encoding': encoding } });
      assert.equal(response.status, 200, encoding);
      assert.equal(response.headers.get('content-encoding') ?? 'identity', encoding);
      assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.equal(response.headers.get('vary'), 'accept-encoding');
      const body = Buffer.from(await response.arrayBuffer());
      assert.ok(decode(body).equals(original), encoding);
      if (encoding !== 'identity') assert.ok(body.byteLength < original.byteLength / 3, encoding);
      const etag = response.headers.get('etag') ?? '';
      tags.add(etag);
      const again = await app.request(scalarPath(bundle), {
        headers: { 'accept-encoding': encoding, 'if-none-match': etag },
      });
      assert.equal(again.status, 304, encoding);
    }
    assert.equal(tags.size, 3, 'one ETag per encoding');
  });

  test('other methods on the page and its files are 405; an unknown file is a 404', async () => {
    const bundle = findScalarBundle();
    assert.ok(bundle);
    for (const path of ['/docs', DOCS_SCRIPT_PATH, scalarPath(bundle)]) {
      assert.equal((await app.request(path, { method: 'POST' })).status, 405, path);
    }
    assert.equal((await app.request('/docs/assets/scalar-api-reference-0.0.1.js')).status, 404);
  });

  test('every problem type leads to its entry, with or without JavaScript', async () => {
    const page = await (await app.request('/docs')).text();
    const markdown = problemsMarkdown();
    for (const code of ERROR_CODES) {
      const anchor = problemType(code).split('#')[1];
      assert.ok(page.includes(`<dt id="${anchor}"><code>${code}</code></dt>`), code);
      assert.ok(markdown.includes(`\n### ${code}\n`), code);
    }
    assert.equal(settingsIn(page).appendix, markdown);
  });

  test('without JavaScript: every operation, with examples against the origin it was served from', async () => {
    const page = await (await app.request('/docs')).text();
    const fallback = /<noscript>(.*)<\/noscript>/s.exec(page)?.[1] ?? '';
    for (const path of ['/v1/layers', '/v1/zones/{id}/geometry', '/v1/places', '/v1/lookup', '/healthz']) {
      assert.ok(fallback.includes(`<code>${path}</code>`), path);
    }
    assert.match(fallback, /<a href="\/openapi\.json">/);
    assert.match(fallback, /curl -X POST &#39;http:\/\/localhost\/v1\/session-requests&#39;/);
    assert.match(fallback, /-H &#39;Idempotency-Key: /);
  });

  test('without the renderer installed, the plain list is the page, shown at once', async () => {
    const bare = new Hono();
    registerDocs(bare, {
      routes: [],
      version: '1.2.3',
      linksOf: linkOrigin(undefined),
      publicOrigin: undefined,
      bundle: null,
    });
    const page = await (await bare.request('/docs')).text();
    assert.doesNotMatch(page, /<script|<noscript/);
    assert.match(page, /<main class="fallback">/);
    assert.match(page, /<dt id="problem-not-found">/);
  });
});
