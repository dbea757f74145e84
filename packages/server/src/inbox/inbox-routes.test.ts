import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../http/app.js';
import { IMMUTABLE_CACHE } from '../http/static-files.js';
import { createLogger } from '../logger.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { openStorage } from '../storage/open-storage.js';
import type { Storage } from '../storage/storage.js';
import { loadZoneDirectory } from '../zones/load-zone-directory.js';
import { DEFAULT_INBOX_DIR, INBOX_CSP } from './inbox-routes.js';

const ENTRY = 'inbox-AbCd1234.js';
const SCRIPT = `export const inbox = ${JSON.stringify('x'.repeat(2000))};\n`;

/** Every path of the inbox's router (packages/inbox/src/internal/router.ts). */
const PAGES = [
  '/inbox/',
  '/inbox/requests/3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
  '/inbox/news',
  '/inbox/news/new',
  '/inbox/news/3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
];

async function appWith(dir: string | undefined, storage: Storage): Promise<Hono> {
  return createApp({
    directory: await loadZoneDirectory([REFERENCE_PACK_DIR]),
    storage,
    logger: createLogger('silent'),
    version: '0.0.0-test',
    inbox: { dir },
  });
}

describe('the inbox page at /inbox/', () => {
  let dir: string;
  let storage: Storage;
  let app: Hono;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carezone-inbox-'));
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ entry: ENTRY }));
    await writeFile(join(dir, ENTRY), SCRIPT);
    await writeFile(join(dir, `${ENTRY}.map`), '{"version":3}');
    await writeFile(join(dir, 'unhashed.js'), 'nothing');
    storage = await openStorage({ dataDir: ':memory:' });
    app = await appWith(dir, storage);
  });
  after(async () => {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('every path of the router answers the page, never cached, under a strict CSP', async () => {
    for (const path of PAGES) {
      const response = await app.request(path);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.equal(csp, INBOX_CSP);
      for (const directive of [
        "default-src 'none'",
        "script-src 'self'",
        "connect-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
      ]) {
        assert.ok(csp.includes(directive), `${path}: ${directive}`);
      }
      assert.ok(!csp.includes('unsafe'), csp);
      const page = await response.text();
      assert.ok(page.includes(`<script type="module" src="/inbox/assets/${ENTRY}"></script>`), page);
      assert.ok(page.includes('<carezone-inbox></carezone-inbox>'));
      assert.ok(!/<script(?![^>]*\bsrc=)/.test(page), 'no inline script');
      assert.ok(!/\sstyle=|<style/.test(page), 'no inline style');
    }
  });

  test('speaks the browser’s language in lang, the title and the noscript message', async () => {
    const fr = await (
      await app.request('/inbox/', { headers: { 'accept-language': 'fr-BE,fr;q=0.9' } })
    ).text();
    assert.match(fr, /<html lang="fr">/);
    assert.match(fr, /<title>Boîte de réception Carezone<\/title>/);
    assert.match(fr, /<noscript><p class="noscript">La boîte de réception a besoin de JavaScript/);
    const unknown = await (await app.request('/inbox/news', { headers: { 'accept-language': 'es' } })).text();
    assert.match(unknown, /<html lang="nl">/);
    assert.match(unknown, /<title>Carezone-inbox<\/title>/);
  });

  test('/inbox leads to /inbox/; other paths and methods are problems', async () => {
    const bare = await app.request('/inbox');
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.get('location'), '/inbox/');
    for (const path of ['/inbox/unknown', '/inbox/requests', '/inbox/requests/a/b', '/inbox/news/a/b']) {
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
      assert.equal(response.headers.get('content-type'), 'application/problem+json', path);
    }
    const post = await app.request('/inbox/', { method: 'POST' });
    assert.equal(post.status, 405);
  });

  test('serves the hashed scripts for a year, and 404 for any other file', async () => {
    const script = await app.request(`/inbox/assets/${ENTRY}`, {
      headers: { 'accept-encoding': 'identity' },
    });
    assert.equal(script.status, 200);
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(script.headers.get('cache-control'), IMMUTABLE_CACHE);
    assert.equal(await script.text(), SCRIPT);
    const etag = script.headers.get('etag') ?? '';
    const again = await app.request(`/inbox/assets/${ENTRY}`, {
      headers: { 'if-none-match': etag, 'accept-encoding': 'identity' },
    });
    assert.equal(again.status, 304);
    const gzip = await app.request(`/inbox/assets/${ENTRY}`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers.get('content-encoding'), 'gzip');
    assert.equal((await app.request(`/inbox/assets/${ENTRY}.map`)).status, 200);
    for (const path of [
      '/inbox/assets/inbox-XXXXXXXX.js',
      '/inbox/assets/manifest.json',
      '/inbox/assets/unhashed.js',
      '/inbox/assets/',
      '/inbox/assets/..%2Fmanifest.json',
      `/inbox/assets/sub/${ENTRY}`,
    ]) {
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
    }
  });

  test('the page’s own stylesheet comes from the server, revalidated', async () => {
    const response = await app.request('/inbox/page.css');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/css/);
    assert.equal(response.headers.get('cache-control'), 'no-cache');
  });

  test('names an icon the server serves, so the browser asks for no /favicon.ico', async () => {
    const page = await (await app.request('/inbox/')).text();
    const icon = /<link rel="icon" href="([^"]+)"/.exec(page)?.[1];
    assert.ok(icon, 'the page names its icon');
    const response = await app.request(icon);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^image\/svg\+xml/);
  });

  test('without a build, the page says how to make one', async () => {
    const unbuilt = await appWith(undefined, storage);
    const response = await unbuilt.request('/inbox/', { headers: { 'accept-language': 'en' } });
    assert.equal(response.status, 200);
    const page = await response.text();
    assert.ok(!page.includes('<script'), page);
    assert.ok(page.includes('npm run build'), page);
    assert.equal((await unbuilt.request(`/inbox/assets/${ENTRY}`)).status, 404);
  });

  test('by default, the build of the @carezone/inbox package (npm run build)', () => {
    assert.ok(DEFAULT_INBOX_DIR, 'packages/inbox/dist/assets exists after npm run build');
    assert.match(DEFAULT_INBOX_DIR, /inbox[/\\]dist[/\\]assets$/);
  });
});
