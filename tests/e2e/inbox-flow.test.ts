// The zone team's inbox from end to end, against the real server with the built-in Brussels pack
// and the built bundles, on SQLite and on PostgreSQL, through what people see and do (roles, labels,
// clicks and typing; never the components' insides):
// 1. a newcomer sends a session request in French through `<carezone-session-request>` on the
//    example request page, for Ixelles (zone Sud); it is in zone Sud's inbox, and not in zone
//    Nord's (another team, signed in in another browser context, with a request of its own);
// 2. zone Sud's team opens it and plans it with a note, ticking "send this note to the requester";
// 3. the requester's e-mail (an .eml in the outbox folder: no SMTP here) is in French, says the
//    session is planned and gives the note;
// 4. the inbox's CSV link downloads, with the session cookie, that request and not Nord's;
// 5. a news item each team writes in the inbox's news editor is in `<carezone-news>` of its zone's
//    news page (`/embed/news?zone=…`, the inbox's own "zone news" link), and not in the other's.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type ParsedMail, parseEml } from '../../packages/server/src/mail/test-helpers/parse-eml.js';
import { EXPORT_COLUMNS } from '../../packages/server/src/session-requests/export-csv.js';
import { startTestPostgres } from '../../scripts/postgres-for-tests.mjs';
import { output, spawnCli } from '../helpers.js';
import {
  assertBuilt,
  chooseWithKeyboard,
  type E2EServer,
  finderParts,
  launchBrowser,
  type OpenedPage,
  openPage,
  startServer,
  typeInto,
  VISIBLE_TIMEOUT_MS,
  waitForText,
  waitUntil,
} from './harness.js';
import { HUMAN_FILL_MS } from './request-form.js';

/** How long an e-mail may take to reach the outbox folder (the dispatcher, a busy CI machine). */
const MAIL_TIMEOUT_MS = 30_000;
const REFERENCE = /CZ-[A-Z0-9]{4}-[A-Z0-9]{4}/;

/** What the newcomer enters (in zone Sud) and what zone Nord's own requester sent. */
const SUD_REQUEST = {
  organisation: 'Maison médicale du Flagey',
  contactName: 'Élise Vandenbroucke',
  email: 'elise.flagey@example.be',
  phone: '+32 2 555 01 77',
  period: 'en mars, un mardi matin',
  participants: '12',
  message: 'Notre équipe d’accueil aimerait mieux orienter les patients diabétiques.',
};
const NORD_ORGANISATION = 'CPAS de Schaerbeek (zone Nord)';
const NOTE = 'Rendez-vous le 17 mars à 9 h 30, dans vos locaux, salle du premier étage.';
const SUD_NEWS = {
  title: 'Atelier diabète à Ixelles en mars',
  body: '<p>Un atelier pour les équipes d’accueil, le <strong>17 mars</strong> à Ixelles.</p>',
  text: 'Un atelier pour les équipes d’accueil, le 17 mars à Ixelles.',
};
const NORD_NEWS = {
  title: 'Permanence santé mentale à Schaerbeek',
  body: '<p>Une permanence chaque jeudi pour les professionnels de la zone Nord.</p>',
  text: 'Une permanence chaque jeudi pour les professionnels de la zone Nord.',
};

/** The e-mails in the outbox folder, parsed. */
async function mails(mailDir: string): Promise<ParsedMail[]> {
  const names = await readdir(mailDir).catch(() => [] as string[]);
  return Promise.all(
    names
      .filter((name) => name.endsWith('.eml'))
      .map(async (name) => parseEml(await readFile(join(mailDir, name), 'utf8'))),
  );
}

/** Signs in to the inbox (in French: the browser asks for it) with a pasted token. */
async function signIn(page: Page, url: string, token: string): Promise<void> {
  await page.goto(`${url}/inbox/`);
  await page
    .getByRole('heading', { level: 1, name: 'Se connecter' })
    .waitFor({ timeout: VISIBLE_TIMEOUT_MS });
  await page.getByLabel('Jeton').fill(token);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Demandes de séance d’information' })
    .waitFor({ timeout: VISIBLE_TIMEOUT_MS });
}

