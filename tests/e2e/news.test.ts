// News on the example page against the real server: the reference articles of ../shared/news are
// imported with the CLI, a newcomer finds their zone and reads its news (a body expanded in place,
// more items loaded with the cursor); then known XSS payloads, brought in through every way in (a
// JSON Feed, an RSS and an Atom file, a staff POST and PATCH), are rendered and expanded by the
// widget under a trap: no script may run, no unsafe attribute may reach the DOM, no request may
// leave for another origin.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { XSS_BODY, XSS_PAYLOADS } from '../../packages/server/src/news/test-helpers/xss-corpus.js';
import { output, REFERENCE_PACK, spawnCli } from '../helpers.js';
import {
  assertBuilt,
  chooseWithKeyboard,
  type E2EServer,
  finderParts,
  launchBrowser,
  openPage,
  startServer,
  typeInto,
  waitForText,
  waitUntil,
  zoneNewsPage,
} from './harness.js';

const REFERENCE_FEED = fileURLToPath(new URL('../../../shared/news/feed.json', import.meta.url));
/** The XSS items live in a zone of their own, apart from the newcomer's. */
const XSS_ZONE = 'bxl-centre-ouest';

let server: E2EServer;
let browser: Browser;
let dataDir: string;
let token: string;

async function cli(args: string[]): Promise<string> {
  const result = await output(spawnCli([...args, '--zonepack', REFERENCE_PACK, '--data', dataDir]));
  assert.equal(result.code, 0, `carezone ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The payloads as feeds of the three formats, each payload its own item. */
function xssFeeds() {
  const items = XSS_PAYLOADS.map((payload, index) => ({ id: `https://xss.example/${index}`, payload }));
  const json = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'XSS',
    items: items.map(({ id, payload }, index) => ({
      id: `${id}/json`,
      title: `JSON ${index} ${payload}`,
      content_html: `<p>payload ${index}</p>${payload}`,
      url: 'https://xss.example/',
    })),
  };
  const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>XSS</title><link>https://xss.example/</link><description>x</description><item><guid>https://xss.example/rss</guid><title>RSS all payloads</title><description><![CDATA[${XSS_BODY.replaceAll(']]>', ']]]]><![CDATA[>')}]]></description></item></channel></rss>`;
  const atom = `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>XSS</title><id>https://xss.example/atom</id><updated>2026-01-01T00:00:00Z</updated><entry><id>https://xss.example/atom/1</id><title>Atom all payloads</title><updated>2026-01-01T00:00:00Z</updated><content type="html">${escapeXml(XSS_BODY)}</content></entry></feed>`;
  return { json: JSON.stringify(json), rss, atom };
}

async function staff(method: 'POST' | 'PATCH', path: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
  return (await response.json()) as { id: string };
}

