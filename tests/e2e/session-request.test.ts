// A newcomer asks for an information session on the request page, in each of the four languages,
// against the real server with the reference pack: they find their zone in the finder, fill the form
// that follows it, send it, and read a reference number. Then the zone team's token reads the stored
// request, and the two queued e-mails (written as .eml files: no SMTP here) say what was entered.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { type ParsedMail, parseEml } from '../../packages/server/src/mail/test-helpers/parse-eml.js';
import { output, REFERENCE_PACK, spawnCli } from '../helpers.js';
import {
  assertBuilt,
  chooseWithKeyboard,
  type E2EServer,
  finderParts,
  LANGUAGES,
  launchBrowser,
  openPage,
  startServer,
  typeInto,
  VISIBLE_TIMEOUT_MS,
  waitForText,
  waitUntil,
} from './harness.js';
import { enteredFor, fill, HUMAN_FILL_MS } from './request-form.js';

/** What the zone of Elsene/Ixelles is called in each language (the pack has no German name: the French one). */
const SUD = { nl: 'Zuid', fr: 'Sud', en: 'South', de: 'Sud' } as const;
const SUBJECT = {
  nl: /We hebben uw aanvraag goed ontvangen/,
  fr: /\S/,
  en: /We have received your request/,
  de: /Wir haben Ihre Anfrage erhalten/,
} as const;
let server: E2EServer;
let browser: Browser;
let dataDir: string;
let mailDir: string;
let token: string;

before(async () => {
  assertBuilt();
  dataDir = await mkdtemp(join(tmpdir(), 'carezone-e2e-requests-'));
  mailDir = join(dataDir, 'mail');
  server = await startServer(0, { dataDir, env: { CAREZONE_MAIL_DIR: mailDir } });
  // The zone team's token, made with the CLI on the same database while the server runs.
  const created = await output(
    spawnCli(['token', 'create', '--zone', 'bxl-sud', '--zonepack', REFERENCE_PACK, '--data', dataDir]),
  );
  assert.equal(created.code, 0, created.stderr);
  token = created.stdout.trim();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function mailsAbout(reference: string): Promise<ParsedMail[]> {
  const names = await readdir(mailDir).catch(() => [] as string[]);
  const mails = await Promise.all(
    names
      .filter((name) => name.endsWith('.eml'))
      .map(async (name) => parseEml(await readFile(join(mailDir, name), 'utf8'))),
  );
  return mails.filter((mail) => mail.headers.subject?.includes(reference));
}

describe('a newcomer sends a session request', () => {
  for (const lang of LANGUAGES) {
    test(`in ${lang}: found zone, filled form, reference shown, request stored, e-mails queued`, async () => {
      const opened = await openPage(browser);
      try {
        const { page, recording } = opened;
        await page.goto(`${server.url}/examples/request-page/`);
        const finderHost = page.locator('carezone-finder#finder');
        const form = page.locator('carezone-session-request#request');
        // The form counts its fill time from its first render.
        await form.locator('[part~="form"]').waitFor({ timeout: VISIBLE_TIMEOUT_MS });
        const shownAt = Date.now();
        for (const host of [finderHost, form])
          await host.evaluate((element, value) => element.setAttribute('lang', value), lang);

        const finder = finderParts(finderHost);
        await typeInto(finder, 'Elsene');
        await chooseWithKeyboard(finder, /Elsene|Ixelles/);
        await waitForText(form.locator('[part~="zone-name"]'), new RegExp(SUD[lang]));

        const entered = enteredFor(lang);
        await fill(form, entered, lang);
        // A person takes a few seconds; the server answers a faster form as a bot would be.
        const wait = HUMAN_FILL_MS - (Date.now() - shownAt);
        if (wait > 0) await page.waitForTimeout(wait);
        await form.locator('[part~="submit-button"]').focus();
        await page.keyboard.press('Enter');

        const shown = await waitForText(form.locator('[part~="reference"]'), /CZ-[A-Z0-9]{4}-[A-Z0-9]{4}/);
        const reference = /CZ-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(shown)?.[0] ?? '';
        const focused = await form.evaluate((host) => host.shadowRoot?.activeElement?.getAttribute('part'));
        assert.equal(focused, 'reference', 'focus moves to the reference');

        // The zone team reads exactly what was entered.
        const listed = (await (
          await fetch(`${server.url}/v1/session-requests?zone=bxl-sud&limit=100`, {
            headers: { authorization: `Bearer ${token}` },
          })
        ).json()) as { data: { reference: string; status: string; request: Record<string, unknown> }[] };
        const stored = listed.data.filter((entry) => entry.reference === reference);
        assert.equal(stored.length, 1, `one stored request ${reference}`);
        assert.deepEqual(stored[0]?.request, {
          organisation: { name: entered.organisation, kind: 'health-service' },
          zone: 'bxl-sud',
          contact: { name: entered.contactName, email: entered.email, phone: entered.phone },
          topics: ['diabetes', 'other'],
          otherTopic: entered.otherTopic,
          format: 'on-site',
          preferredPeriod: entered.period,
          participants: entered.participants,
          language: lang === 'fr' ? 'fr' : 'bilingual',
          locale: lang,
          message: entered.message,
          consent: true,
        });

        // Two e-mails: the team's with what was entered, the requester's in the form's language.
        const mails = await waitUntil(
          `the two e-mails of ${reference}`,
          () => mailsAbout(reference),
          (found) => found.length === 2,
          VISIBLE_TIMEOUT_MS,
        );
        const confirmation = mails.find((mail) => mail.headers.to?.includes(entered.email));
        const team = mails.find((mail) => mail !== confirmation);
        assert.ok(confirmation && team, 'a confirmation to the requester and a message to the team');
        assert.equal(confirmation.headers['content-language'], lang);
        assert.match(confirmation.headers.subject ?? '', SUBJECT[lang]);
        assert.ok(confirmation.text.includes(reference));
        for (const value of [
          entered.organisation,
          entered.contactName,
          entered.email,
          entered.message,
          entered.otherTopic,
        ])
          assert.ok(team.text.includes(value), `the team's e-mail says "${value}"`);

        assert.deepEqual(recording.pageErrors, []);
        assert.deepEqual((await opened.records()).csp, [], 'no CSP violation');
      } finally {
        await opened.close();
      }
    });
  }
});
