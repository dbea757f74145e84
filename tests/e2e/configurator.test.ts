// The embed configurator (`/embed/`) as a CMS editor without a developer uses it: axe finds nothing
// serious in any language; with the keyboard alone the editor picks the news, presets a zone by
// searching a place, and copies the code; pasted into a fresh page on another origin, the script
// form works under the policy lines the configurator gave, and the iframe form works too.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { output, REFERENCE_PACK, spawnCli } from '../helpers.js';
import {
  assertBuilt,
  type E2EServer,
  freePort,
  LANGUAGES,
  launchBrowser,
  seriousAxeViolations,
  startServer,
  waitUntil,
} from './harness.js';

const REFERENCE_FEED = fileURLToPath(new URL('../../../shared/news/feed.json', import.meta.url));

let server: E2EServer;
let browser: Browser;
let dataDir: string;
let host: http.Server;
let hostOrigin: string;
/** What the fresh page on the host's origin serves: its policy and its body, set by each test. */
let pasted = { policy: "default-src 'none'", body: '' };

before(async () => {
  assertBuilt();
  dataDir = await mkdtemp(join(tmpdir(), 'carezone-configurator-'));
  const hostPort = await freePort();
  hostOrigin = `http://localhost:${hostPort}`;
  server = await startServer(0, {
    dataDir,
    env: { CAREZONE_ALLOWED_ORIGINS: hostOrigin, NODE_ENV: 'production' },
  });
  const imported = await output(
    spawnCli([
      'news',
      'import',
      REFERENCE_FEED,
      '--zone',
      'bxl-sud',
      '--zonepack',
      REFERENCE_PACK,
      '--data',
      dataDir,
    ]),
  );
  assert.equal(imported.code, 0, imported.stderr);
  host = http.createServer((request, response) => {
    if (request.url !== '/') {
      response.writeHead(204);
      response.end();
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': pasted.policy,
    });
    response.end(
      `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Gemeente</title></head><body><main><h1>Gemeente</h1>\n${pasted.body}\n</main></body></html>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(hostPort, '127.0.0.1', resolve));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The element the focus is on, through shadow roots: `tag#id` or `tag[name=…]`. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return '';
    const name = element.getAttribute('name');
    return `${element.localName}${element.id ? `#${element.id}` : ''}${name ? `[name=${name}]` : ''}${
      element.getAttribute('value') ? `[value=${element.getAttribute('value')}]` : ''
    }${element.getAttribute('role') ? `[role=${element.getAttribute('role')}]` : ''}${
      element.getAttribute('data-copy') ? `[copy=${element.getAttribute('data-copy')}]` : ''
    }`;
  });
}

/** Presses Tab until the focus is on what `pattern` describes (at most 40 times). */
async function tabTo(page: Page, pattern: RegExp): Promise<void> {
  const seen: string[] = [];
  for (let step = 0; step < 40; step++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (pattern.test(now)) return;
    seen.push(now);
  }
  throw new Error(`Tab never reached ${pattern}; went through ${seen.join(' → ')}`);
}

test('axe finds nothing serious in any language', async () => {
  const context = await browser.newContext({ bypassCSP: true });
  try {
    const page = await context.newPage();
    for (const lang of LANGUAGES) {
      await page.goto(`${server.url}/embed/?lang=${lang}&widget=news&zone=bxl-sud`);
      await page.locator('#preview').waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.deepEqual(await seriousAxeViolations(page, `configurator (${lang})`), []);
    }
  } finally {
    await context.close();
  }
});

test('with the keyboard alone an editor configures the news of a zone, copies the code, and it works elsewhere', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/embed/?lang=nl`);
    // The widget: from the zone finder (checked) to the news, with the arrow keys.
    await tabTo(page, /^input#widget-finder/);
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowDown');
    assert.match(await focused(page), /\[value=news\]/);
    // The layer, then the preset: a place searched in the configurator's own finder fills in its zone.
    await tabTo(page, /^select#layer/);
    while ((await page.locator('#layer').inputValue()) !== 'bxl-care-zones')
      await page.keyboard.press('ArrowDown');
    await tabTo(page, /\[role=combobox\]/);
    await page.keyboard.type('1050', { delay: 20 });
    await page.keyboard.press('Enter');
    await waitUntil(
      'the zone preset from the finder',
      () => page.locator('#zone').inputValue(),
      (zone) => zone === 'bxl-sud',
    );
    await waitUntil(
      'the code of the news of Zuid',
      () => page.locator('#script-code').inputValue(),
      (code) =>
        code.includes('<carezone-news lang="nl" layer="bxl-care-zones" zone="bxl-sud"></carezone-news>'),
    );
    assert.match(
      (await page.locator('#preview').getAttribute('src')) ?? '',
      /^\/embed\/news\?lang=nl&layer=bxl-care-zones&zone=bxl-sud$/,
    );
    // Copy each form with its button, as a keyboard user does.
    const copied: Record<string, string> = {};
    for (const form of ['script', 'iframe', 'csp'] as const) {
      await tabTo(page, new RegExp(`^button\\[copy=${form}-code\\]$`));
      await page.keyboard.press('Enter');
      await waitUntil(
        'the copy said',
        () => page.locator('#copied').textContent(),
        (text) => text === 'Gekopieerd.',
      );
      copied[form] = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied[form], await page.locator(`#${form}-code`).inputValue());
      await page.locator('#copied').evaluate((status) => {
        status.textContent = '';
      });
    }

    // The script form, in a fresh page on another origin, under exactly the policy lines given.
    pasted = {
      policy: ["default-src 'none'", ...(copied.csp ?? '').split('\n')].join('; '),
      body: copied.script ?? '',
    };
    const fresh = await context.newPage();
    const refusals: string[] = [];
    fresh.on('console', (message) => {
      if (/Content.Security.Policy|Refused|integrity/i.test(message.text())) refusals.push(message.text());
    });
    await fresh.goto(`${hostOrigin}/`);
    await waitUntil(
      'the news feed shows the zone’s items',
      () => fresh.locator('carezone-news [part~="title"]').count(),
      (count) => count > 0,
    );
    assert.deepEqual(refusals, []);

    // The iframe form, with its auto-height script.
    pasted = {
      policy: ["default-src 'none'", `frame-src ${server.url}`, `script-src ${server.url}`].join('; '),
      body: copied.iframe ?? '',
    };
    await fresh.goto(`${hostOrigin}/`);
    const frame = fresh.frameLocator('iframe[data-carezone-embed]');
    await frame.locator('.items .title, [part~="title"]').first().waitFor();
    await waitUntil(
      'the frame as tall as the news',
      async () => {
        const box = await fresh.locator('iframe').boundingBox();
        const inner = await fresh
          .frames()[1]
          ?.evaluate(() => document.documentElement.getBoundingClientRect().height);
        return Math.abs((box?.height ?? 0) - (inner ?? -10));
      },
      (difference) => difference <= 2,
    );
    assert.deepEqual(refusals, []);
  } finally {
    await context.close();
  }
});
