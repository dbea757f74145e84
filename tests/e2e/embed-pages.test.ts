// The embed pages (`/embed/…`) in Chromium against the real server: a newcomer uses each of them
// with JavaScript off (the finder's answers and choices, a session request stored and its reference
// shown, a zone's news with "more"); with JavaScript on, the widget takes each page over showing the
// same answers, asking nothing again and moving nothing; and a host page on another origin, under a
// strict CSP, frames them with heights that follow their content, while an origin that is not
// allowed cannot frame them at all.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { SessionRequestPage } from '@carezone/contract';
import { NEWS_TRANSLATIONS, SESSION_REQUEST_TRANSLATIONS, TRANSLATIONS } from '@carezone/widgets/texts';
import type { Browser, Frame, Page } from 'playwright-core';
import { output, REFERENCE_PACK, spawnCli } from '../helpers.js';
import {
  assertBuilt,
  type E2EServer,
  freePort,
  LANGUAGES,
  launchBrowser,
  startServer,
  waitUntil,
} from './harness.js';
import { enteredFor, fill, HUMAN_FILL_MS } from './request-form.js';

const REFERENCE_FEED = fileURLToPath(new URL('../../../shared/news/feed.json', import.meta.url));
/** The reference pack's names of zone bxl-sud (without a German name: the French one, marked so). */
const SOUTH = { nl: 'Zuid', fr: 'Sud', en: 'South', de: 'Sud' } as const;

let server: E2EServer;
let browser: Browser;
let dataDir: string;
let token: string;
let host: http.Server;
let hostOrigin: string;
/** Another origin, not among the allowed ones. */
let strangerOrigin: string;

async function cli(args: string[]): Promise<string> {
  const result = await output(spawnCli([...args, '--zonepack', REFERENCE_PACK, '--data', dataDir]));
  assert.equal(result.code, 0, `carezone ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/**
 * Host pages: `/?src=…` frames the embed page under a strict CSP; with `&script` it loads
 * carezone-embed.js, with `&sizing` it styles the iframe `frame-sizing: content-height`.
 */
function hostPage(url: URL): string {
  const src = url.searchParams.get('src') ?? '';
  const script = url.searchParams.has('script')
    ? `<script src="${server.url}/widgets/carezone-embed.js" defer></script>`
    : '';
  const css = url.searchParams.has('sizing') ? '/host.css?sizing' : '/host.css';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<link rel="stylesheet" href="${css}">${script}</head>
<body><h1>A municipality</h1><iframe data-carezone-embed title="Carezone" src="${server.url}${src}"></iframe><p id="after">Below</p></body></html>`;
}

function startHost(port: number): Promise<void> {
  host = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    if (url.pathname === '/host.css') {
      response.writeHead(200, { 'content-type': 'text/css' });
      response.end(
        `iframe { display: block; width: 100%; border: 0; ${url.searchParams.has('sizing') ? 'frame-sizing: content-height;' : ''} }`,
      );
      return;
    }
    if (url.pathname !== '/') {
      response.writeHead(204);
      response.end();
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      // What a careful municipal site sends: nothing inline, scripts and frames from Carezone only.
      'content-security-policy': `default-src 'none'; style-src 'self'; script-src ${server.url}; frame-src ${server.url}`,
    });
    response.end(hostPage(url));
  });
  return new Promise((resolve) => host.listen(port, '127.0.0.1', resolve));
}

before(async () => {
  assertBuilt();
  dataDir = await mkdtemp(join(tmpdir(), 'carezone-embed-'));
  const hostPort = await freePort();
  hostOrigin = `http://localhost:${hostPort}`;
  strangerOrigin = `http://localhost:${await freePort()}`;
  server = await startServer(0, {
    dataDir,
    env: { CAREZONE_ALLOWED_ORIGINS: hostOrigin, NODE_ENV: 'production' },
  });
  await cli(['news', 'import', REFERENCE_FEED, '--zone', 'bxl-sud']);
  token = (await cli(['token', 'create', '--zone', 'bxl-sud'])).trim();
  await startHost(hostPort);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function withPage<T>(javaScriptEnabled: boolean, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 480, height: 800 } });
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

/**
 * The texts of the elements matching `selector`, through shadow roots: what a visitor reads. (No
 * named function inside: the test's compiler would wrap it in a helper the page does not have.)
 */
