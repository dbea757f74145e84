// The built bundles in real Chromium, served by the real server: they define their tags, find the
// API from their own URL (no `api` attribute), run under the examples' strict CSP, and a page that
// loads the scripts twice (two bundles, or one bundle under two URLs) keeps working.
// The visitor's flows on the example pages are the end-to-end suite's (tests/e2e).
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createLogger, type RunningServer, startServer } from '@carezone/server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { REPO_ROOT } from '../helpers.js';
import { assertBuilt, CDN_DIR } from './built-bundles.js';

let examples: string;
let server: RunningServer;
let browser: Browser;
let widgetsVersion: string;

before(async () => {
  assertBuilt();
  // The real example pages, plus one test page of our own beside them.
  examples = await mkdtemp(join(tmpdir(), 'carezone-bundles-'));
  await cp(join(REPO_ROOT, 'examples'), examples, { recursive: true });
  server = await startServer({
    port: 0,
    dataDir: ':memory:',
    widgetsDir: CDN_DIR,
    examplesDir: examples,
    logger: createLogger('silent'),
  });
  // The version the server serves at /widgets/<version>/: the widgets package's.
  const pkg = JSON.parse(await readFile(join(REPO_ROOT, 'packages', 'widgets', 'package.json'), 'utf8'));
  widgetsVersion = (pkg as { version: string }).version;
  await writeFile(
    join(examples, 'twice.html'),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Twice</title><link rel="icon" href="favicon.svg">
<script type="module" src="/widgets/carezone.js"></script>
<script type="module" src="/widgets/carezone-finder.js"></script>
<script type="module" src="/widgets/${widgetsVersion}/carezone.js"></script>
</head><body><carezone-finder></carezone-finder><carezone-zone-card zone="bxl-sud"></carezone-zone-card></body></html>`,
  );
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS],
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (examples) await rm(examples, { recursive: true, force: true });
});

interface Watched {
  page: Page;
  /** Widget files the page fetched, with their size in bytes as served (uncompressed). */
  widgetFiles: Map<string, number>;
  errors: string[];
  warnings: string[];
  violations: string[];
  foreignRequests: string[];
}

/** A page that records uncaught errors, console warnings, CSP violations and requests to other origins. */
async function open(path: string): Promise<Watched> {
  const page = await browser.newPage();
  const watched: Watched = {
    page,
    widgetFiles: new Map(),
    errors: [],
    warnings: [],
    violations: [],
    foreignRequests: [],
  };
  page.on('pageerror', (error) => watched.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'warning') watched.warnings.push(message.text());
    if (message.type() === 'error') watched.errors.push(`${message.text()} ${message.location().url}`);
  });
  page.on('response', async (response) => {
    if (response.status() >= 400) watched.errors.push(`${response.status()} ${response.url()}`);
    const { pathname } = new URL(response.url());
    if (pathname.startsWith('/widgets/') && response.ok()) {
      watched.widgetFiles.set(pathname, (await response.body().catch(() => Buffer.alloc(0))).length);
    }
  });
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== server.url) watched.foreignRequests.push(request.url());
  });
  await page.exposeFunction('reportViolation', (text: string) => watched.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  const response = await page.goto(`${server.url}${path}`);
  assert.equal(response?.status(), 200, path);
  return watched;
}

/** The text of a part inside an element's shadow root, once it is there. */
async function partText(page: Page, selector: string, part: string, includes: string): Promise<string> {
  const handle = await page.waitForFunction(
    ([selector, part, includes]) => {
      const text = document
        .querySelector(selector)
        ?.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent;
      return text?.includes(includes) ? text : undefined;
    },
    [selector, part, includes] as const,
    { timeout: 15_000 },
  );
  return String(await handle.jsonValue());
}

describe('built bundles in Chromium', { timeout: 120_000 }, () => {
  test('carezone-finder.js on the municipal page: tags defined, zone card rendered from the API that served it', async (t) => {
    const { page, widgetFiles, errors, violations, foreignRequests } =
      await open('/examples/municipal-page/');
    try {
      const defined = await page.evaluate(() => ({
        finder: customElements.get('carezone-finder') !== undefined,
        card: customElements.get('carezone-zone-card') !== undefined,
      }));
      assert.deepEqual(defined, { finder: true, card: true });
      assert.match(await partText(page, '#zone-card', 'zone-name', 'Noord'), /Noord/);
      // The finder's preset (postcode="1082"): a lookup through the bundled SDK and its schemas.
      assert.match(await partText(page, '#finder', 'zone-name', 'Noord'), /Noord/);
      assert.deepEqual(errors, []);
      assert.deepEqual(violations, [], 'no CSP violation');
      assert.deepEqual(foreignRequests, [], 'no request to another origin');
      assert.deepEqual(await page.context().cookies(), [], 'no cookie');
      // What the budget test counts, seen from the browser: the entry and one language chunk.
      t.diagnostic(
        `municipal page downloaded: ${[...widgetFiles].map(([path, bytes]) => `${path} ${bytes} B`).join(', ')}`,
      );
      assert.ok(widgetFiles.has('/widgets/carezone-finder.js'));
    } finally {
      await page.close();
    }
  });

  test('carezone.js on the network page: both finders upgrade, in their own languages', async () => {
    const { page, errors, violations, foreignRequests } = await open('/examples/network-page/');
    try {
      await page.waitForFunction(() =>
        ['#finder-nl', '#finder-fr'].every((id) => document.querySelector(id)?.shadowRoot?.childElementCount),
      );
      const langs = await page.evaluate(() =>
        ['#finder-nl', '#finder-fr'].map((id) => document.querySelector(id)?.getAttribute('lang')),
      );
      assert.deepEqual(langs, ['nl', 'fr']);
      assert.deepEqual(errors, []);
      assert.deepEqual(violations, [], 'no CSP violation');
      assert.deepEqual(foreignRequests, []);
    } finally {
      await page.close();
    }
  });

  test('loading the bundles twice does not throw: the first definition stays and the console says so', async () => {
    const { page, errors, warnings, violations } = await open('/examples/twice.html');
    try {
      assert.match(await partText(page, 'carezone-zone-card', 'zone-name', 'Sud'), /Sud/);
      assert.deepEqual(errors, [], 'no uncaught error');
      assert.deepEqual(violations, []);
      assert.ok(
        warnings.some((text) => /<carezone-finder> is already defined/.test(text)),
        `a clear console warning (got: ${warnings.join(' | ')})`,
      );
    } finally {
      await page.close();
    }
  });
});
