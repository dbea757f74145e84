// A newcomer sends the request form while the server's PostgreSQL is away: the form says, in their
// language, that the request cannot be stored now, keeps everything they typed, and once PostgreSQL
// is back (the same server process, no restart) the retry stores it once, with the same key.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { openStorage } from '../../packages/server/src/storage/open-storage.js';
import { SESSION_REQUEST_TRANSLATIONS } from '../../packages/widgets/src/localization/session-request/translations.js';
import { type OwnPostgres, startOwnPostgres } from '../../scripts/postgres-for-tests.mjs';
import {
  assertBuilt,
  chooseWithKeyboard,
  type E2EServer,
  finderParts,
  launchBrowser,
  openPage,
  startServer,
  typeInto,
  VISIBLE_TIMEOUT_MS,
  waitForText,
} from './harness.js';
import { enteredFor, fill, HUMAN_FILL_MS } from './request-form.js';

/** The SDK retries a 503 twice, after its `Retry-After` (5 s) each time, before the form says so. */
const SDK_RETRIES_MS = 15_000;

let postgres: OwnPostgres;
let server: E2EServer;
let browser: Browser;

before(async () => {
  assertBuilt();
  postgres = await startOwnPostgres();
  server = await startServer(0, { env: { DATABASE_URL: postgres.url } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await postgres?.stop();
});

describe('the request form while the database is away', () => {
  for (const lang of ['nl', 'fr'] as const) {
    test(`in ${lang}: told to try again, nothing typed lost, sent once the database is back`, async () => {
      const opened = await openPage(browser);
      try {
        const { page } = opened;
        await page.goto(`${server.url}/examples/request-page/`);
        const finderHost = page.locator('carezone-finder#finder');
        const form = page.locator('carezone-session-request#request');
        await form.locator('[part~="form"]').waitFor({ timeout: VISIBLE_TIMEOUT_MS });
        const shownAt = Date.now();
        for (const host of [finderHost, form])
          await host.evaluate((element, value) => element.setAttribute('lang', value), lang);
        const finder = finderParts(finderHost);
        await typeInto(finder, 'Elsene');
        await chooseWithKeyboard(finder, /Elsene|Ixelles/);
        const entered = enteredFor(lang);
        await fill(form, entered, lang);
        const wait = HUMAN_FILL_MS - (Date.now() - shownAt);
        if (wait > 0) await page.waitForTimeout(wait);

        await postgres.halt();
        await form.locator('[part~="submit-button"]').click();
        const error = form.locator('[part~="error"]');
        await error.waitFor({ timeout: VISIBLE_TIMEOUT_MS + SDK_RETRIES_MS });
        assert.match(
          (await error.textContent()) ?? '',
          new RegExp(SESSION_REQUEST_TRANSLATIONS[lang].errors.STORAGE_UNAVAILABLE.slice(0, 30)),
        );
        assert.equal(await form.locator('[name="organisation.name"]').inputValue(), entered.organisation);
        assert.equal(await form.locator('[name="message"]').inputValue(), entered.message);

        await postgres.resume();
        await form.locator('[part~="retry-button"]').click();
        const shown = await waitForText(
          form.locator('[part~="reference"]'),
          /CZ-[A-Z0-9]{4}-[A-Z0-9]{4}/,
          VISIBLE_TIMEOUT_MS + SDK_RETRIES_MS,
        );
        const reference = /CZ-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(shown)?.[0];
        assert.ok(reference, 'a reference is shown');
        assert.equal(server.child.exitCode, null, 'the same server process answered');
        const storage = await openStorage({ databaseUrl: postgres.url, dataDir: ':memory:' });
        try {
          const stored = await storage.db
            .selectFrom('session_requests')
            .select('request')
            .where('reference', '=', reference)
            .execute();
          assert.equal(stored.length, 1, 'stored once');
          assert.match(stored[0]?.request ?? '', new RegExp(entered.contactName));
        } finally {
          await storage.close();
        }
      } finally {
        await opened.close();
      }
    });
  }
});
