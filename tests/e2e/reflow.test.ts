// Every example page reflows at 320 CSS px (WCAG 1.4.10: 1280 px at 400% zoom): in Chromium at
// 320 × 640, the index and each page with its widgets in the states a visitor brings them to (the
// suggestions open, a result, a choice between zones, a form's error summary, news with a body
// expanded), in each of the widgets' languages, the page scrolls only vertically, every control of
// the page and of its widgets lies within the viewport, and axe finds nothing serious. The pages are
// what a host site copies: a layout that needs more than the phone's width is a bug we ship.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { output, REFERENCE_PACK, spawnCli } from '../helpers.js';
import {
  assertBuilt,
  type E2EServer,
  finderParts,
  LANGUAGES,
  type Language,
  launchBrowser,
  openPage,
  seriousAxeViolations,
  startServer,
  typeInto,
  VISIBLE_TIMEOUT_MS,
  waitForText,
  zoneNewsPage,
} from './harness.js';

const VIEWPORT = { width: 320, height: 640 };
/** Sub-pixel layout: an edge at 320.4 px is on the last pixel column, not past it. */
const TOLERANCE_PX = 0.5;
const REFERENCE_FEED = fileURLToPath(new URL('../../../shared/news/feed.json', import.meta.url));

let server: E2EServer;
let browser: Browser;
let dataDir: string;

