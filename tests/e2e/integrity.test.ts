// Subresource Integrity: the build lists the SHA-384 of every script of the widgets
// (`/widgets/<version>/integrity.json`), so that a host page can pin what it loads. Every hash must
// be that of the bytes the server really sends, every script must be listed, and a browser must run
// a bundle pinned by its hash and refuse one whose hash does not match.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { INTEGRITY_FILE, type integrityOf, sriHash } from '../../scripts/write-integrity.mjs';
import { CDN_DIR } from '../bundles/built-bundles.js';
import { REPO_ROOT } from '../helpers.js';
import { assertBuilt, type E2EServer, launchBrowser, startServer } from './harness.js';

const WIDGETS_PACKAGE = join(REPO_ROOT, 'packages', 'widgets', 'package.json');

type IntegrityManifest = ReturnType<typeof integrityOf>;

let server: E2EServer;
let browser: Browser;
let version: string;
let manifest: IntegrityManifest;

before(async () => {
  assertBuilt();
  version = JSON.parse(await readFile(WIDGETS_PACKAGE, 'utf8')).version;
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const response = await fetch(`${server.url}/widgets/${version}/${INTEGRITY_FILE}`);
  assert.equal(response.status, 200);
  manifest = (await response.json()) as IntegrityManifest;
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('lists every script of the build, for this version', async () => {
  const scripts = (await readdir(CDN_DIR)).filter((file) => file.endsWith('.js')).sort();
  assert.equal(manifest.version, version);
  assert.equal(manifest.algorithm, 'sha384');
  assert.deepEqual(Object.keys(manifest.files).sort(), scripts);
  assert.ok(scripts.includes('carezone-finder.js') && scripts.some((file) => /^fr-[\w-]+\.js$/.test(file)));
});

test('every hash is that of the bytes served, compressed or not, versioned or not', async () => {
  for (const [file, hash] of Object.entries(manifest.files)) {
    for (const path of [`/widgets/${version}/${file}`, `/widgets/${file}`]) {
      for (const encoding of ['br', 'gzip', 'identity']) {
        // fetch decodes the body; the hash is over what the page receives after decoding, as SRI's is.
        const response = await fetch(`${server.url}${path}`, { headers: { 'accept-encoding': encoding } });
        assert.equal(response.status, 200, path);
        const body = new Uint8Array(await response.arrayBuffer());
        assert.equal(sriHash(body), hash, `${path} (${encoding})`);
      }
    }
    assert.equal(sriHash(await readFile(join(CDN_DIR, file))), hash, file);
  }
});

test('Chromium runs a bundle pinned by its hash and refuses one whose hash is wrong', async () => {
  const page = await browser.newPage();
  try {
    const open = async (integrity: string) => {
      await page.goto(`${server.url}/healthz`);
      await page.setContent(
        `<script type="module" src="${server.url}/widgets/${version}/carezone-finder.js" integrity="${integrity}" crossorigin="anonymous"></script>`,
      );
    };
    await open(manifest.files['carezone-finder.js'] as string);
    await page.waitForFunction(() => customElements.get('carezone-finder') !== undefined);

    const refused = page.waitForEvent('console', (message) => /integrity/i.test(message.text()));
    await open(manifest.files['carezone-news.js'] as string);
    await refused;
    assert.equal(
      await page.evaluate(() => customElements.get('carezone-finder') === undefined),
      true,
      'the bundle with the wrong hash did not run',
    );
  } finally {
    await page.close();
  }
});