/** The rows of the inbox's CSV of the current filter, as its link downloads them. */
async function downloadCsv(page: Page): Promise<{ filename: string; header: string[]; rows: string[][] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: VISIBLE_TIMEOUT_MS }),
    page.getByRole('link', { name: 'Télécharger ces demandes (CSV)' }).click(),
  ]);
  assert.equal(await download.failure(), null, 'the download completed');
  const path = await download.path();
  const [header = [], ...rows] = parse(await readFile(path, 'utf8'), { bom: true }) as string[][];
  return { filename: download.suggestedFilename(), header, rows };
}

/** Writes a news item in the inbox's news editor, saves it, and comes back to the zone's news list. */
async function writeNews(page: Page, item: { title: string; body: string }): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Actualités' }).click();
  await page.getByRole('heading', { level: 1, name: 'Actualités' }).waitFor({ timeout: VISIBLE_TIMEOUT_MS });
  await page.getByRole('link', { name: 'Rédiger une actualité' }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Nouvelle actualité' })
    .waitFor({ timeout: VISIBLE_TIMEOUT_MS });
  await page.getByRole('textbox', { name: 'Titre', exact: true }).fill(item.title);
  await page.getByRole('textbox', { name: 'Texte', exact: true }).fill(item.body);
  assert.equal(
    await page.getByRole('combobox', { name: 'Langue de l’actualité' }).inputValue(),
    'fr',
    'the item is in the inbox’s language unless chosen otherwise',
  );
  // The preview shows the item as the sites will.
  await waitForText(page.locator('carezone-news [part~="title"]'), new RegExp(item.title));
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  // Saved: the editor now edits the published item.
  await page
    .getByRole('heading', { level: 1, name: 'Modifier l’actualité' })
    .waitFor({ timeout: VISIBLE_TIMEOUT_MS });
  await page.getByRole('link', { name: 'Retour aux actualités' }).click();
  await page.getByRole('heading', { level: 2, name: item.title }).waitFor({ timeout: VISIBLE_TIMEOUT_MS });
}

/** Follows the inbox's link to its zone's public news page; answers the titles its `<carezone-news>` shows. */
async function zoneNewsTitles(page: Page, zone: string, expected: string): Promise<string[]> {
  await page.getByRole('link', { name: 'Voir les actualités de la zone' }).click();
  await page.waitForURL((url) => url.pathname === '/embed/news' && url.searchParams.get('zone') === zone);
  const news = page.locator('carezone-news');
  const title = news.getByRole('heading', { name: expected });
  await title.waitFor({ timeout: VISIBLE_TIMEOUT_MS });
  return news.locator('[part~="title"]').allInnerTexts();
}