before(async () => {
  assertBuilt();
  // Real articles in zone Zuid, so the news page shows full feeds (long titles, links, bodies).
  dataDir = await mkdtemp(join(tmpdir(), 'carezone-e2e-reflow-'));
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
  [server, browser] = await Promise.all([startServer(0, { dataDir }), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** Controls (of the page or inside a widget's shadow root) that reach outside the viewport. */
  outside: string[];
  controls: number;
}

/**
 * The page's width and every interactive control's horizontal extent, in document coordinates,
 * shadow roots included. A control placed off-screen until it has focus (a skip link) is measured
 * with focus, as a keyboard user meets it. Plain JavaScript in the page: no named inner functions
 * (tsx would add helpers the page does not have).
 */
function measure(page: Page, tolerance: number): Promise<Overflow> {
  return page.evaluate((tolerance) => {
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex], [role="combobox"]';
    const controls: Element[] = [];
    const roots: (Document | ShadowRoot)[] = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) roots.push(element.shadowRoot);
        if (element.matches(selector) && element.getAttribute('tabindex') !== '-1') controls.push(element);
      }
    }
    const outside: string[] = [];
    let measured = 0;
    for (const control of controls) {
      let box = control.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not rendered (display: none, hidden)
      if (box.left + window.scrollX < -tolerance && control instanceof HTMLElement) {
        control.focus({ preventScroll: true });
        box = control.getBoundingClientRect();
        control.blur();
      }
      measured++;
      const left = box.left + window.scrollX;
      if (left >= -tolerance && left + box.width <= window.innerWidth + tolerance) continue;
      const root = control.getRootNode();
      const host =
        root instanceof ShadowRoot
          ? `${root.host.tagName.toLowerCase()}${root.host.id ? `#${root.host.id}` : ''} › `
          : '';
      const part = control.getAttribute('part');
      const name = `${control.tagName.toLowerCase()}${control.id ? `#${control.id}` : ''}${part ? `[part="${part}"]` : ''}`;
      const text = (control.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      outside.push(
        `${host}${name} "${text}": x ${Math.round(box.left + window.scrollX)}…${Math.round(box.right + window.scrollX)}`,
      );
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      outside,
      controls: measured,
    };
  }, tolerance);
}

async function assertReflows(page: Page, state: string): Promise<void> {
  const found = await measure(page, TOLERANCE_PX);
  assert.ok(found.controls > 0, `${state}: no control measured`);
  assert.deepEqual(
    { horizontalScrollPx: Math.max(0, found.scrollWidth - found.innerWidth), controlsOutside: found.outside },
    { horizontalScrollPx: 0, controlsOutside: [] },
    `${state}: the page is ${found.scrollWidth} px wide in a ${found.innerWidth} px viewport`,
  );
  assert.deepEqual(await seriousAxeViolations(page, state), [], `${state}: axe`);
}

/** Sets `lang` on every widget, as a page in that language would (their own text follows it). */
async function setWidgetLanguage(page: Page, lang: Language): Promise<void> {
  await page.evaluate((value) => {
    for (const element of document.querySelectorAll(
      'carezone-finder, carezone-zone-card, carezone-news, carezone-session-request',
    ))
      element.setAttribute('lang', value);
  }, lang);
}

/** A postcode typed into a finder with its suggestions open; Enter then answers it. */
async function suggest(page: Page, finder: string, postcode: string): Promise<void> {
  const parts = finderParts(page.locator(finder));
  await typeInto(parts, postcode);
  await waitForText(parts.status, /\S/);
  await parts.options.first().waitFor({ timeout: VISIBLE_TIMEOUT_MS });
}

async function answer(page: Page, finder: string, postcode: string): Promise<void> {
  const parts = finderParts(page.locator(finder));
  await typeInto(parts, postcode);
  await parts.input.press('Enter');
}

interface State {
  name: string;
  /** Brings the page from the previous state to this one. */
  reach(page: Page): Promise<void>;
}

interface Example {
  path: string;
  /** Whether the page has widgets whose language a test sets (the index has none). */
  widgets: boolean;
  states: State[];
}

const EXAMPLES: Example[] = [
  {
    path: '',
    widgets: false,
    states: [{ name: 'loaded', reach: (page) => page.locator('h1').waitFor() }],
  },
  {
    path: 'municipal-page/',
    widgets: true,
    states: [
      {
        name: 'the preset result and the zone card',
        async reach(page) {
          await waitForText(finderParts(page.locator('#finder')).zoneNames, /\S/);
          await waitForText(page.locator('#zone-card').locator('[part~="zone-name"]'), /\S/);
        },
      },
      {
        name: 'a choice between the parts of 1040',
        async reach(page) {
          await answer(page, '#finder', '1040');
          await page.locator('#finder').locator('[part~="choices"]').waitFor({ timeout: VISIBLE_TIMEOUT_MS });
        },
      },
    ],
  },
  {
    path: 'network-page/',
    widgets: true,
    states: [
      {
        name: 'both finders ready',
        async reach(page) {
          await page.locator('#finder-nl').locator('[part~="location-button"]').waitFor();
          await page.locator('#finder-fr').locator('[part~="location-button"]').waitFor();
        },
      },
      { name: 'suggestions open', reach: (page) => suggest(page, '#finder-nl', '1050') },
      {
        name: 'a result, and a choice in the other finder',
        async reach(page) {
          await page.locator('#finder-nl').getByRole('combobox').press('Enter');
          await waitForText(finderParts(page.locator('#finder-nl')).zoneNames, /\S/);
          await answer(page, '#finder-fr', '1040');
          await page
            .locator('#finder-fr')
            .locator('[part~="choices"]')
            .waitFor({ timeout: VISIBLE_TIMEOUT_MS });
        },
      },
    ],
  },
  {
    path: 'request-page/',
    widgets: true,
    states: [
      {
        name: 'the form',
        reach: (page) =>
          page.locator('#request').locator('[part~="form"]').waitFor({ timeout: VISIBLE_TIMEOUT_MS }),
      },
      {
        name: 'a zone found and the form’s error summary',
        async reach(page) {
          await answer(page, '#finder', '1050');
          await waitForText(page.locator('#request').locator('[part~="zone-name"]'), /\S/);
          await page.locator('#request').locator('[part~="submit-button"]').focus();
          await page.keyboard.press('Enter');
          await page
            .locator('#request')
            .locator('[part~="error-summary"]')
            .waitFor({ timeout: VISIBLE_TIMEOUT_MS });
        },
      },
    ],
  },
  {
    path: 'news-page/',
    widgets: true,
    states: [
      {
        name: 'every zone’s news and zone Zuid’s headlines',
        async reach(page) {
          await waitForText(page.locator('#news').locator('[part~="title"]'), /\S/);
          await waitForText(page.locator('#news-zuid').locator('[part~="title"]'), /\S/);
        },
      },
      {
        name: 'a zone’s news with a body read in place',
        async reach(page) {
          const zoneNews = zoneNewsPage(page, 'bxl-sud');
          await answer(page, '#finder', '1050');
          await zoneNews;
          const first = page.locator('#news').locator('[part~="item"]').first();
          await first.locator('[part~="read-more"]').click();
          await waitForText(first.locator('[part~="body"]'), /\S{20,}/);
        },
      },
    ],
  },
  {
    path: 'cms-iframe-page/',
    // Its widgets are in iframes, whose language is in their URLs.
    widgets: false,
    states: [
      {
        // The other two frames load lazily, below the fold.
        name: 'the finder’s frame loaded',
        reach: (page) =>
          page
            .frameLocator('iframe[src^="/embed/finder?"]')
            .locator('main')
            .waitFor({ timeout: VISIBLE_TIMEOUT_MS }),
      },
    ],
  },
];

describe('every example page reflows at 320 CSS px (no horizontal scroll, every control in view)', () => {
  for (const example of EXAMPLES) {
    for (const lang of example.widgets ? LANGUAGES : (['en'] as const)) {
      const label = `/examples/${example.path}${example.widgets ? ` with the widgets in ${lang}` : ''}`;
      test(label, async () => {
        const opened = await openPage(browser, { viewport: VIEWPORT, bypassCSP: true });
        try {
          const { page } = opened;
          await page.goto(`${server.url}/examples/${example.path}`);
          if (example.widgets) await setWidgetLanguage(page, lang);
          for (const state of example.states) {
            await state.reach(page);
            await assertReflows(page, `${label}, ${state.name}`);
          }
          assert.deepEqual(opened.recording.pageErrors, [], 'no uncaught error');
        } finally {
          await opened.close();
        }
      });
    }
  }
});
