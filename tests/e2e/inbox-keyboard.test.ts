// The zone team's inbox against the real server, on SQLite and on PostgreSQL, with the keyboard
// alone (Tab, arrows, Space, Enter, typing; never a click): sign in with a token made by the CLI,
// filter the list (the same organisation's request to another zone never shows), download the CSV
// of the filter, open the request, plan it with a note for the requester, and sign out. The
// requester's e-mail is written to the outbox folder, and the session is over once signed out. The
// page raises no CSP violation.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestPostgres } from '../../scripts/postgres-for-tests.mjs';
import { output, REFERENCE_PACK, spawnCli } from '../helpers.js';
import { assertBuilt, type E2EServer, launchBrowser, startServer } from './harness.js';

/** What has the focus, through the shadow roots: `tag#id` and its text or value. */
async function focused(page: Page): Promise<{ tag: string; id: string; text: string; name: string }> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      id: element?.id ?? '',
      text: (element?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      name: element?.getAttribute('name') ?? '',
    };
  });
}

/** Presses Tab until the focus is on what `matches` describes (at most 40 times). */
async function tabTo(
  page: Page,
  matches: (target: Awaited<ReturnType<typeof focused>>) => boolean,
  what: string,
) {
  for (let step = 0; step < 40; step++) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  assert.fail(`Tab never reached ${what}`);
}