for (const storage of ['SQLite', 'PostgreSQL'] as const) {
  describe(`the inbox from the example form to the news, on ${storage}`, () => {
    let server: E2EServer;
    let browser: Browser;
    let dataDir: string;
    let mailDir: string;
    let postgres: { url: string; stop(): Promise<void> } | undefined;
    const tokens = { sud: '', nord: '' };
    let requester: OpenedPage | undefined;
    let sud: BrowserContext | undefined;
    let nord: BrowserContext | undefined;
    let sudPage: Page;
    let nordPage: Page;
    let reference = '';
    let startedAt = 0;

    before(async () => {
      startedAt = Date.now();
      assertBuilt();
      dataDir = await mkdtemp(join(tmpdir(), 'carezone-inbox-flow-'));
      mailDir = join(dataDir, 'mail');
      postgres = storage === 'PostgreSQL' ? await startTestPostgres() : undefined;
      const env: Record<string, string> = {
        CAREZONE_MAIL_DIR: mailDir,
        CAREZONE_RATE_LIMIT_SIGN_IN: 'off',
        ...(postgres ? { DATABASE_URL: postgres.url } : {}),
      };
      // Each team's token, made with the CLI on the same storage (the built-in pack knows the zones).
      for (const [zone, label, key] of [
        ['bxl-sud', 'Équipe Sud', 'sud'],
        ['bxl-nord', 'Équipe Nord', 'nord'],
      ] as const) {
        const created = await output(
          spawnCli(['token', 'create', '--zone', zone, '--label', label, '--data', dataDir], env),
        );
        assert.equal(created.code, 0, created.stderr);
        tokens[key] = /cz_[A-Za-z0-9_-]{43}/.exec(created.stdout + created.stderr)?.[0] ?? '';
        assert.ok(tokens[key], `the CLI printed ${zone}'s token`);
      }
      server = await startServer(0, { dataDir, zonepack: null, env });
      // Zone Nord has a request of its own, which zone Sud never sees (and the other way round).
      const other = await fetch(`${server.url}/v1/session-requests`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: server.url,
          'idempotency-key': `inbox-flow-nord-${storage}`,
        },
        body: JSON.stringify({
          organisation: { name: NORD_ORGANISATION, kind: 'municipal-social-service' },
          zone: 'bxl-nord',
          contact: { name: 'Karim Benali', email: 'karim@example.be' },
          topics: ['diabetes'],
          format: 'online',
          language: 'fr',
          locale: 'fr',
          consent: true,
          fillTimeMs: 30_000,
        }),
      });
      assert.equal(other.status, 201, await other.clone().text());
      browser = await launchBrowser();
    });

    after(async () => {
      await requester?.close();
      await sud?.close();
      await nord?.close();
      await browser?.close();
      await server?.stop();
      await postgres?.stop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
      console.log(`inbox flow on ${storage}: ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    });

    test('a request sent in French through the example form is in its zone’s inbox, not another’s', async () => {
      requester = await openPage(browser, { locale: 'fr-BE' });
      const { page } = requester;
      await page.goto(`${server.url}/examples/request-page/`);
      const finderHost = page.locator('carezone-finder#finder');
      const form = page.locator('carezone-session-request#request');
      // The form counts its fill time from its first render.
      await form.locator('[part~="form"]').waitFor({ timeout: VISIBLE_TIMEOUT_MS });
      const shownAt = Date.now();
      // A French page of the network would write lang="fr" on its widgets.
      for (const host of [finderHost, form])
        await host.evaluate((element) => element.setAttribute('lang', 'fr'));
      await form.getByRole('button', { name: 'Envoyer la demande' }).waitFor({ timeout: VISIBLE_TIMEOUT_MS });

      const finder = finderParts(finderHost);
      await typeInto(finder, 'Ixelles');
      await chooseWithKeyboard(finder, /Ixelles/);
      await waitForText(form.locator('[part~="zone-name"]'), /Sud/);

      await form.getByRole('textbox', { name: /^Nom de votre organisation/ }).fill(SUD_REQUEST.organisation);
      await form.getByRole('radio', { name: 'Service de santé' }).check();
      await form.getByRole('textbox', { name: /^Personne de contact/ }).fill(SUD_REQUEST.contactName);
      await form.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(SUD_REQUEST.email);
      await form.getByRole('textbox', { name: /^Numéro de téléphone/ }).fill(SUD_REQUEST.phone);
      await form.getByRole('checkbox', { name: 'Diabète' }).check();
      await form.getByRole('radio', { name: 'Dans vos locaux' }).check();
      await form.getByRole('textbox', { name: /^Période souhaitée/ }).fill(SUD_REQUEST.period);
      await form.getByRole('textbox', { name: /^Nombre de participants/ }).fill(SUD_REQUEST.participants);
      await form.getByRole('radio', { name: 'Français', exact: true }).check();
      await form.getByRole('textbox', { name: /^Message/ }).fill(SUD_REQUEST.message);
      await form.getByRole('checkbox', { name: /^J’accepte/ }).check();
      // A person takes a few seconds; the server answers a faster form as it would a bot's.
      const wait = HUMAN_FILL_MS - (Date.now() - shownAt);
      if (wait > 0) await page.waitForTimeout(wait);
      await form.getByRole('button', { name: 'Envoyer la demande' }).click();
      const shown = await waitForText(form.locator('[part~="reference"]'), REFERENCE);
      reference = REFERENCE.exec(shown)?.[0] ?? '';
      assert.deepEqual(requester.recording.pageErrors, []);

      // Zone Sud's team signs in: the request is in its list, zone Nord's is not.
      sud = await browser.newContext({ locale: 'fr-BE', viewport: { width: 1024, height: 900 } });
      sudPage = await sud.newPage();
      await signIn(sudPage, server.url, tokens.sud);
      assert.equal(await sudPage.evaluate(() => document.documentElement.lang), 'fr');
      const sudItem = sudPage.getByRole('listitem').filter({ hasText: SUD_REQUEST.organisation });
      await sudItem.waitFor({ timeout: VISIBLE_TIMEOUT_MS });
      await waitForText(sudItem, new RegExp(`Reçue[\\s\\S]*${reference}`));
      // The count under the filters (the live region says it too).
      await waitForText(sudPage.getByText(/^\d+ demandes?\.$/).first(), /^1 demande\.$/);
      assert.equal(await sudPage.getByRole('link', { name: NORD_ORGANISATION }).count(), 0);

      // Zone Nord's team, in another browser: its own request, never zone Sud's.
      nord = await browser.newContext({ locale: 'fr-BE', viewport: { width: 1024, height: 900 } });
      nordPage = await nord.newPage();
      await signIn(nordPage, server.url, tokens.nord);
      await nordPage.getByRole('link', { name: NORD_ORGANISATION }).waitFor({ timeout: VISIBLE_TIMEOUT_MS });
      await waitForText(nordPage.getByText(/^\d+ demandes?\.$/).first(), /^1 demande\.$/);
      assert.equal(await nordPage.getByRole('link', { name: SUD_REQUEST.organisation }).count(), 0);
      // Searching for it by name finds nothing either.
      await nordPage.getByRole('searchbox', { name: 'Rechercher' }).fill('Flagey');
      await nordPage.getByRole('button', { name: 'Afficher', exact: true }).click();
      await nordPage
        .getByText('Aucune demande ne correspond à ces filtres.')
        .waitFor({ timeout: VISIBLE_TIMEOUT_MS });
    });

    test('the team opens it and plans it with a note sent to the requester', async () => {
      await sudPage.getByRole('link', { name: SUD_REQUEST.organisation }).click();
      await sudPage.waitForURL(/\/inbox\/requests\/[^/?]+$/);
      await sudPage
        .getByRole('heading', { level: 1, name: `Demande de ${SUD_REQUEST.organisation}` })
        .waitFor({ timeout: VISIBLE_TIMEOUT_MS });
      // Everything entered is there.
      for (const value of [
        SUD_REQUEST.contactName,
        SUD_REQUEST.email,
        SUD_REQUEST.message,
        SUD_REQUEST.period,
      ])
        await sudPage.getByText(value, { exact: true }).first().waitFor({ timeout: VISIBLE_TIMEOUT_MS });

      await sudPage.getByRole('radio', { name: 'Planifiée', exact: true }).check();
      await sudPage.getByRole('textbox', { name: 'Note', exact: true }).fill(NOTE);
      await sudPage.getByRole('checkbox', { name: 'Envoyer cette note au demandeur' }).check();
      await sudPage.getByRole('button', { name: 'Changer le statut' }).click();
      await sudPage
        .getByText('Le statut est maintenant : Planifiée.', { exact: true })
        .waitFor({ timeout: VISIBLE_TIMEOUT_MS });
      // The history has the change, its note and who made it.
      const history = sudPage.getByRole('region', { name: 'Historique' }).getByRole('listitem').first();
      await waitForText(history, /Planifiée[\s\S]*par Équipe Sud/);
      assert.match(await history.innerText(), new RegExp(NOTE));
    });

    test('the requester’s e-mail is in French, says the session is planned and gives the note', async () => {
      const found = await waitUntil(
        `the requester's update of ${reference}`,
        async () =>
          (await mails(mailDir)).filter(
            (mail) =>
              mail.headers.to?.includes(SUD_REQUEST.email) &&
              mail.headers.subject?.includes(reference) &&
              mail.headers.subject.startsWith('Des nouvelles'),
          ),
        (list) => list.length > 0,
        MAIL_TIMEOUT_MS,
      );
      assert.equal(found.length, 1, 'one update to the requester');
      const [update] = found as [ParsedMail];
      assert.equal(update.headers['content-language'], 'fr');
      assert.equal(
        update.headers.subject,
        `Des nouvelles de votre demande de séance d’information (${reference})`,
      );
      assert.match(update.text, /a planifié votre séance d’information/);
      assert.match(update.text, /Message de l’équipe/);
      assert.ok(update.text.includes(NOTE), `the note is in the e-mail:\n${update.text}`);
      assert.ok(update.html?.includes('planifié votre séance'), 'the HTML part says it too');
      // Nothing about zone Nord's request went to this requester.
      const all = await mails(mailDir);
      assert.ok(
        all.every(
          (mail) => !(mail.headers.to?.includes(SUD_REQUEST.email) && mail.text.includes(NORD_ORGANISATION)),
        ),
      );
    });

    test('the CSV link downloads this zone’s request, not the other zone’s', async () => {
      await sudPage.getByRole('link', { name: 'Retour aux demandes' }).click();
      await sudPage
        .getByRole('link', { name: SUD_REQUEST.organisation })
        .waitFor({ timeout: VISIBLE_TIMEOUT_MS });
      const csv = await downloadCsv(sudPage);
      const column = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name);
      assert.match(csv.filename, /^carezone-requests-bxl-sud-\d{4}-\d{2}-\d{2}\.csv$/);
      assert.equal(csv.header[column('reference')], 'Référence', `French headers: ${csv.header.join(' | ')}`);
      assert.equal(csv.rows.length, 1, `one request: ${JSON.stringify(csv.rows)}`);
      const [row] = csv.rows as [string[]];
      assert.equal(row[column('reference')], reference);
      assert.equal(row[column('zone')], 'bxl-sud');
      assert.equal(row[column('status')], 'Planifiée');
      assert.equal(row[column('organisation')], SUD_REQUEST.organisation);
      assert.equal(row[column('contact_email')], SUD_REQUEST.email);
      assert.equal(row[column('message')], SUD_REQUEST.message);

      // Zone Nord's link, the other way round.
      await nordPage.getByRole('button', { name: 'Effacer les filtres' }).click();
      await nordPage.getByRole('link', { name: NORD_ORGANISATION }).waitFor({ timeout: VISIBLE_TIMEOUT_MS });
      const nordCsv = await downloadCsv(nordPage);
      assert.deepEqual(
        nordCsv.rows.map((cells) => cells[column('organisation')]),
        [NORD_ORGANISATION],
      );
    });

    test('a news item written in the inbox is in its zone’s <carezone-news>, not another zone’s', async () => {
      await writeNews(sudPage, SUD_NEWS);
      await writeNews(nordPage, NORD_NEWS);

      const sudTitles = await zoneNewsTitles(sudPage, 'bxl-sud', SUD_NEWS.title);
      assert.ok(!sudTitles.includes(NORD_NEWS.title), `zone Sud's news: ${sudTitles.join(' | ')}`);
      // Its body, as written (sanitised), opens in place.
      const news = sudPage.locator('carezone-news');
      const item = news.getByRole('article', { name: SUD_NEWS.title });
      await item.getByRole('button', { expanded: false }).click();
      await waitForText(item.locator('[part~="body"]'), new RegExp(SUD_NEWS.text));

      const nordTitles = await zoneNewsTitles(nordPage, 'bxl-nord', NORD_NEWS.title);
      assert.ok(!nordTitles.includes(SUD_NEWS.title), `zone Nord's news: ${nordTitles.join(' | ')}`);
    });
  });
}