before(async () => {
  assertBuilt();
  dataDir = await mkdtemp(join(tmpdir(), 'carezone-e2e-news-'));
  server = await startServer(0, { dataDir, env: { CAREZONE_MAIL_DIR: join(dataDir, 'mail') } });
  await cli(['news', 'import', REFERENCE_FEED, '--zone', 'bxl-sud']);

  const feeds = xssFeeds();
  for (const [name, text] of Object.entries(feeds)) {
    const file = join(dataDir, `xss.${name}`);
    await writeFile(file, text);
    await cli(['news', 'import', file, '--zone', XSS_ZONE]);
  }
  token = (await cli(['token', 'create', '--all-zones'])).trim();
  const base = { language: 'nl', zones: [XSS_ZONE], summary: 'x' };
  await staff('POST', '/v1/news', { ...base, title: 'POST all payloads', bodyHtml: XSS_BODY });
  const patched = await staff('POST', '/v1/news', {
    ...base,
    title: 'PATCH all payloads',
    bodyHtml: '<p>clean</p>',
  });
  await staff('PATCH', `/v1/news/${patched.id}`, { bodyHtml: XSS_BODY });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('news on the example page', () => {
  test('a newcomer finds their zone and reads its news: a body in place, then more items', async () => {
    const opened = await openPage(browser);
    try {
      const { page, recording } = opened;
      await page.goto(`${server.url}/examples/news-page/`);
      const finder = finderParts(page.locator('carezone-finder#finder'));
      await typeInto(finder, 'Elsene');
      // Wait for the zone's own page, or the list may be replaced mid-use.
      const zoneNews = zoneNewsPage(page, 'bxl-sud');
      await chooseWithKeyboard(finder, /Elsene/);
      await zoneNews;

      const news = page.locator('carezone-news#news');
      await waitForText(news.locator('[part~="title"]'), /Infosessie bij de Sociale Coördinatie in Elsene/);
      const first = news.locator('[part~="item"]').first();
      await first.locator('[part~="read-more"]').focus();
      await page.keyboard.press('Enter');
      await waitForText(first.locator('[part~="body"]'), /\S{20,}/);
      assert.equal(await first.locator('[part~="read-more"]').getAttribute('aria-expanded'), 'true');

      const before = await news.locator('[part~="item"]').count();
      const loadMore = news.locator('[part~="load-more"]');
      if ((await loadMore.count()) > 0) {
        await loadMore.focus();
        await page.keyboard.press('Enter');
        await waitUntil(
          'more items',
          () => news.locator('[part~="item"]').count(),
          (count) => count > before,
        );
      }
      const titles = await news.locator('[part~="title"]').allInnerTexts();
      assert.equal(new Set(titles).size, titles.length, 'no item twice');
      assert.ok(titles.length >= 5, `the five reference articles of zone Zuid: ${titles.join(' | ')}`);
      assert.deepEqual(recording.pageErrors, []);
      assert.deepEqual((await opened.records()).csp, [], 'no CSP violation');
    } finally {
      await opened.close();
    }
  });

  test('payloads brought in through every way in run no script when rendered and expanded', async () => {
    const opened = await openPage(browser);
    try {
      const { page, recording } = opened;
      // The trap: every payload calls alert(); a script that runs counts here.
      await opened.context.addInitScript(() => {
        const trapped = { calls: 0 };
        Object.defineProperty(window, '__xss', { value: trapped });
        window.alert = () => {
          trapped.calls++;
        };
      });
      await page.goto(`${server.url}/examples/news-page/`);
      const news = page.locator('carezone-news#news-zuid');
      await news.evaluate((element, zone) => {
        element.setAttribute('limit', '100');
        element.setAttribute('zone', zone);
      }, XSS_ZONE);
      await waitForText(news.locator('[part~="title"]'), /PATCH all payloads/);
      const titles = await news.locator('[part~="title"]').allInnerTexts();
      assert.ok(titles.length >= XSS_PAYLOADS.length + 4, `every XSS item is listed (${titles.length})`);

      const buttons = news.locator('[part~="read-more"]');
      for (let index = 0; index < (await buttons.count()); index++) await buttons.nth(index).click();
      await waitUntil(
        'every body expanded',
        () => news.locator('[part~="read-more"][aria-expanded="false"]').count(),
        (count) => count === 0,
      );
      // Images that fail to load fire their (removed) onerror a moment later: give them the time.
      await page.waitForTimeout(1_000);

      const calls = await page.evaluate(
        () => (window as unknown as { __xss: { calls: number } }).__xss.calls,
      );
      assert.equal(calls, 0, 'no payload ran');
      const unsafe = await news.evaluate((host) => {
        const found: string[] = [];
        for (const element of host.shadowRoot?.querySelectorAll('*') ?? []) {
          const tag = element.localName;
          if (
            ['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'form', 'base', 'meta'].includes(
              tag,
            )
          ) {
            // The widget's own adopted styles are not elements; a <style> here came from a body.
            found.push(`<${tag}>`);
          }
          for (const { name, value } of element.attributes) {
            if (/^on/i.test(name)) found.push(`${tag} ${name}`);
            if (
              /^\s*(javascript|data|vbscript):/i.test(value) &&
              /^(href|src|action|formaction|xlink:href)$/i.test(name)
            )
              found.push(`${tag} ${name}=${value}`);
          }
        }
        return found;
      });
      assert.deepEqual(unsafe, [], 'no unsafe element or attribute in the rendered news');
      const elsewhere = recording.requests.filter((url) => new URL(url).origin !== server.url);
      assert.deepEqual(elsewhere, [], 'no request to another origin');
      assert.deepEqual(recording.pageErrors, []);
    } finally {
      await opened.close();
    }
  });
});