for (const storage of ['SQLite', 'PostgreSQL'] as const) {
  describe(`the inbox with the keyboard alone, on ${storage}`, () => {
    let server: E2EServer;
    let browser: Browser;
    let dataDir: string;
    let mailDir: string;
    let postgres: { url: string; stop(): Promise<void> } | undefined;
    let token: string;
    let requestId: string;

    before(async () => {
      assertBuilt();
      dataDir = await mkdtemp(join(tmpdir(), 'carezone-inbox-e2e-'));
      mailDir = join(dataDir, 'mail');
      postgres = storage === 'PostgreSQL' ? await startTestPostgres() : undefined;
      const env: Record<string, string> = {
        CAREZONE_MAIL_DIR: mailDir,
        ...(postgres ? { DATABASE_URL: postgres.url } : {}),
      };
      const created = await output(
        spawnCli(
          [
            'token',
            'create',
            '--zone',
            'bxl-sud',
            '--label',
            'Team Zuid',
            '--zonepack',
            REFERENCE_PACK,
            '--data',
            dataDir,
          ],
          env,
        ),
      );
      assert.equal(created.code, 0, created.stderr);
      token = /cz_[A-Za-z0-9_-]{43}/.exec(created.stdout + created.stderr)?.[0] ?? '';
      assert.ok(token, 'the CLI printed the token');
      server = await startServer(0, { dataDir, env });
      const answer = await fetch(`${server.url}/v1/session-requests`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: server.url,
          'idempotency-key': 'inbox-keyboard-e2e-0001',
        },
        body: JSON.stringify({
          organisation: { name: 'École des Marolles', kind: 'school' },
          zone: 'bxl-sud',
          contact: { name: 'Claire Dubois', email: 'claire@example.be' },
          topics: ['diabetes'],
          format: 'on-site',
          language: 'fr',
          locale: 'fr',
          consent: true,
          fillTimeMs: 30_000,
        }),
      });
      assert.equal(answer.status, 201, await answer.clone().text());
      requestId = ((await answer.json()) as { id: string }).id;
      // The same organisation asks another zone too: the zone's inbox never shows that one.
      const other = await fetch(`${server.url}/v1/session-requests`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: server.url,
          'idempotency-key': 'inbox-keyboard-e2e-0002',
        },
        body: JSON.stringify({
          organisation: { name: 'École des Marolles', kind: 'school' },
          zone: 'bxl-nord',
          contact: { name: 'Claire Dubois', email: 'claire@example.be' },
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
      await browser?.close();
      await server?.stop();
      await postgres?.stop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    test('sign in, filter, open, plan with a note for the requester, sign out', async () => {
      const context = await browser.newContext({ locale: 'nl-BE', viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      const violations: string[] = [];
      await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) =>
          (window as unknown as { reportViolation(text: string): void }).reportViolation(
            `${event.violatedDirective} ${event.blockedURI}`,
          ),
        );
      });
      await page.goto(`${server.url}/inbox/`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');

      // Sign-in: its heading has the focus; the token field is the next stop.
      await page.waitForFunction(() => document.title.startsWith('Aanmelden'));
      assert.equal((await focused(page)).tag, 'h1');
      await tabTo(page, (target) => target.id === 'token', 'the token field');
      await page.keyboard.type(token);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.title.startsWith('Aanvragen voor een infosessie'));
      assert.equal((await focused(page)).text, 'Aanvragen voor een infosessie');

      // Filter on "Ontvangen" and a text, with the arrows and typing.
      await tabTo(page, (target) => target.id === 'f-status', 'the status filter');
      await page.keyboard.press('ArrowDown');
      await tabTo(page, (target) => target.id === 'f-q', 'the search field');
      await page.keyboard.type('marolles');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/inbox\/\?status=received&q=marolles$/);
      // One: the same organisation's request to another zone is not in this zone's inbox.
      await page.waitForFunction(() => {
        const list = document
          .querySelector('carezone-inbox')
          ?.shadowRoot?.querySelector('carezone-inbox-requests')?.shadowRoot;
        return (
          list?.querySelector<HTMLSelectElement>('#f-status')?.value === 'received' &&
          list.querySelectorAll('.requests li').length === 1 &&
          list.querySelector('p.muted')?.textContent === '1 aanvraag.'
        );
      });

      // The CSV of the filter, as the link downloads it with the session cookie.
      const csv = await page.evaluate(async () => {
        const link = document
          .querySelector('carezone-inbox')
          ?.shadowRoot?.querySelector('carezone-inbox-requests')
          ?.shadowRoot?.querySelector<HTMLAnchorElement>('a[download]');
        const response = await fetch(link?.href ?? '');
        return {
          href: link?.href ?? '',
          status: response.status,
          type: response.headers.get('content-type'),
          text: await response.text(),
        };
      });
      assert.match(csv.href, /\/v1\/session-requests\/export\?status=received&q=marolles&lang=nl$/);
      assert.equal(csv.status, 200);
      assert.match(csv.type ?? '', /^text\/csv/);
      assert.ok(csv.text.includes('École des Marolles'), csv.text);
      assert.equal(csv.text.trim().split('\n').length, 2, 'the header and the one request');

      // Open it.
      await tabTo(
        page,
        (target) => target.tag === 'a' && target.text === 'École des Marolles',
        'the request',
      );
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/inbox/requests/${requestId}`);
      await page.waitForFunction(() => document.title.startsWith('Aanvraag van École des Marolles'));
      assert.equal((await focused(page)).tag, 'h1');

      // Plan it, with a note sent to the requester.
      await tabTo(page, (target) => target.name === 'status', 'the new status');
      await page.keyboard.press('Space');
      await tabTo(page, (target) => target.id === 'note', 'the note');
      await page.keyboard.type('Le 14 mars à 10 h, dans vos locaux.');
      await tabTo(page, (target) => target.name === 'noteToRequester', 'send the note to the requester');
      await page.keyboard.press('Space');
      await tabTo(
        page,
        (target) => target.tag === 'button' && target.text === 'Status wijzigen',
        'the submit button',
      );
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () =>
          document
            .querySelector('carezone-inbox')
            ?.shadowRoot?.querySelector('carezone-inbox-request')
            ?.shadowRoot?.querySelector('.success')?.textContent === 'De status is nu: Gepland.',
      );
      const stored = (await (
        await fetch(`${server.url}/v1/session-requests/${requestId}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { status: string; history: { status: string; note: string | null; by: string | null }[] };
      assert.equal(stored.status, 'planned');
      assert.deepEqual(stored.history.at(-1), {
        ...stored.history.at(-1),
        status: 'planned',
        note: 'Le 14 mars à 10 h, dans vos locaux.',
        by: 'Team Zuid',
      });

      // The requester hears of it, in French, with the note.
      let update: string | undefined;
      for (let attempt = 0; attempt < 50 && update === undefined; attempt++) {
        for (const name of await readdir(mailDir).catch(() => [] as string[])) {
          const mail = await readFile(join(mailDir, name), 'utf8');
          if (mail.includes('claire@example.be') && mail.includes('14 mars')) update = mail;
        }
        if (update === undefined) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.ok(update, 'an e-mail to the requester with the note');

      // Sign out (in the banner, before the view: back with Shift+Tab).
      for (let step = 0; step < 60; step++) {
        await page.keyboard.press('Shift+Tab');
        const target = await focused(page);
        if (target.tag === 'button' && target.text === 'Afmelden') break;
      }
      assert.equal((await focused(page)).text, 'Afmelden');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.title.startsWith('Aanmelden'));
      const after = await page.evaluate(async () => (await fetch('/v1/staff/session')).status);
      assert.equal(after, 401, 'the session is over');
      assert.deepEqual(violations, []);
      await context.close();
    });
  });
}
