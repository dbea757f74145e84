// The widgets load the texts of their language as a separate chunk. On a flaky connection that
// request can fail: the widget must ask again rather than stay blank for the rest of the visit.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  assertBuilt,
  type E2EServer,
  launchBrowser,
  type OpenedPage,
  openPage,
  startServer,
  waitForText,
} from './harness.js';

let browser: Browser;
let server: E2EServer;
let opened: OpenedPage;

before(async () => {
  assertBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  opened = await openPage(browser);
});
after(async () => {
  await opened?.close();
  await browser?.close();
  await server?.stop();
});

test('a language chunk that fails to load is fetched again, and the widgets then show', async () => {
  const attempts: string[] = [];
  await opened.page.route(/\/widgets\/nl-[\w-]+\.js$/, (route) => {
    attempts.push(route.request().url());
    return attempts.length === 1 ? route.abort('connectionreset') : route.continue();
  });
  await opened.page.goto(`${server.url}/examples/municipal-page/`);
  const card = opened.page.locator('#zone-card');
  assert.equal(
    await waitForText(card.locator('[part~="zone-name"]'), /Noord/, 15_000),
    'Noord',
    'the zone card shows its zone after the second attempt',
  );
  assert.ok(attempts.length >= 2, `the Dutch chunk was asked for again (${attempts.length} requests)`);
});

test("the page's language is asked for as the script starts, before any element is defined", async () => {
  const context = await browser.newContext();
  try {
    // Notes when the finder's tag gets defined: the end of the bundle's own evaluation.
    await context.addInitScript(() => {
      const define = customElements.define.bind(customElements);
      customElements.define = (tag, elementClass, options) => {
        if (tag === 'carezone-finder') (window as { definedAt?: number }).definedAt = performance.now();
        define(tag, elementClass, options);
      };
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/examples/municipal-page/`);
    await waitForText(page.locator('#finder [part~="zone-name"]'), /Noord/, 15_000);
    const { chunkAt, definedAt } = await page.evaluate(() => ({
      chunkAt: performance.getEntriesByType('resource').find((entry) => /\/nl-[\w-]+\.js$/.test(entry.name))
        ?.startTime,
      definedAt: (window as { definedAt?: number }).definedAt,
    }));
    assert.ok(
      chunkAt !== undefined && definedAt !== undefined,
      'the chunk was loaded and the finder defined',
    );
    assert.ok(
      chunkAt < definedAt,
      `the Dutch chunk was asked for at ${chunkAt} ms, the finder defined at ${definedAt} ms`,
    );
  } finally {
    await context.close();
  }
});
