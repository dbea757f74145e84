import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LANGUAGES, pickText } from '@carezone/contract';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { createSessionRequest } from '../session-requests/create.js';
import { REQUESTER_UPDATE } from '../session-requests/outbox-kinds.js';
import { mailsOfSessionRequest } from '../session-requests/read.js';
import { changeSessionRequestStatus } from '../session-requests/status.js';
import { withoutBotFields } from '../session-requests/stored-input.js';
import { sampleInput } from '../session-requests/test-helpers/sample-input.js';
import { DEFAULT_TOPICS } from '../session-requests/topics.js';
import type { Storage } from '../storage/storage.js';
import {
  freshStorages,
  postgresTarget,
  type StorageTarget,
  sqliteTarget,
} from '../storage/test-helpers/storage-targets.js';
import { memoryLogger } from '../test-helpers/memory-logger.js';
import { loadZoneDirectory } from '../zones/load-zone-directory.js';
import type { ZoneDirectory } from '../zones/zone-directory.js';
import { inboxRequestUrl } from './build-mail.js';
import { composeRequesterUpdateMail, composeZoneTeamMail, type RequestForMail } from './compose-mail.js';
import { createOutboxDispatcher } from './dispatcher.js';
import { createFolderTransport } from './folder-transport.js';
import type { InboxSettings } from './mail-settings.js';
import { fakeTransport } from './test-helpers/fake-transport.js';
import { parseEml } from './test-helpers/parse-eml.js';
import { sampleRequest } from './test-helpers/seed-request.js';
import { MAIL_TEXTS } from './texts/index.js';

const names = { zoneName: { nl: 'Zuid', fr: 'Sud', en: 'South', de: 'Süd' }, topics: DEFAULT_TOPICS };
const PUBLIC_URL = 'https://zorgzones.example.be';
const REQUEST_ID = '3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

function mailFor(overrides: Parameters<typeof sampleRequest>[0] = {}): RequestForMail {
  return {
    reference: 'CZ-7KQM-4TXA',
    zoneId: 'bxl-sud',
    createdAt: '2026-03-02T09:30:00.000Z',
    request: sampleRequest(overrides),
  };
}

