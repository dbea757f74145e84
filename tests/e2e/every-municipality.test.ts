// On the request page, for each of the 19 Brussels municipalities and in each of the four languages,
// a newcomer searches the municipality, sends the form, and the request is stored for the zone the
// finder showed (for Brussels-City, after choosing its part Laken). And the form never names a zone
// other than the one shown: after Elsene, while Schaarbeek is looked up, it names none.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator } from 'playwright-core';
import { openStorage } from '../../packages/server/src/storage/open-storage.js';
import { REFERENCE_PACK } from '../helpers.js';
import {
  assertBuilt,
  type E2EServer,
  finderParts,
  LANGUAGES,
  type Language,
  launchBrowser,
  type OpenedPage,
  openPage,
  startServer,
  typeInto,
  VISIBLE_TIMEOUT_MS,
  waitForText,
  waitUntil,
} from './harness.js';
import { enteredFor, fill, HUMAN_FILL_MS } from './request-form.js';

interface Municipality {
  nis: string;
  name: Record<'nl' | 'fr' | 'de', string>;
}

/** The Brussels municipalities of the reference pack, with their names in three languages. */
async function brusselsMunicipalities(): Promise<Municipality[]> {
  const csv = await readFile(join(REFERENCE_PACK, 'municipalities.csv'), 'utf8');
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((cells) => cells[4] === 'brussels')
    .map(([nis = '', nl = '', fr = '', de = '']) => ({ nis, name: { nl, fr, de } }));
}

/** What a visitor of each language types: the name in their language (English: the Dutch one). */
const typedName = (municipality: Municipality, lang: Language) =>
  municipality.name[lang === 'en' ? 'nl' : lang];

let server: E2EServer;
let browser: Browser;
let dataDir: string;

before(async () => {
  assertBuilt();
  dataDir = await mkdtemp(join(tmpdir(), 'carezone-e2e-every-'));
  // Seventy-six requests from one address in minutes: more than a deployment's limits allow.
  server = await startServer(0, {
    dataDir,
    env: {
      CAREZONE_RATE_LIMIT_IP: 'off',
      CAREZONE_RATE_LIMIT_ZONE: 'off',
      CAREZONE_MAIL_DIR: join(dataDir, 'mail'),
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function requestPage(opened: OpenedPage, lang: Language) {
  const { page } = opened;
  await page.goto(`${server.url}/examples/request-page/`);
  const finderHost = page.locator('carezone-finder#finder');
  const form = page.locator('carezone-session-request#request');
  await form.locator('[part~="form"]').waitFor({ timeout: VISIBLE_TIMEOUT_MS });
  for (const host of [finderHost, form])
    await host.evaluate((element, value) => element.setAttribute('lang', value), lang);
  return { page, finder: finderParts(finderHost), form, shownAt: Date.now() };
}

/** The zone id of the last `carezone-zone-change` of the page (`null`: none now). */
async function announcedZone(opened: OpenedPage): Promise<string | null | undefined> {
  const changes = (await opened.records()).zoneChanges;
  return changes.length === 0 ? undefined : (changes[changes.length - 1]?.detail?.zone.id ?? null);
}

async function storedZone(reference: string): Promise<string | undefined> {
  const storage = await openStorage({ dataDir });
  try {
    const row = await storage.db
      .selectFrom('session_requests')
      .select('zone_id')
      .where('reference', '=', reference)
      .executeTakeFirst();
    return row?.zone_id;
  } finally {
    await storage.close();
  }
}

async function sendFor(opened: OpenedPage, lang: Language, municipality: Municipality) {
  const { page, finder, form, shownAt } = await requestPage(opened, lang);
  const name = typedName(municipality, lang);
  await typeInto(finder, name);
  await waitForText(finder.status, /\S/);
  await finder.input.press('Enter');
  // Brussels-City is split between zones: its part Laken (1020) answers one of them.
  const choices = finder.host.locator('[part~="choices"]');
  const card = finder.host.locator('[part~="zone-name"]').first();
  await Promise.race([
    choices.waitFor({ timeout: VISIBLE_TIMEOUT_MS }),
    card.waitFor({ timeout: VISIBLE_TIMEOUT_MS }),
  ]);
  if (await choices.count()) await finder.host.locator('[part~="choice"]', { hasText: '1020' }).click();
  const shown = (await waitForText(card, /\S/)).trim();
  const zone = await waitUntil(
    `the zone of ${name} announced`,
    () => announcedZone(opened),
    (id) => typeof id === 'string',
  );
  await waitForText(form.locator('[part~="zone-name"]'), new RegExp(shown));

  const entered = enteredFor(lang);
  await fill(
    form as Locator,
    { ...entered, organisation: `${entered.organisation} ${municipality.nis}` },
    lang,
  );
  const wait = HUMAN_FILL_MS - (Date.now() - shownAt);
  if (wait > 0) await page.waitForTimeout(wait);
  await form.locator('[part~="submit-button"]').click();
  const confirmation = await waitForText(form.locator('[part~="reference"]'), /CZ-[A-Z0-9]{4}-[A-Z0-9]{4}/);
  const reference = /CZ-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(confirmation)?.[0] ?? '';
  assert.equal(await storedZone(reference), zone, `${name} (${lang}): stored for ${shown}, the zone shown`);
}

describe('every Brussels municipality, in every language, on the request page', () => {
  test('search it, send the form: stored for the zone the finder shows', async () => {
    const municipalities = await brusselsMunicipalities();
    assert.equal(municipalities.length, 19);
    // One page per language at once: the four visitors do not share a tab.
    await Promise.all(
      LANGUAGES.map(async (lang) => {
        const opened = await openPage(browser);
        try {
          for (const municipality of municipalities) await sendFor(opened, lang, municipality);
          assert.deepEqual(opened.recording.pageErrors, []);
        } finally {
          await opened.close();
        }
      }),
    );
  });

  test('after Elsene, while Schaarbeek is looked up, the form names no zone; then Noord-Oost', async () => {
    const opened = await openPage(browser);
    try {
      const { page, finder, form } = await requestPage(opened, 'nl');
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route(/\/v1\/lookup\?.*21015/, async (route) => {
        await held;
        await route.continue();
      });
      const formZone = form.locator('[part~="zone-name"]');
      await typeInto(finder, 'Elsene');
      await waitForText(finder.status, /\S/);
      await finder.input.press('Enter');
      await waitForText(formZone, /Zuid/);
      await typeInto(finder, 'Schaarbeek');
      await waitForText(finder.status, /\S/);
      await finder.input.press('Enter');
      await waitUntil(
        'the form forgets Zuid',
        async () => (await formZone.innerText()).trim(),
        (text) => !/Zuid/.test(text),
      );
      assert.doesNotMatch(await formZone.innerText(), /Zuid|Noord/, 'no zone while Schaarbeek is looked up');
      release();
      await waitForText(formZone, /Noord-Oost/);
    } finally {
      await opened.close();
    }
  });
});
