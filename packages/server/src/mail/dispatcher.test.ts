import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Zone } from '@carezone/contract';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
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
import { createOutboxDispatcher, type DispatcherOptions } from './dispatcher.js';
import { createFolderTransport } from './folder-transport.js';
import type { InboxSettings } from './mail-settings.js';
import { fakeTransport } from './test-helpers/fake-transport.js';
import { parseEml } from './test-helpers/parse-eml.js';
import { sampleRequest, seedRequest } from './test-helpers/seed-request.js';
import { MAIL_TEXTS } from './texts/index.js';
import type { MailTransport } from './transport.js';

const START = new Date('2026-03-02T09:00:00.000Z');
const TEAM_INBOX = 'team-sud@example.org';
const INBOXES: InboxSettings = { zoneInboxes: new Map([['bxl-sud', [TEAM_INBOX]]]), notifyTo: [] };
const MINUTE = 60_000;

/** A clock the test moves by hand, so backoff can be checked without waiting. */
function manualClock(start = START) {
  let time = start.getTime();
  return {
    now: () => new Date(time),
    advance: (ms: number) => {
      time += ms;
    },
  };
}

function dispatcherSuite(target: StorageTarget) {
  describe(`mail dispatcher on ${target.kind}`, () => {
    const openFresh = freshStorages(target);
    const folders: string[] = [];
    let directory: ZoneDirectory;

    const freshFolder = async () => {
      const dir = await mkdtemp(join(tmpdir(), 'carezone-mail-'));
      folders.push(dir);
      return dir;
    };
    const dispatcherFor = (
      storage: Storage,
      transport: MailTransport,
      extra: Partial<DispatcherOptions> = {},
    ) =>
      createOutboxDispatcher({
        storage,
        directory,
        transport,
        inboxes: INBOXES,
        topics: DEFAULT_TOPICS,
        logger: memoryLogger().logger,
        ...extra,
      });
    const outboxRow = (storage: Storage, id: string) =>
      storage.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    before(async () => {
      directory = await loadZoneDirectory([BUILTIN_PACK_DIR]);
    });
    after(async () => {
      for (const dir of folders) await rm(dir, { recursive: true, force: true });
    });

    test('writes both e-mails of a stored request as .eml files, once', async () => {
      const storage = await openFresh();
      const dir = await freshFolder();
      const clock = manualClock();
      const seeded = await seedRequest(storage.db, sampleRequest(), clock.now());
      const transport = createFolderTransport({ dir, from: 'Carezone <noreply@example.org>' });
      const dispatcher = dispatcherFor(storage, transport, { now: clock.now });

      assert.deepEqual(await dispatcher.runOnce(), { delivered: 2, dropped: 0, failed: 0 });
      assert.deepEqual(
        (await readdir(dir)).sort(),
        [`${seeded.confirmRequesterId}.eml`, `${seeded.notifyZoneId}.eml`].sort(),
      );

      const team = parseEml(await readFile(join(dir, `${seeded.notifyZoneId}.eml`), 'utf8'));
      assert.equal(team.headers.to, TEAM_INBOX);
      assert.equal(team.headers['reply-to'], 'eloise.dupont@example.org');
      assert.equal(team.headers['message-id'], `<${seeded.notifyZoneId}@example.org>`);
      // A bilingual session: the team reads the requester's language.
      assert.equal(team.headers['content-language'], 'fr');
      assert.match(team.headers.subject ?? '', new RegExp(`${seeded.reference}.*CPAS de Forest`));
      for (const entered of [
        seeded.reference,
        'Sud',
        'CPAS de Forest',
        'Service social communal ou CPAS',
        'Éloïse Dupont',
        'eloise.dupont@example.org',
        '+32 2 555 01 23',
        'Diabète, Soins palliatifs, Autre thème',
        'Santé des aînés',
        'Sur place, dans l’organisation',
        'Printemps 2026',
        'Nombre de participants attendu\u00a0: 25',
        'Bilingue (néerlandais et français)',
        'Bonjour,\nNous aimerions une séance pour notre équipe.',
      ]) {
        assert.ok(team.text.includes(entered), `the team's e-mail shows ${JSON.stringify(entered)}`);
      }
      assert.ok(team.html?.includes('CPAS de Forest'));

      const confirmation = parseEml(await readFile(join(dir, `${seeded.confirmRequesterId}.eml`), 'utf8'));
      assert.equal(confirmation.headers.to, 'eloise.dupont@example.org');
      assert.equal(confirmation.headers['reply-to'], TEAM_INBOX);
      assert.equal(confirmation.headers['content-language'], 'fr');
      assert.equal(confirmation.headers.subject, MAIL_TEXTS.fr.requester.subject(seeded.reference));
      assert.ok(confirmation.text.includes(MAIL_TEXTS.fr.requester.referenceLine(seeded.reference)));
      assert.ok(confirmation.text.includes(MAIL_TEXTS.fr.requester.nextSteps('Sud')));

      for (const id of [seeded.notifyZoneId, seeded.confirmRequesterId]) {
        const row = await outboxRow(storage, id);
        assert.equal(row.delivered_at, START.toISOString());
        assert.equal(row.attempts, 1);
        assert.equal(row.last_error, null);
      }
      clock.advance(24 * 60 * MINUTE);
      assert.deepEqual(await dispatcher.runOnce(), { delivered: 0, dropped: 0, failed: 0 });
      assert.equal((await readdir(dir)).length, 2);
    });

    test('writes the confirmation in the session language without a locale, else in Dutch', async () => {
      const storage = await openFresh();
      const transport = fakeTransport();
      const german = await seedRequest(storage.db, sampleRequest({ locale: undefined, language: 'de' }));
      const bilingual = await seedRequest(
        storage.db,
        sampleRequest({ locale: undefined, language: 'bilingual' }),
      );
      await dispatcherFor(storage, transport).runOnce();
      const languageOf = (id: string) => transport.sent.find((mail) => mail.id === id)?.language;
      assert.equal(languageOf(german.confirmRequesterId), 'de');
      assert.equal(languageOf(bilingual.confirmRequesterId), 'nl');
    });

    test('retries a failing transport with growing, jittered delays, keeping no address in last_error', async () => {
      const storage = await openFresh();
      const clock = manualClock();
      const seeded = await seedRequest(storage.db, sampleRequest(), clock.now());
      const transport = fakeTransport('smtp', (mail, call) => {
        if (call <= 4) {
          throw Object.assign(
            new Error(`Can't send mail: 550 5.1.1 <${mail.to[0]}>: Recipient address rejected`),
            {
              code: 'EENVELOPE',
              responseCode: 550,
            },
          );
        }
      });
      const dispatcher = dispatcherFor(storage, transport, { now: clock.now, random: () => 0.5 });

      assert.deepEqual(await dispatcher.runOnce(), { delivered: 0, dropped: 0, failed: 2 });
      let row = await outboxRow(storage, seeded.confirmRequesterId);
      assert.equal(row.attempts, 1);
      assert.equal(row.delivered_at, null);
      assert.equal(
        row.last_error,
        "EENVELOPE 550: Can't send mail: 550 5.1.1 <<address>>: Recipient address rejected",
      );
      // 1 min with "equal jitter" at random 0.5: 45 s.
      assert.equal(row.next_attempt_at, new Date(START.getTime() + 45_000).toISOString());

      clock.advance(30_000);
      assert.deepEqual(await dispatcher.runOnce(), { delivered: 0, dropped: 0, failed: 0 }, 'not due yet');
      clock.advance(15_000);
      assert.deepEqual(await dispatcher.runOnce(), { delivered: 0, dropped: 0, failed: 2 });
      row = await outboxRow(storage, seeded.confirmRequesterId);
      assert.equal(row.attempts, 2);
      // The second delay doubles: 2 min at 0.5 → 90 s.
      assert.equal(row.next_attempt_at, new Date(START.getTime() + 45_000 + 90_000).toISOString());

      clock.advance(90_000);
      assert.deepEqual(await dispatcher.runOnce(), { delivered: 2, dropped: 0, failed: 0 });
      row = await outboxRow(storage, seeded.confirmRequesterId);
      assert.equal(row.attempts, 3);
      assert.equal(row.last_error, null);
      assert.notEqual(row.delivered_at, null);
      assert.equal(transport.sent.length, 2);
    });

    test('gives up after the maximum number of attempts and logs an error without personal data', async () => {
      const storage = await openFresh();
      const clock = manualClock();
      const seeded = await seedRequest(storage.db, sampleRequest(), clock.now());
      const capture = memoryLogger();
      const transport = fakeTransport('smtp', () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:25');
      });
      const dispatcher = dispatcherFor(storage, transport, {
        now: clock.now,
        maxAttempts: 3,
        logger: capture.logger,
      });
      for (let round = 0; round < 6; round++) {
        await dispatcher.runOnce();
        clock.advance(7 * 60 * 60_000);
      }
      assert.equal(transport.calls, 6, 'two rows, three attempts each');
      const row = await outboxRow(storage, seeded.notifyZoneId);
      assert.equal(row.attempts, 3);
      assert.equal(row.delivered_at, null);
      const givenUp = capture.entries.filter((line) => line.msg === 'mail delivery given up');
      assert.equal(givenUp.length, 2);
      assert.equal(givenUp[0]?.level, 50);
      assert.equal(givenUp[0]?.reference, seeded.reference);
      const logs = capture.text();
      for (const personal of [
        'Éloïse',
        'Dupont',
        'eloise.dupont@example.org',
        'CPAS de Forest',
        '555 01 23',
        'Bonjour',
      ]) {
        assert.ok(!logs.includes(personal), `the logs do not contain ${personal}`);
      }
    });

    test('drops the e-mails of a request purged before they went out, with a note', async () => {
      const storage = await openFresh();
      const seeded = await seedRequest(storage.db);
      await storage.db.deleteFrom('session_requests').where('id', '=', seeded.id).execute();
      const transport = fakeTransport();
      assert.deepEqual(await dispatcherFor(storage, transport).runOnce(), {
        delivered: 0,
        dropped: 2,
        failed: 0,
      });
      assert.equal(transport.calls, 0);
      const row = await outboxRow(storage, seeded.notifyZoneId);
      assert.notEqual(row.delivered_at, null);
      assert.match(row.last_error ?? '', /^dropped: /);
    });

    test('a zone with no known inbox: SMTP keeps the row undelivered, a folder writes it without To', async () => {
      const storage = await openFresh();
      const request = sampleRequest({ zone: 'bxl-nord' });
      const viaSmtp = await seedRequest(storage.db, request);
      const capture = memoryLogger();
      const smtp = fakeTransport('smtp');
      assert.deepEqual(await dispatcherFor(storage, smtp, { logger: capture.logger }).runOnce(), {
        delivered: 1,
        dropped: 0,
        failed: 1,
      });
      const undelivered = await outboxRow(storage, viaSmtp.notifyZoneId);
      assert.equal(undelivered.delivered_at, null);
      assert.equal(undelivered.last_error, 'no inbox for zone bxl-nord');
      assert.ok(capture.entries.some((line) => line.level === 40 && line.zone === 'bxl-nord'));
      assert.deepEqual(
        smtp.sent.map((mail) => mail.id),
        [viaSmtp.confirmRequesterId],
        'the requester is still confirmed',
      );

      const dir = await freshFolder();
      const other = await openFresh();
      const viaFolder = await seedRequest(other.db, request);
      const folder = createFolderTransport({ dir, from: 'noreply@example.org' });
      await dispatcherFor(other, folder).runOnce();
      const written = parseEml(await readFile(join(dir, `${viaFolder.notifyZoneId}.eml`), 'utf8'));
      assert.equal(written.headers.to, undefined);
      assert.ok(written.text.includes(viaFolder.reference));
      const row = await outboxRow(other, viaFolder.notifyZoneId);
      assert.notEqual(row.delivered_at, null);
      assert.equal(row.last_error, 'written without recipient: no inbox for zone bxl-nord');
    });

    test("uses the operator's zone inbox first, then the zone pack's address, then the network's", async () => {
      const storage = await openFresh();
      const withEmail: Pick<ZoneDirectory, 'zone'> = {
        zone: (id) => {
          const zone = directory.zone(id);
          // bxl-sud has an operator inbox as well: the operator's choice wins over the pack.
          return zone && (id === 'bxl-nord-est' || id === 'bxl-sud')
            ? ({ ...zone, contact: { ...zone.contact, email: 'pack@example.org' } } satisfies Zone)
            : zone;
        },
      };
      const fromPack = await seedRequest(storage.db, sampleRequest({ zone: 'bxl-nord-est' }));
      const fromZoneInbox = await seedRequest(storage.db, sampleRequest({ zone: 'bxl-sud' }));
      const fromNetwork = await seedRequest(storage.db, sampleRequest({ zone: 'bxl-nord' }));
      const transport = fakeTransport();
      await dispatcherFor(storage, transport, {
        directory: withEmail,
        inboxes: { ...INBOXES, notifyTo: ['network@example.org'] },
      }).runOnce();
      const recipientsOf = (id: string) => transport.sent.find((mail) => mail.id === id)?.to;
      assert.deepEqual(recipientsOf(fromPack.notifyZoneId), ['pack@example.org']);
      assert.deepEqual(recipientsOf(fromZoneInbox.notifyZoneId), [TEAM_INBOX]);
      assert.deepEqual(recipientsOf(fromNetwork.notifyZoneId), ['network@example.org']);
    });

    test('two dispatchers at once deliver every e-mail exactly once', async () => {
      const [first, second] = await openFresh.twoOnOneDatabase();
      const seeded = [];
      for (let i = 0; i < 25; i++) seeded.push(await seedRequest(first.db));
      const sends = new Map<string, number>();
      const slowTransport = () =>
        fakeTransport('smtp', async (mail) => {
          sends.set(mail.id, (sends.get(mail.id) ?? 0) + 1);
          await sleep(2);
        });
      const [a, b] = [slowTransport(), slowTransport()];
      const summaries = await Promise.all([
        dispatcherFor(first, a, { batchSize: 3 }).runOnce(),
        dispatcherFor(second, b, { batchSize: 3 }).runOnce(),
      ]);
      assert.equal(sends.size, 50);
      assert.deepEqual(
        [...sends.values()].filter((count) => count !== 1),
        [],
        'no e-mail was sent twice',
      );
      assert.equal((summaries[0]?.delivered ?? 0) + (summaries[1]?.delivered ?? 0), 50);
      assert.ok(a.sent.length > 0 && b.sent.length > 0, 'both dispatchers did part of the work');
      const { count } = await first.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('delivered_at', 'is', null)
        .executeTakeFirstOrThrow();
      assert.equal(Number(count), 0);
    });

    test('started, it delivers a nudged request at once, and stops cleanly', async () => {
      const storage = await openFresh();
      const transport = fakeTransport();
      const dispatcher = dispatcherFor(storage, transport, { pollIntervalMs: 60 * MINUTE });
      dispatcher.start();
      await sleep(50);
      const seeded = await seedRequest(storage.db);
      dispatcher.nudge();
      for (let waited = 0; transport.sent.length < 2 && waited < 5000; waited += 20) await sleep(20);
      assert.deepEqual(
        transport.sent.map((mail) => mail.id).sort(),
        [seeded.notifyZoneId, seeded.confirmRequesterId].sort(),
      );
      await dispatcher.stop();
      const after = await seedRequest(storage.db);
      dispatcher.nudge();
      await sleep(100);
      assert.ok(
        !transport.sent.some((mail) => mail.id === after.notifyZoneId),
        'a stopped dispatcher sends nothing',
      );
    });
  });
}

dispatcherSuite(sqliteTarget());
dispatcherSuite(postgresTarget());
