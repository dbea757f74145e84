import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { DEFAULT_TOPICS } from '../session-requests/topics.js';
import { openStorage } from '../storage/open-storage.js';
import type { Storage } from '../storage/storage.js';
import { memoryLogger } from '../test-helpers/memory-logger.js';
import { loadZoneDirectory } from '../zones/load-zone-directory.js';
import type { ZoneDirectory } from '../zones/zone-directory.js';
import { createOutboxDispatcher } from './dispatcher.js';
import { mailSettingsFromEnv } from './mail-settings.js';
import { createMailTransport } from './start-mail.js';
import { parseEml } from './test-helpers/parse-eml.js';
import { sampleRequest, seedRequest } from './test-helpers/seed-request.js';
import { MAIL_TEXTS } from './texts/index.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free loopback port; `refuse` makes it reject recipients for a while. */
async function startSmtpServer() {
  const received: Received[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address: SMTPServerAddress, _session, callback) {
      if (!state.refuse) return callback();
      callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('mail over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let storage: Storage;
  let directory: ZoneDirectory;

  before(async () => {
    smtp = await startSmtpServer();
    storage = await openStorage({ dataDir: ':memory:' });
    directory = await loadZoneDirectory([BUILTIN_PACK_DIR]);
  });
  after(async () => {
    await storage.close();
    await smtp.close();
  });

  const dispatcherFromEnv = (now?: () => Date) => {
    const settings = mailSettingsFromEnv(
      {
        CAREZONE_SMTP_URL: smtp.url,
        CAREZONE_MAIL_FROM: 'Carezone Brussel <carezone@example.org>',
        CAREZONE_ZONE_INBOXES: 'bxl-sud=zuid@example.org,bxl-sud=sud@example.org,bxl-nord=noord@example.org',
      },
      ':memory:',
    );
    const transport = createMailTransport(settings);
    assert.equal(transport.kind, 'smtp');
    const dispatcher = createOutboxDispatcher({
      storage,
      directory,
      transport,
      inboxes: settings.inboxes,
      topics: DEFAULT_TOPICS,
      logger: memoryLogger().logger,
      ...(now ? { now } : {}),
    });
    return { dispatcher, transport };
  };

  test('both messages arrive with the right recipients and content', async () => {
    smtp.received.length = 0;
    const seeded = await seedRequest(storage.db, sampleRequest({ locale: 'en', language: 'nl' }));
    const { dispatcher, transport } = dispatcherFromEnv();
    try {
      assert.deepEqual(await dispatcher.runOnce(), { delivered: 2, dropped: 0, failed: 0 });
    } finally {
      transport.close();
    }
    assert.equal(smtp.received.length, 2);
    const byRecipient = new Map(smtp.received.map((message) => [message.to.join(','), message]));

    const team = byRecipient.get('zuid@example.org,sud@example.org');
    assert.ok(team, 'the zone team got its e-mail at both configured addresses');
    assert.equal(team.from, 'carezone@example.org');
    const teamMail = parseEml(team.raw);
    // The session is in Dutch, so the team reads Dutch.
    assert.equal(teamMail.headers['content-language'], 'nl');
    assert.equal(
      teamMail.headers.subject,
      MAIL_TEXTS.nl.zoneTeam.subject(seeded.reference, 'CPAS de Forest'),
    );
    assert.ok(teamMail.text.includes('Contactpersoon: Éloïse Dupont'));
    assert.ok(teamMail.text.includes("Thema's: Diabetes, Palliatieve zorg, Ander thema"));

    const requester = byRecipient.get('eloise.dupont@example.org');
    assert.ok(requester, 'the requester got a confirmation');
    const confirmation = parseEml(requester.raw);
    assert.equal(confirmation.headers['content-language'], 'en');
    assert.equal(confirmation.headers.subject, `We have received your request (${seeded.reference})`);
    assert.ok(confirmation.text.includes('Dear Éloïse Dupont,'));
    assert.ok(confirmation.text.includes('team of care zone South'));
    assert.equal(confirmation.headers['message-id'], `<${seeded.confirmRequesterId}@example.org>`);
  });

  test('a server that refuses the recipients leads to a retry, not a loss', async () => {
    smtp.received.length = 0;
    let time = Date.parse('2026-05-04T08:00:00.000Z');
    const now = () => new Date(time);
    const seeded = await seedRequest(storage.db, sampleRequest({ zone: 'bxl-nord' }), now());
    const { dispatcher, transport } = dispatcherFromEnv(now);
    try {
      smtp.state.refuse = true;
      assert.deepEqual(await dispatcher.runOnce(), { delivered: 0, dropped: 0, failed: 2 });
      const refused = await storage.db
        .selectFrom('outbox')
        .selectAll()
        .where('id', '=', seeded.confirmRequesterId)
        .executeTakeFirstOrThrow();
      assert.equal(refused.delivered_at, null);
      assert.equal(refused.attempts, 1);
      assert.match(refused.last_error ?? '', /550/);
      assert.ok(!refused.last_error?.includes('eloise'), 'last_error holds no address');
      assert.ok(refused.next_attempt_at > now().toISOString(), 'a retry is scheduled');

      smtp.state.refuse = false;
      time += 2 * 60_000;
      assert.deepEqual(await dispatcher.runOnce(), { delivered: 2, dropped: 0, failed: 0 });
    } finally {
      smtp.state.refuse = false;
      transport.close();
    }
    assert.deepEqual(smtp.received.map((message) => message.to.join(',')).sort(), [
      'eloise.dupont@example.org',
      'noord@example.org',
    ]);
  });
});