describe("composing the requester's news of a status change", () => {
  for (const language of LANGUAGES) {
    test(`${language}: every status, with and without the team's note`, () => {
      const texts = MAIL_TEXTS[language];
      for (const status of ['planned', 'declined', 'done'] as const) {
        const bare = composeRequesterUpdateMail(mailFor(), names, language, { status });
        assert.equal(bare.language, language);
        assert.equal(bare.subject, texts.requesterUpdate.subject('CZ-7KQM-4TXA'));
        assert.ok(bare.text.includes(texts.requester.greeting('Éloïse Dupont')));
        assert.ok(bare.text.includes(texts.requesterUpdate.status[status](names.zoneName[language])));
        assert.ok(bare.text.includes(texts.requesterUpdate.questions('CZ-7KQM-4TXA')));
        assert.ok(bare.text.includes(texts.requester.signature(names.zoneName[language])));
        assert.ok(!bare.text.includes(texts.requesterUpdate.noteHeading), 'no note heading without a note');
        assert.ok(bare.html.includes(`<html lang="${language}">`));
        assert.ok(!bare.text.includes('undefined'));

        const withNote = composeRequesterUpdateMail(mailFor(), names, language, {
          status,
          note: 'Tuesday 14 March, 10:00\r\nRoom 2',
        });
        assert.ok(
          withNote.text.includes(`${texts.requesterUpdate.noteHeading}\n\nTuesday 14 March, 10:00\nRoom 2`),
        );
        assert.ok(withNote.html.includes('Tuesday 14 March, 10:00\nRoom 2'));
      }
    });
  }

  test("the team's note is escaped in the HTML and never reaches a header", () => {
    const composed = composeRequesterUpdateMail(
      mailFor({ contact: { name: 'Jan\r\nBcc: x@example.org', email: 'jan@example.org' } }),
      names,
      'nl',
      {
        status: 'planned',
        note: '<script>alert(1)</script> & <a href="https://evil.example">click</a>',
      },
    );
    assert.ok(!composed.html.includes('<script>'));
    assert.ok(!composed.html.includes('<a href'));
    assert.ok(
      composed.html.includes(
        '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;a href=&quot;https://evil.example&quot;&gt;',
      ),
    );
    assert.ok(composed.text.includes('<script>alert(1)</script>'), 'the text part shows it as typed');
    assert.ok(!/[\r\n]/.test(composed.subject));
    assert.ok(composed.text.includes('Beste Jan Bcc: x@example.org,'), 'the name is one line');
  });

  test('French writes the typographic apostrophe', () => {
    const { subject, text } = composeRequesterUpdateMail(mailFor(), names, 'fr', {
      status: 'declined',
      note: 'x',
    });
    assert.deepEqual(`${subject}\n${text}`.match(/\p{L}'\p{L}/gu) ?? [], []);
  });
});

describe("the zone team's e-mail links to the request in the inbox", () => {
  test('with a public URL: the link in the text and the HTML, in every language', () => {
    const url = inboxRequestUrl(PUBLIC_URL, REQUEST_ID);
    assert.equal(url, `${PUBLIC_URL}/inbox/requests/${REQUEST_ID}`);
    for (const language of LANGUAGES) {
      const texts = MAIL_TEXTS[language].zoneTeam;
      const composed = composeZoneTeamMail(mailFor(), names, language, url);
      assert.ok(composed.text.includes(texts.inboxLink(url)), language);
      assert.ok(composed.text.includes(texts.footerLinked));
      assert.ok(!composed.text.includes(texts.footer));
      assert.ok(composed.html.includes(`<a href="${url}">${url}</a>`));
    }
  });

  test('without one: no link, and the footer says to follow it up in Carezone, as before', () => {
    const composed = composeZoneTeamMail(mailFor(), names, 'nl');
    assert.ok(!composed.text.includes('/inbox/'));
    assert.ok(!composed.html.includes('<a '));
    assert.ok(composed.text.includes(MAIL_TEXTS.nl.zoneTeam.footer));
  });
});

const TEAM_INBOX = 'team-sud@example.org';
const INBOXES: InboxSettings = { zoneInboxes: new Map([['bxl-sud', [TEAM_INBOX]]]), notifyTo: [] };
let keys = 0;

async function storeRequest(storage: Storage, overrides: Parameters<typeof sampleInput>[0] = {}) {
  const outcome = await createSessionRequest(storage, {
    input: withoutBotFields(sampleInput(overrides)),
    idempotencyKey: `key-update-${String(++keys).padStart(10, '0')}`,
  });
  assert.ok(outcome.kind === 'created');
  return outcome.created;
}

function deliverySuite(target: StorageTarget) {
  describe(`requester updates and e-mail states on ${target.kind}`, () => {
    const fresh = freshStorages(target);
    let directory: ZoneDirectory;
    const folders: string[] = [];
    before(async () => {
      directory = await loadZoneDirectory([BUILTIN_PACK_DIR]);
    });
    after(async () => {
      for (const dir of folders) await rm(dir, { recursive: true, force: true });
    });
    const dispatcherFor = (
      storage: Storage,
      transport: Parameters<typeof createOutboxDispatcher>[0]['transport'],
    ) =>
      createOutboxDispatcher({
        storage,
        directory,
        transport,
        inboxes: INBOXES,
        topics: DEFAULT_TOPICS,
        logger: memoryLogger().logger,
        publicUrl: PUBLIC_URL,
      });
    const updateRows = (storage: Storage, requestId: string) =>
      storage.db
        .selectFrom('outbox')
        .select(['payload'])
        .where('kind', '=', REQUESTER_UPDATE)
        .where('request_id', '=', requestId)
        .execute();

    test('planned and declined always queue a requester update; another change only when asked', async () => {
      const storage = await fresh();
      const planned = await storeRequest(storage);
      await changeSessionRequestStatus(storage, {
        id: planned.id,
        status: 'planned',
        visibleZone: null,
        notifyRequester: false,
      });
      assert.equal((await updateRows(storage, planned.id)).length, 1, 'planned: always');
      await changeSessionRequestStatus(storage, {
        id: planned.id,
        status: 'done',
        note: 'went well',
        visibleZone: null,
      });
      assert.equal((await updateRows(storage, planned.id)).length, 1, 'done: not unless asked');

      const declined = await storeRequest(storage);
      await changeSessionRequestStatus(storage, {
        id: declined.id,
        status: 'declined',
        note: 'internal',
        visibleZone: null,
      });
      assert.deepEqual(
        (await updateRows(storage, declined.id)).map((row) => JSON.parse(row.payload)),
        [{ requestId: declined.id, seq: 1, withNote: false }],
        'declined: always, the internal note not sent',
      );

      const done = await storeRequest(storage);
      await changeSessionRequestStatus(storage, {
        id: done.id,
        status: 'planned',
        note: 'Tue 10:00',
        noteToRequester: true,
        visibleZone: null,
      });
      await changeSessionRequestStatus(storage, {
        id: done.id,
        status: 'done',
        visibleZone: null,
        notifyRequester: true,
      });
      assert.deepEqual(
        (await updateRows(storage, done.id))
          .map((row) => JSON.parse(row.payload))
          .sort((a, b) => a.seq - b.seq),
        [
          { requestId: done.id, seq: 1, withNote: true },
          { requestId: done.id, seq: 2, withNote: false },
        ],
      );

      const noteOnly = await storeRequest(storage);
      await changeSessionRequestStatus(storage, { id: noteOnly.id, status: 'planned', visibleZone: null });
      await changeSessionRequestStatus(storage, {
        id: noteOnly.id,
        status: 'done',
        note: 'Thanks!',
        noteToRequester: true,
        visibleZone: null,
      });
      assert.equal((await updateRows(storage, noteOnly.id)).length, 2, 'sending the note implies an e-mail');
    });

    test('a refused change queues nothing', async () => {
      const storage = await fresh();
      const request = await storeRequest(storage);
      const outcome = await changeSessionRequestStatus(storage, {
        id: request.id,
        status: 'done',
        visibleZone: null,
        notifyRequester: true,
      });
      assert.equal(outcome.kind, 'invalid-transition');
      assert.equal((await updateRows(storage, request.id)).length, 0);
    });

    test('the e-mails go out as .eml files: the team links to the inbox, the requester reads the news in the form language', async () => {
      const storage = await fresh();
      const dir = await mkdtemp(join(tmpdir(), 'carezone-update-mail-'));
      folders.push(dir);
      const request = await storeRequest(storage, { locale: 'de', language: 'fr' });
      await changeSessionRequestStatus(storage, {
        id: request.id,
        status: 'planned',
        note: 'Dienstag, 14. März, 10 Uhr <b>Raum 2</b>',
        noteToRequester: true,
        visibleZone: 'bxl-sud',
      });
      assert.deepEqual(
        (await mailsOfSessionRequest(storage.db, request.id)).map(({ kind, state, attempts }) => [
          kind,
          state,
          attempts,
        ]),
        [
          ['team', 'queued', 0],
          ['confirmation', 'queued', 0],
          ['requester-update', 'queued', 0],
        ],
      );
      const dispatcher = dispatcherFor(
        storage,
        createFolderTransport({ dir, from: 'Carezone <noreply@example.org>' }),
      );
      assert.deepEqual(await dispatcher.runOnce(), { delivered: 3, dropped: 0, failed: 0 });

      const rows = await storage.db
        .selectFrom('outbox')
        .select(['id', 'kind'])
        .where('request_id', '=', request.id)
        .execute();
      const file = async (kind: string) => {
        const row = rows.find((candidate) => candidate.kind === kind);
        assert.ok(row);
        return parseEml(await readFile(join(dir, `${row.id}.eml`), 'utf8'));
      };
      const team = await file('session-request.notify-zone');
      const link = `${PUBLIC_URL}/inbox/requests/${request.id}`;
      assert.ok(
        team.text.includes(MAIL_TEXTS.fr.zoneTeam.inboxLink(link)),
        'the team reads the session language, with the link',
      );
      assert.ok(team.html?.includes(`href="${link}"`));

      const update = await file(REQUESTER_UPDATE);
      assert.equal(update.headers.to, sampleInput().contact.email);
      assert.equal(update.headers['reply-to'], TEAM_INBOX);
      assert.equal(update.headers['content-language'], 'de');
      assert.equal(update.headers.subject, MAIL_TEXTS.de.requesterUpdate.subject(request.reference));
      assert.ok(
        update.text.includes(
          MAIL_TEXTS.de.requesterUpdate.status.planned(
            pickText(directory.zone('bxl-sud')?.name ?? {}, 'de') ?? '',
          ),
        ),
      );
      assert.ok(update.text.includes('Dienstag, 14. März, 10 Uhr <b>Raum 2</b>'));
      assert.ok(update.html?.includes('Dienstag, 14. März, 10 Uhr &lt;b&gt;Raum 2&lt;/b&gt;'));

      const mails = await mailsOfSessionRequest(storage.db, request.id);
      assert.deepEqual(
        mails.map(({ kind, state, attempts, lastError }) => [kind, state, attempts, lastError]),
        [
          ['team', 'sent', 1, null],
          ['confirmation', 'sent', 1, null],
          ['requester-update', 'sent', 1, null],
        ],
      );
    });

    test('a failing delivery shows as failing, with the error and the attempts', async () => {
      const storage = await fresh();
      const request = await storeRequest(storage);
      const transport = fakeTransport('smtp', () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNREFUSED' });
      });
      assert.deepEqual(await dispatcherFor(storage, transport).runOnce(), {
        delivered: 0,
        dropped: 0,
        failed: 2,
      });
      const mails = await mailsOfSessionRequest(storage.db, request.id);
      assert.deepEqual(
        mails.map(({ kind, state, attempts }) => [kind, state, attempts]),
        [
          ['team', 'failing', 1],
          ['confirmation', 'failing', 1],
        ],
      );
      for (const mail of mails) assert.match(mail.lastError ?? '', /ECONNREFUSED/);
    });
  });
}

deliverySuite(sqliteTarget());
deliverySuite(postgresTarget());
