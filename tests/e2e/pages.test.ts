// The example pages as a visitor's browser gets them from the real server: the municipal page's preset
// result, the strict CSP, requests and cookies, several widgets on one page, a bundle loaded twice,
// layout stability and accessibility. One server and one Chromium for the whole file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT } from '../helpers.js';
import {
  assertBuilt,
  chooseWithKeyboard,
  type E2EServer,
  finderParts,
  type LayoutShift,
  launchBrowser,
  type OpenedPage,
  openPage,
  type PageRecords,
  seriousAxeViolations,
  startServer,
  typeInto,
  waitForText,
} from './harness.js';

/** The version the server also serves the bundles under (`/widgets/<version>/`). */
const WIDGETS_VERSION = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'packages/widgets/package.json'), 'utf8')) as { version: string }
).version;

let browser: Browser;
let server: E2EServer;
let municipalUrl: string;
let networkUrl: string;

before(async () => {
  assertBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  municipalUrl = `${server.url}/examples/municipal-page/`;
  networkUrl = `${server.url}/examples/network-page/`;
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Two animation frames: layout-shift entries of the last change are delivered by then. */
function settle(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/** A newcomer's full flow on the network page's Dutch finder: type, choose with the keyboard, see the zone. */
async function networkFlow(page: Page): Promise<void> {
  const parts = finderParts(page.locator('#finder-nl'));
  await typeInto(parts, 'Elsene');
  await chooseWithKeyboard(parts, /Elsene/);
  await waitForText(parts.zoneNames, /Zuid/);
  await typeInto(parts, '2000');
  await parts.input.press('Enter');
  await waitForText(parts.result, /Antwerpen Centrum/);
}

/** What must hold after any visit: no CSP violation, no foreign request, no cookie, nothing stored. */
async function assertEmbedsSafely(opened: OpenedPage): Promise<void> {
  const { recording, context, page } = opened;
  const records = await opened.records();
  assert.deepEqual(records.csp, [], 'no securitypolicyviolation event');
  assert.deepEqual(recording.consoleCsp, [], 'no console message about the Content Security Policy');
  assert.ok(recording.requests.length > 0);
  const foreign = recording.requests.filter((url) => new URL(url).origin !== server.url);
  assert.deepEqual(foreign, [], `every request goes to ${server.url}`);
  assert.deepEqual(await context.cookies(), [], 'no cookie in the browser');
  assert.deepEqual(recording.setCookies, [], 'no set-cookie header');
  const stored = await page.evaluate(() => ({
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
  }));
  assert.deepEqual(stored, { cookie: '', local: 0, session: 0 }, 'nothing is remembered without `remember`');
  assert.deepEqual(recording.pageErrors, [], 'no uncaught error');
}

describe('the municipal page', () => {
  test('shows the preset zone (Noord for 1082) and the zone card without any interaction', async () => {
    const opened = await openPage(browser);
    try {
      const { page } = opened;
      await page.goto(municipalUrl);
      const finder = page.locator('carezone-finder').first();
      const parts = finderParts(finder);
      const names = await waitForText(parts.zoneNames, /Noord/);
      assert.doesNotMatch(names, /Nord-|Zuid|Sud\b/, 'only the preset zone');
      assert.match(
        await parts.result.innerText(),
        /Sint-Agatha-Berchem/,
        'the municipality of 1082 is named',
      );
      const card = page.locator('carezone-zone-card[zone="bxl-nord"]');
      await waitForText(card.locator('[part~="zone-name"]'), /^\s*Noord\s*$/);
      assert.equal(await parts.input.inputValue(), '1082', 'the field shows what the answer is for');
      assert.deepEqual(
        (await opened.records()).zoneChanges,
        [],
        'a preset is not a user selection: no event',
      );
      await assertEmbedsSafely(opened);
    } finally {
      await opened.close();
    }
  });
});

describe('strict Content-Security-Policy, requests and cookies', () => {
  for (const name of ['municipal-page', 'network-page', 'cms-iframe-page']) {
    test(`${name} is served with a strict CSP`, async () => {
      const response = await fetch(`${server.url}/examples/${name}/`);
      assert.equal(response.status, 200);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
      assert.equal(response.headers.get('set-cookie'), null);
    });
  }

  test('a full flow on both pages causes no CSP violation, no foreign request and no cookie', async () => {
    const opened = await openPage(browser);
    try {
      const { page } = opened;
      const municipal = await page.goto(municipalUrl);
      assert.match(municipal?.headers()['content-security-policy'] ?? '', /default-src 'self'/);
      await waitForText(finderParts(page.locator('carezone-finder').first()).zoneNames, /Noord/);
      // The page-side records go with the page: read the municipal page's before leaving it.
      assert.deepEqual((await opened.records()).csp, [], 'no CSP violation on the municipal page');
      const network = await page.goto(networkUrl);
      assert.match(network?.headers()['content-security-policy'] ?? '', /default-src 'self'/);
      await networkFlow(page);
      assert.ok(
        opened.recording.requests.some((url) => url.includes('/v1/places')) &&
          opened.recording.requests.some((url) => url.includes('/v1/lookup')),
        'the flow did talk to the API',
      );
      await assertEmbedsSafely(opened);
    } finally {
      await opened.close();
    }
  });
});

describe('several widgets on one page', () => {
  test('two finders and a zone card in different languages work independently', async () => {
    const opened = await openPage(browser);
    try {
      const { page } = opened;
      await page.goto(networkUrl);
      await page.locator('#finder-nl').getByRole('combobox').waitFor();
      // Added from outside the page (not an inline script, which the CSP would block).
      await page.evaluate(() => {
        const section = document.createElement('section');
        section.id = 'e2e-widgets';
        for (const [tag, id, lang] of [
          ['carezone-finder', 'e2e-fr', 'fr'],
          ['carezone-finder', 'e2e-de', 'de'],
          ['carezone-zone-card', 'e2e-card', 'en'],
        ] as const) {
          const element = document.createElement(tag);
          element.id = id;
          element.lang = lang;
          if (tag === 'carezone-zone-card') element.setAttribute('zone', 'bxl-nord');
          section.append(element);
        }
        document.body.append(section);
      });
      const fr = finderParts(page.locator('#e2e-fr'));
      const de = finderParts(page.locator('#e2e-de'));
      const card = page.locator('#e2e-card');

      // Each language is a chunk of its own, loaded on first use: wait for the texts to arrive.
      await waitForText(fr.host.locator('[part~="label"]'), /^\s*Code postal ou commune\s*$/);
      await waitForText(de.host.locator('[part~="label"]'), /^\s*Postleitzahl oder Gemeinde\s*$/);

      await typeInto(fr, 'Ixelles');
      const option = await chooseWithKeyboard(fr, /Ixelles/);
      assert.match(option, /commune/, 'the suggestion is described in French');
      await waitForText(fr.zoneNames, /Sud/);
      assert.equal(await de.input.inputValue(), '', 'the German finder was not typed into');
      assert.equal(await de.options.count(), 0, 'the German finder shows no suggestions');
      assert.equal(await de.zoneNames.count(), 0, 'the German finder shows no result');
      assert.equal(await page.locator('#finder-nl').locator('[part~="zone-name"]').count(), 0);

      await typeInto(de, '1082');
      await de.input.press('Enter');
      await waitForText(de.zoneNames, /Nord/); // no German name: the French one, which German readers know
      assert.match(await de.result.innerText(), /Brüsseler Versorgungszonen/, 'the layer is named in German');
      assert.match(
        await fr.zoneNames.allInnerTexts().then((t) => t.join(' ')),
        /Sud/,
        'the French result stays',
      );
      assert.match(
        await fr.result.innerText(),
        /Bassins d’aide et de soins bruxellois/,
        'the layer is named in French',
      );

      await waitForText(card.locator('[part~="zone-name"]'), /North/);
      assert.match(
        await card.locator('[part~="zone"]').innerText(),
        /Brussels care zones/,
        'the zone card speaks English',
      );

      const changes = (await opened.records()).zoneChanges;
      assert.ok(changes.length > 0, 'selections fire carezone-zone-change');
      assert.ok(changes.some((change) => change.target === 'e2e-fr' && change.detail?.zone.id === 'bxl-sud'));
      assert.ok(
        changes.some((change) => change.target === 'e2e-de' && change.detail?.zone.id === 'bxl-nord'),
      );
      assert.ok(
        changes.every((change) => ['e2e-fr', 'e2e-de'].includes(change.target)),
        'the untouched finder fired nothing',
      );
      assert.deepEqual(opened.recording.pageErrors, []);
    } finally {
      await opened.close();
    }
  });

  test('loading the bundles a second time does not throw and the widgets keep working', async () => {
    const opened = await openPage(browser);
    try {
      const { page } = opened;
      await page.goto(municipalUrl);
      const parts = finderParts(page.locator('carezone-finder').first());
      await waitForText(parts.zoneNames, /Noord/);
      // Other URLs are other module instances: a second copy of the code, as a CMS that pastes the tag twice.
      const loaded = await page.evaluate(
        async (sources) => {
          const outcomes: string[] = [];
          for (const src of sources) {
            outcomes.push(
              await new Promise<string>((resolve) => {
                const script = document.createElement('script');
                script.type = 'module';
                script.src = src;
                script.onload = () => resolve(`${src}: loaded`);
                script.onerror = () => resolve(`${src}: failed`);
                document.head.append(script);
              }),
            );
          }
          return outcomes;
        },
        [
          '/widgets/carezone-finder.js?second',
          '/widgets/carezone.js',
          `/widgets/${WIDGETS_VERSION}/carezone.js`,
        ],
      );
      assert.deepEqual(loaded, [
        '/widgets/carezone-finder.js?second: loaded',
        '/widgets/carezone.js: loaded',
        `/widgets/${WIDGETS_VERSION}/carezone.js: loaded`,
      ]);
      assert.deepEqual(opened.recording.pageErrors, [], 'no uncaught error');
      assert.ok(
        opened.recording.warnings.some((text) => /<carezone-finder> is defined already/.test(text)),
        `a clear console warning names the tag: ${opened.recording.warnings.join(' | ')}`,
      );
      assert.equal(opened.recording.errors.length, 0, opened.recording.errors.join(' | '));
      // The page still works: the preset stays, and a finder added now is the first definition.
      assert.match(await parts.zoneNames.allInnerTexts().then((t) => t.join(' ')), /Noord/);
      await page.evaluate(() => {
        const finder = document.createElement('carezone-finder');
        finder.id = 'e2e-late';
        finder.lang = 'nl';
        document.body.append(finder);
      });
      const late = finderParts(page.locator('#e2e-late'));
      await typeInto(late, '1050');
      await late.input.press('Enter');
      await waitForText(late.result, /Zuid/);
      await assertEmbedsSafely(opened);
    } finally {
      await opened.close();
    }
  });
});

describe('layout stability', () => {
  const sum = (shifts: LayoutShift[]) => shifts.reduce((total, shift) => total + shift.value, 0);
  const explain = (records: PageRecords) =>
    `shifts ${JSON.stringify(records.shifts)}; tags defined at ${JSON.stringify(records.defined)} (ms)`;

  test('the municipal page does not shift from load until the preset result shows', async () => {
    const opened = await openPage(browser);
    try {
      const { page } = opened;
      await page.goto(municipalUrl);
      await waitForText(finderParts(page.locator('carezone-finder').first()).zoneNames, /Noord/);
      await waitForText(page.locator('carezone-zone-card').first().locator('[part~="zone-name"]'), /Noord/);
      await settle(page);
      const records = await opened.records();
      const total = sum(records.shifts);
      console.log(
        `municipal page, load → preset result: layout shift total ${total.toFixed(4)}; ${explain(records)}`,
      );
      assert.equal(total, 0, `no layout shift at all: ${explain(records)}`);
    } finally {
      await opened.close();
    }
  });

  test('the network page does not shift while its finders start', async () => {
    const opened = await openPage(browser);
    try {
      const { page } = opened;
      await page.goto(networkUrl);
      // Ready for use: the input, and (the reference pack has polygons) the location button.
      await page.locator('#finder-nl').locator('[part~="location-button"]').waitFor();
      await page.locator('#finder-fr').locator('[part~="location-button"]').waitFor();
      await settle(page);
      const records = await opened.records();
      const total = sum(records.shifts);
      console.log(
        `network page, load → finders ready: layout shift total ${total.toFixed(4)}; ${explain(records)}`,
      );
      assert.equal(total, 0, `no layout shift at all: ${explain(records)}`);
    } finally {
      await opened.close();
    }
  });

  test('suggestions and the result on the network page move no content without the visitor’s input', async () => {
    const opened = await openPage(browser);
    try {
      const { page } = opened;
      await page.goto(networkUrl);
      const parts = finderParts(page.locator('#finder-nl'));
      await parts.host.locator('[part~="location-button"]').waitFor();
      await page.locator('#finder-fr').locator('[part~="location-button"]').waitFor();
      await settle(page);
      const atStart = (await opened.records()).shifts.length;

      await typeInto(parts, 'Kortessem');
      await parts.options.first().waitFor();
      await settle(page);
      const suggesting = (await opened.records()).shifts.slice(atStart);
      console.log(`network page, suggestions open: layout shift ${sum(suggesting).toFixed(4)}`, suggesting);
      assert.equal(
        sum(suggesting),
        0,
        `the suggestions overlay the page, they push nothing: ${JSON.stringify(suggesting)}`,
      );

      await chooseWithKeyboard(parts, /Kortessem/);
      await waitForText(parts.zoneNames, /Herkenrode/);
      await settle(page);
      const interaction = (await opened.records()).shifts.slice(atStart);
      const counted = sum(interaction.filter((shift) => !shift.hadRecentInput));
      console.log(
        `network page, search → result: CLS-counted ${counted.toFixed(4)}, raw (incl. within 500 ms of a key press) ${sum(interaction).toFixed(4)}`,
        interaction,
      );
      assert.equal(
        counted,
        0,
        `no shift that is not the direct answer to a key press: ${JSON.stringify(interaction)}`,
      );

      // Control: the recorder does see a shift when content above the finder grows.
      await page.evaluate(() => {
        const block = document.createElement('div');
        block.style.height = '200px';
        document.querySelector('main')?.prepend(block);
      });
      await settle(page);
      const control = (await opened.records()).shifts.slice(atStart + interaction.length);
      assert.ok(sum(control) > 0, 'the layout-shift observer works (control)');
    } finally {
      await opened.close();
    }
  });
});

describe('accessibility (axe-core in the result state)', () => {
  test('the municipal page with its preset result', async () => {
    const opened = await openPage(browser, { bypassCSP: true });
    try {
      await opened.page.goto(municipalUrl);
      await waitForText(finderParts(opened.page.locator('carezone-finder').first()).zoneNames, /Noord/);
      assert.deepEqual(await seriousAxeViolations(opened.page, 'municipal page'), []);
    } finally {
      await opened.close();
    }
  });

  test('the network page with suggestions open, then with a result', async () => {
    const opened = await openPage(browser, { bypassCSP: true });
    try {
      const { page } = opened;
      await page.goto(networkUrl);
      const parts = finderParts(page.locator('#finder-nl'));
      await typeInto(parts, 'Ixelles');
      await parts.options.first().waitFor();
      assert.deepEqual(await seriousAxeViolations(page, 'network page, listbox open'), []);
      await chooseWithKeyboard(parts, /Ixelles/);
      await waitForText(parts.zoneNames, /Zuid/);
      assert.deepEqual(await seriousAxeViolations(page, 'network page, result'), []);
    } finally {
      await opened.close();
    }
  });
});