function composedTexts(page: Page | Frame, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const texts: string[] = [];
    const stack: Node[] = [...(document.querySelector('main')?.childNodes ?? [])].reverse();
    while (stack.length > 0) {
      const node = stack.pop() as Node;
      if (node instanceof Element && node.matches(selector)) {
        // Only what is shown: a field hidden until its box is ticked says nothing yet.
        if (node.checkVisibility()) texts.push((node.textContent ?? '').replace(/\s+/g, ' ').trim());
        continue;
      }
      const children =
        node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
      stack.push(...[...children].reverse());
    }
    return texts;
  }, selector);
}

describe('without JavaScript', () => {
  test('a newcomer finds the zone of 1050 in every language, and of Antwerpen by choosing a district', async () => {
    await withPage(false, async (page) => {
      for (const lang of LANGUAGES) {
        await page.goto(`${server.url}/embed/finder?lang=${lang}`);
        await page.getByLabel(TRANSLATIONS[lang].finder.label).fill('1050');
        await page.getByRole('button', { name: TRANSLATIONS[lang].finder.submit }).click();
        await page.getByRole('heading', { name: SOUTH[lang], exact: true }).waitFor();
        assert.match(page.url(), /[?&]q=1050/);
      }
      await page.goto(`${server.url}/embed/finder?lang=nl`);
      await page.getByLabel(TRANSLATIONS.nl.finder.label).fill('Antwerpen');
      await page.keyboard.press('Enter');
      await page.getByText(TRANSLATIONS.nl.finder.choose('Antwerpen')).waitFor();
      await page.getByRole('link', { name: /Antwerpen \(2100\) · Deurne/ }).click();
      await page.getByRole('heading', { name: 'Antwerpen Oost', exact: true }).waitFor();
      assert.equal(await page.getByLabel(TRANSLATIONS.nl.finder.label).inputValue(), 'Antwerpen');
    });
  });

  test('a session request is sent, stored for its zone, and its reference shown', async () => {
    await withPage(false, async (page) => {
      const entered = enteredFor('fr');
      await page.goto(`${server.url}/embed/session-request?lang=fr&zone=bxl-sud`);
      const form = page.locator('form');
      await fill(form, entered, 'fr');
      await page.waitForTimeout(HUMAN_FILL_MS);
      await page.getByRole('button', { name: SESSION_REQUEST_TRANSLATIONS.fr.submit }).click();
      await page.getByText(SESSION_REQUEST_TRANSLATIONS.fr.sent).waitFor();
      const reference = new URL(page.url()).searchParams.get('reference') ?? '';
      assert.match(page.url(), /\/embed\/session-request\/sent\?/);
      assert.ok((await page.locator('main').innerText()).includes(reference));

      const stored = await fetch(`${server.url}/v1/session-requests?zone=bxl-sud`, {
        headers: { authorization: `Bearer ${token}` },
      }).then((response) => response.json() as Promise<SessionRequestPage>);
      const request = stored.data.find((item) => item.reference === reference);
      assert.ok(request, `request ${reference} is stored`);
      assert.equal(request.request.organisation.name, entered.organisation);
      assert.equal(request.request.locale, 'fr');
    });
  });

  test('a zone’s news reads page by page with "more", and an item opens in place', async () => {
    await withPage(false, async (page) => {
      const texts = NEWS_TRANSLATIONS.nl;
      await page.goto(`${server.url}/embed/news?lang=nl&zone=bxl-sud&limit=2`);
      const titles = page.locator('.items .title');
      const first = await titles.allInnerTexts();
      assert.equal(first.length, 2);
      await page.getByText(texts.readMore).first().click();
      assert.ok(await page.locator('.body').first().isVisible(), 'the body shows once opened');
      await page.getByRole('link', { name: texts.loadMore }).click();
      await page.waitForURL(/cursor=/);
      const next = await titles.allInnerTexts();
      assert.ok(next.length > 0);
      assert.deepEqual(
        next.filter((title) => first.includes(title)),
        [],
        'the next page holds other items',
      );
    });
  });
});

/** The reads the server already made for a page: its widget must not ask them again. */
const SEEDED = /\/v1\/(lookup|layers|news|zones|topics)\b/;

