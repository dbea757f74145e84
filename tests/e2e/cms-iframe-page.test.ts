// The example page of a site whose CMS strips scripts (examples/cms-iframe-page/), in Chromium with
// JavaScript off, as such a site's visitor may have it: the page has no script element, its three
// iframes load the embed pages, a newcomer finds the zone of 1050 in the finder's frame, and
// nothing is asked of another origin.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TRANSLATIONS } from '@carezone/widgets/texts';
import type { Browser } from 'playwright-core';
import { assertBuilt, type E2EServer, launchBrowser, startServer } from './harness.js';

const EMBEDS = ['/embed/finder', '/embed/news', '/embed/session-request'];

let server: E2EServer;
let browser: Browser;

before(async () => {
  assertBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the CMS page with iframes only, JavaScript off', () => {
  test('a newcomer finds zone Zuid for 1050 in the finder’s frame; no script, nothing from another origin', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1024, height: 900 },
    });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      const response = await page.goto(`${server.url}/examples/cms-iframe-page/`);
      assert.equal(response?.status(), 200);
      assert.equal(await page.locator('script').count(), 0, 'no script element in the page');

      // Every frame shows its embed page (without scripts, a browser loads lazy frames at once).
      for (const path of EMBEDS) {
        const frame = page.frameLocator(`iframe[src^="${path}?"]`);
        await frame.locator('main h1').waitFor({ state: 'attached' });
      }
      const shown = page
        .frames()
        .slice(1)
        .map((frame) => new URL(frame.url()).pathname)
        .sort();
      assert.deepEqual(shown, [...EMBEDS].sort(), 'each iframe shows its embed page');

      const finder = page.frameLocator('iframe[src^="/embed/finder?"]');
      await finder.getByLabel(TRANSLATIONS.nl.finder.label).fill('1050');
      await finder.getByRole('button', { name: TRANSLATIONS.nl.finder.submit }).click();
      await finder.getByRole('heading', { name: 'Zuid', exact: true }).waitFor();
      const searched = page.frames().find((frame) => new URL(frame.url()).pathname === '/embed/finder');
      assert.match(searched?.url() ?? '', /[?&]q=1050/, 'the frame itself went to the answer');
      assert.equal(new URL(page.url()).pathname, '/examples/cms-iframe-page/', 'the page stayed');
      assert.equal(await page.locator('script').count(), 0, 'still no script element');

      assert.ok(
        requests.some((url) => new URL(url).pathname === '/embed/embed.css'),
        'the frames’ requests are recorded too',
      );
      const foreign = requests.filter((url) => new URL(url).origin !== server.url);
      assert.deepEqual(foreign, [], `every request goes to ${server.url}`);
    } finally {
      await context.close();
    }
  });
});
