// The framework recipes (examples/react, examples/vue) are real apps: each is built with Vite from the
// widgets' TypeScript sources into a temporary folder, served from another origin than the Carezone
// server (as a site using the widgets would be), and used in Chromium. A visitor types 1050 in the
// finder and presses Enter: the zone must reach the framework's state through `carezone-zone-change`
// (the app's own text outside the widget names it), and go back into the news feed as its `zone`.
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, test } from 'node:test';
import { type LookupResult, pickText } from '@carezone/sdk';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import {
  type E2EServer,
  EXAMPLES_DIR,
  finderParts,
  launchBrowser,
  openPage,
  startServer,
  typeInto,
  VISIBLE_TIMEOUT_MS,
  waitForText,
  waitUntil,
} from './harness.js';

const RECIPES = ['react', 'vue'] as const;
/** What both apps pass to the finder (`lang`, `layer`). */
const LANG = 'en';
const LAYER = 'bxl-care-zones';

let server: E2EServer;
let browser: Browser;
let outRoot: string;
/** 1050 as the server answers it, in the apps' layer: the zone the apps must show. */
let expected: { id: string; name: string };

before(async () => {
  [server, browser, outRoot] = await Promise.all([
    startServer(),
    launchBrowser(),
    mkdtemp(join(tmpdir(), 'carezone-recipes-')),
  ]);
  const response = await fetch(`${server.url}/v1/lookup?postcode=1050&layer=${LAYER}`);
  assert.equal(response.status, 200);
  const answer = (await response.json()) as LookupResult;
  const zones = answer.matches.filter((match) => match.layer === LAYER).map((match) => match.zone);
  assert.equal(zones.length, 1, 'the reference pack gives 1050 one Brussels zone');
  const [zone] = zones;
  assert.ok(zone);
  expected = { id: zone.id, name: pickText(zone.name, LANG) };
  assert.deepEqual(expected, { id: 'bxl-sud', name: 'South' });
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (outRoot) await rm(outRoot, { recursive: true, force: true });
});

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The built files on an origin of their own (127.0.0.1, a free port); `/` is index.html. */
async function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const http: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') {
      // Chromium asks for it by itself; the apps have none (a 404 would count as a console error).
      response.writeHead(204).end();
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    const found = file.startsWith(root + sep) && (await stat(file).catch(() => null))?.isFile();
    if (!found) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };
}

for (const recipe of RECIPES) {
  test(`${recipe}: built with Vite, the zone chosen in the finder reaches the app's state and the news feed`, async () => {
    const outDir = join(outRoot, recipe);
    await build({
      configFile: join(EXAMPLES_DIR, recipe, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
      // What `VITE_CAREZONE_API=… vite build` gives the app.
      define: { 'import.meta.env.VITE_CAREZONE_API': JSON.stringify(server.url) },
    });
    const site = await serveStatic(outDir);
    const opened = await openPage(browser);
    try {
      const { page, recording } = opened;
      assert.notEqual(new URL(site.url).origin, new URL(server.url).origin, 'the app is on another origin');
      await page.goto(site.url);
      const yourZone = page.locator('#your-zone');
      await waitForText(yourZone, /^Look up your place/);

      const zoneNews = page.waitForResponse(
        (response) =>
          response.url().startsWith(`${server.url}/v1/news?`) &&
          new URL(response.url()).searchParams.get('zone') === expected.id,
        { timeout: VISIBLE_TIMEOUT_MS },
      );
      zoneNews.catch(() => {}); // awaited below, after the checks that say better what went wrong
      const parts = finderParts(page.locator('carezone-finder'));
      await typeInto(parts, '1050');
      await parts.options.first().waitFor({ timeout: VISIBLE_TIMEOUT_MS });
      await parts.input.press('Enter'); // no option made active: the typed postcode is looked up
      await waitForText(parts.zoneNames, new RegExp(`^\\s*${expected.name}\\s*$`));

      // The framework's own element, outside the widget, rendered from the framework's state.
      await waitForText(yourZone, new RegExp(`^Your zone: ${expected.name}$`));
      const changes = await waitUntil(
        'a carezone-zone-change event',
        async () => (await opened.records()).zoneChanges.filter((change) => change.detail),
        (list) => list.length > 0,
      );
      assert.equal(changes.at(-1)?.detail?.zone.id, expected.id);
      // The state back into a widget: the news feed asks for the news of that zone.
      assert.equal((await zoneNews).status(), 200);
      assert.equal(
        await page.locator('carezone-news').evaluate((news) => (news as { zone?: string }).zone),
        expected.id,
      );

      assert.deepEqual(recording.pageErrors.map(String), [], 'no page errors');
      assert.deepEqual(recording.errors, [], 'no console errors');
    } finally {
      await opened.close();
      await site.close();
    }
  });
}
