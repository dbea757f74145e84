import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type RunningServer, startServer } from '../server.js';
import { memoryLogger } from '../test-helpers/memory-logger.js';
import { mailSettingsFromEnv } from './mail-settings.js';
import { parseEml } from './test-helpers/parse-eml.js';
import { sampleRequest } from './test-helpers/seed-request.js';

test('a request posted to the server is mailed at once (a nudge, not the next poll), and close() stops cleanly', async () => {
  const data = await mkdtemp(join(tmpdir(), 'carezone-server-mail-'));
  const capture = memoryLogger();
  let server: RunningServer | undefined;
  try {
    server = await startServer({
      port: 0,
      dataDir: data,
      logger: capture.logger,
      mail: mailSettingsFromEnv({ CAREZONE_ZONE_INBOXES: 'bxl-sud=zuid@example.org' }, data),
    });
    // Let the first poll (at start) pass: what follows can only be sent because of the nudge.
    await sleep(200);
    const response = await fetch(`${server.url}/v1/session-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(16).toString('hex') },
      body: JSON.stringify({ ...sampleRequest({ locale: 'de' }), fillTimeMs: 20_000 }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    const { reference } = (await response.json()) as { reference: string };

    const dir = join(data, 'outbox-mail');
    let files: string[] = [];
    for (let waited = 0; files.length < 2 && waited < 3000; waited += 25) {
      await sleep(25);
      files = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.eml'));
    }
    assert.equal(files.length, 2, 'both e-mails were written within 3 s (the poll interval is 10 s)');
    const mails = await Promise.all(
      files.map(async (name) => parseEml(await readFile(join(dir, name), 'utf8'))),
    );
    const confirmation = mails.find((mail) => mail.headers.to === 'eloise.dupont@example.org');
    assert.equal(confirmation?.headers['content-language'], 'de');
    assert.equal(confirmation?.headers.subject, `Wir haben Ihre Anfrage erhalten (${reference})`);
    assert.ok(mails.some((mail) => mail.headers.to === 'zuid@example.org'));

    await server.close();
    server = undefined;
    assert.ok(!capture.text().includes('eloise.dupont@example.org'), 'no address in the logs');
    assert.ok(capture.entries.some((line) => line.msg === 'mail delivered' && line.reference === reference));
  } finally {
    await server?.close();
    await rm(data, { recursive: true, force: true });
  }
});

test("with CAREZONE_PUBLIC_URL the server's team e-mail links to the request in the inbox", async () => {
  const data = await mkdtemp(join(tmpdir(), 'carezone-server-mail-link-'));
  let server: RunningServer | undefined;
  try {
    server = await startServer({
      port: 0,
      dataDir: data,
      logger: memoryLogger().logger,
      publicUrl: 'https://zorgzones.example.be/',
      mail: mailSettingsFromEnv({ CAREZONE_ZONE_INBOXES: 'bxl-sud=zuid@example.org' }, data),
    });
    const response = await fetch(`${server.url}/v1/session-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(16).toString('hex') },
      body: JSON.stringify({ ...sampleRequest(), fillTimeMs: 20_000 }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    const { id } = (await response.json()) as { id: string };
    const dir = join(data, 'outbox-mail');
    let files: string[] = [];
    for (let waited = 0; files.length < 2 && waited < 3000; waited += 25) {
      await sleep(25);
      files = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.eml'));
    }
    const mails = await Promise.all(
      files.map(async (name) => parseEml(await readFile(join(dir, name), 'utf8'))),
    );
    const team = mails.find((mail) => mail.headers.to === 'zuid@example.org');
    const link = `https://zorgzones.example.be/inbox/requests/${id}`;
    assert.ok(team?.text.includes(link), 'the link in the text');
    assert.ok(team?.html?.includes(`<a href="${link}">`), 'the link in the HTML');
    const confirmation = mails.find((mail) => mail.headers.to === 'eloise.dupont@example.org');
    assert.ok(confirmation && !confirmation.text.includes('/inbox/'), 'the requester gets no staff link');
  } finally {
    await server?.close();
    await rm(data, { recursive: true, force: true });
  }
});