describe('with JavaScript', () => {
  const cases = [
    ...LANGUAGES.map((lang) => ({
      path: `/embed/finder?lang=${lang}&q=1050`,
      texts: '.zone-name, dt, dd, .note, .message',
    })),
    { path: '/embed/finder?lang=nl&q=Antwerpen', texts: '.zone-name, dt, dd, .note, .message' },
    { path: '/embed/finder?lang=fr&q=9999', texts: '.message' },
    {
      path: '/embed/news?lang=fr&zone=bxl-sud&limit=3',
      texts: '.title, [part~="title"], .summary, [part~="summary"]',
    },
    { path: '/embed/session-request?lang=de&zone=bxl-sud', texts: 'label, legend' },
  ];

  for (const { path, texts } of cases) {
    test(`${path}: the widget takes over with the same answers, asks nothing again and moves nothing`, async () => {
      const served = await withPage(false, async (page) => {
        await page.goto(`${server.url}${path}`);
        return composedTexts(page, texts);
      });
      assert.ok(served.length > 0, 'the server rendered something to compare');
      await withPage(true, async (page) => {
        const reads: string[] = [];
        page.on('request', (request) => {
          if (SEEDED.test(request.url())) reads.push(request.url());
        });
        await page.addInitScript(() => {
          const shifts: number[] = [];
          (window as unknown as { shifts: number[] }).shifts = shifts;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(`${server.url}${path}`);
        await page.waitForFunction(() => !document.querySelector('[data-carezone-fallback]'));
        const widget = page.locator('[data-carezone-enhance]');
        assert.ok(await widget.isVisible(), 'the widget shows');
        assert.deepEqual(await composedTexts(page, texts), served);
        assert.deepEqual(reads, [], 'nothing the server rendered is read again');
        await page.waitForTimeout(300);
        assert.deepEqual(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts), []);
      });
    });
  }
});

describe('framed by a host page on another origin, under a strict CSP', () => {
  /** The iframe's height on the host page and its document's own height, once they agree (or not). */
  async function heights(page: Page): Promise<{ frame: number; content: number; scrolls: boolean }> {
    const frame = await page.locator('iframe').boundingBox();
    const inner = page.frames()[1];
    assert.ok(frame && inner);
    const { content, scrolls } = await inner.evaluate(() => ({
      content: document.documentElement.getBoundingClientRect().height,
      scrolls: document.documentElement.scrollHeight > document.documentElement.clientHeight + 1,
    }));
    return { frame: frame.height, content, scrolls };
  }

  /**
   * Under `frame-sizing` Chromium keeps the frame's first viewport as the least size of its
   * document (the locked initial containing block: an iframe's default 150 px), so a page shorter
   * than that leaves the frame at 150 px; taller ones it fits exactly.
   */
  const FIRST_VIEWPORT = 150;

  async function fits(page: Page, what: string) {
    const least = new URL(page.url()).searchParams.has('sizing') ? FIRST_VIEWPORT : 0;
    // The frame's box and the page inside are measured one after the other, not at one instant: a
    // sample taken while the frame is being resized may see the new height with the old scrollbar.
    // So both are waited for; a frame that fits but keeps a scrollbar times out.
    return waitUntil(
      `the frame fits ${what}, with no inner scrollbar`,
      () => heights(page),
      ({ frame, content, scrolls }) => Math.abs(frame - Math.max(content, least)) <= 2 && !scrolls,
    );
  }

  /**
   * A newcomer's way through every page framed by the host (`?script` or `?sizing`): the frame
   * follows the content after a search, an error, a sent form and an opened news item.
   */
  async function followsContent(page: Page, how: 'script' | 'sizing') {
    // The API's 404 for 9999 is logged too: only a policy's refusal counts here.
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused/i.test(message.text())) refusals.push(message.text());
    });
    const frame = async (src: string) => {
      await page.goto(`${hostOrigin}/?${how}&src=${encodeURIComponent(src)}`);
      return page.frameLocator('iframe');
    };
    const finder = await frame('/embed/finder?lang=en');
    const before = await fits(page, 'at load');
    await finder.getByRole('combobox').fill('1050');
    await finder.getByRole('combobox').press('Enter');
    await finder.getByText(SOUTH.en, { exact: true }).first().waitFor();
    const answered = await fits(page, 'after a search');
    assert.ok(answered.frame > before.frame + 100, 'the frame grew with the answer');
    await finder.getByRole('combobox').fill('9999');
    await finder.getByRole('combobox').press('Enter');
    await finder
      .getByText(TRANSLATIONS.en.finder.unknown(`${TRANSLATIONS.en.finder.postcode} 9999`))
      .waitFor();
    const failed = await fits(page, 'after an error');
    assert.ok(failed.frame < answered.frame, 'the frame shrank with the shorter answer');

    const form = await frame('/embed/session-request?lang=nl&zone=bxl-sud');
    await fits(page, 'with the form');
    await fill(form.locator('form'), enteredFor('nl'), 'nl');
    await page.waitForTimeout(HUMAN_FILL_MS);
    await form.getByRole('button', { name: SESSION_REQUEST_TRANSLATIONS.nl.submit }).click();
    await form.getByText(SESSION_REQUEST_TRANSLATIONS.nl.sent).first().waitFor();
    await fits(page, 'after the form was sent');

    const card = await frame('/embed/zone-card?lang=de&zone=bxl-sud');
    await card.getByRole('heading', { name: SOUTH.de }).waitFor();
    await fits(page, 'with a zone card');

    const news = await frame('/embed/news?lang=fr&zone=bxl-sud&limit=2');
    await news.locator('[part~="read-more"]').first().waitFor();
    const closed = await fits(page, 'with the news');
    await news.locator('[part~="read-more"]').first().click();
    const opened = await fits(page, 'with an item opened');
    assert.ok(opened.frame > closed.frame, 'the frame grew with the opened item');
    assert.deepEqual(refusals, [], 'nothing refused by the host’s policy or the frames’');
  }

  test('carezone-embed.js keeps each frame as tall as its page: after a search, an error, a sent form, an opened item', async () => {
    await withPage(true, (page) => followsContent(page, 'script'));
  });

  test('frame-sizing: content-height alone does the same, with no script on the host page', async () => {
    await withPage(true, (page) => followsContent(page, 'sizing'));
  });

  test('frame-sizing alone, without JavaScript: the frame grows with each answer page, never scrolls, and keeps its height', async () => {
    await withPage(false, async (page) => {
      await page.goto(`${hostOrigin}/?sizing&src=${encodeURIComponent('/embed/finder?lang=fr')}`);
      const before = await fits(page, 'at load, without JavaScript');
      const finder = page.frameLocator('iframe');
      const search = async (query: string) => {
        await finder.getByLabel(TRANSLATIONS.fr.finder.label).fill(query);
        await finder.getByRole('button', { name: TRANSLATIONS.fr.finder.submit }).click();
      };
      await search('1050');
      await finder.getByRole('heading', { name: SOUTH.fr, exact: true }).waitFor();
      const answered = await fits(page, 'after a search, without JavaScript');
      assert.ok(answered.frame > before.frame + 100, 'the frame grew with the answer');
      // Each answer is a new document, whose first viewport is the frame as it stood: Chromium
      // keeps that as its least height, so a shorter answer leaves the frame as tall as before
      // (no script, no shrinking; with JavaScript the page asks and the frame shrinks, above).
      await search('9999');
      await finder
        .getByText(TRANSLATIONS.fr.finder.unknown(`${TRANSLATIONS.fr.finder.postcode} 9999`))
        .waitFor();
      const failed = await heights(page);
      assert.ok(failed.content < answered.content, 'the error is the shorter page');
      assert.ok(Math.abs(failed.frame - answered.frame) <= 2, 'the frame kept its height');
      assert.equal(failed.scrolls, false, 'no inner scrollbar after an error');
    });
  });

  test('an origin that is not allowed cannot frame the pages', async () => {
    const stranger = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(
        `<!doctype html><title>Stranger</title><iframe src="${server.url}/embed/finder"></iframe>`,
      );
    });
    await new Promise<void>((resolve) =>
      stranger.listen(Number(new URL(strangerOrigin).port), '127.0.0.1', resolve),
    );
    try {
      await withPage(true, async (page) => {
        const refused = page.waitForEvent('console', (message) => /frame-ancestors/.test(message.text()));
        await page.goto(`${strangerOrigin}/`);
        await refused;
        const inner = page.frames()[1];
        assert.ok(inner);
        // A refused frame holds Chromium's error page (its URL may still be empty at this point).
        assert.doesNotMatch(inner.url(), /\/embed\/finder/);
      });
    } finally {
      await new Promise((resolve) => stranger.close(resolve));
    }
  });
});
