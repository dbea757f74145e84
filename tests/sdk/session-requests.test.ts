// The SDK's session-request and topic calls against the real server over real HTTP: a visitor's
// request goes in, a zone team's token reads and moves it on, another zone's token cannot.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type CarezoneClient, createClient, isApiError, type SessionRequestInput } from '@carezone/sdk';
import { createLogger, type RunningServer, startServer } from '@carezone/server';
import { createStaffToken, revokeStaffToken } from '../../packages/server/src/staff/tokens.js';

let server: RunningServer;
let visitor: CarezoneClient;
let sudTeam: CarezoneClient;
let nordTeam: CarezoneClient;
let revokedId: string;
let revokedToken: string;
let sudTokenText: string;

before(async () => {
  // The built-in Brussels pack; rate limits stay at their defaults, far above this suite.
  server = await startServer({ port: 0, dataDir: ':memory:', logger: createLogger('silent') });
  const tokenFor = async (zone: string) =>
    (await createStaffToken(server.storage.db, { zone, label: zone })).token;
  visitor = createClient({ baseUrl: server.url, retry: 0 });
  sudTokenText = await tokenFor('bxl-sud');
  sudTeam = createClient({ baseUrl: server.url, retry: 0, token: sudTokenText });
  nordTeam = createClient({ baseUrl: server.url, retry: 0, token: await tokenFor('bxl-nord') });
  ({ id: revokedId, token: revokedToken } = await createStaffToken(server.storage.db, {
    zone: 'bxl-sud',
    label: 'old laptop',
  }));
  await revokeStaffToken(server.storage.db, revokedId);
});
after(() => server.close());

const request: SessionRequestInput = {
  organisation: { name: 'Wijkgezondheidscentrum Elsene', kind: 'health-service' },
  zone: 'bxl-sud',
  contact: { name: 'Sara Janssens', email: 'sara@example.org', phone: '+32 2 555 01 23' },
  topics: ['diabetes', 'mental-health'],
  format: 'on-site',
  participants: 12,
  language: 'bilingual',
  locale: 'nl',
  message: 'Voor ons team van verpleegkundigen.',
  consent: true,
};

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (isApiError(error) ? error.code : String(error)),
  );

describe('topics and session requests against the real server', () => {
  test('topics.list gives labels in the four languages', async () => {
    const topics = await visitor.topics.list();
    const diabetes = topics.find((topic) => topic.id === 'diabetes');
    assert.ok(diabetes, 'the default list has diabetes');
    for (const topic of topics) {
      for (const lang of ['nl', 'fr', 'en', 'de'] as const)
        assert.ok(topic.label[lang], `${topic.id} ${lang}`);
    }
  });

  test('create stores the request; the same key replays it; the zone team reads and plans it', async () => {
    const created = await visitor.sessionRequests.create(request, { idempotencyKey: 'sdk-suite-key-000001' });
    assert.equal(created.status, 'received');
    assert.match(created.reference, /\S/);
    const replay = await visitor.sessionRequests.create(request, { idempotencyKey: 'sdk-suite-key-000001' });
    assert.deepEqual(replay, created);

    const stored = await sudTeam.sessionRequests.get(created.id);
    assert.deepEqual(stored.request.contact, request.contact);
    assert.deepEqual(stored.request.topics, request.topics);
    assert.equal(stored.reference, created.reference);

    const page = await sudTeam.sessionRequests.list({ zone: 'bxl-sud' });
    assert.deepEqual(
      page.data.map((entry) => entry.id),
      [created.id],
    );

    const planned = await sudTeam.sessionRequests.update(created.id, {
      status: 'planned',
      note: '14 January, 14:00',
    });
    assert.equal(planned.status, 'planned');
    assert.deepEqual(
      planned.history.map((entry) => [entry.status, entry.note]),
      [
        ['received', null],
        ['planned', '14 January, 14:00'],
      ],
    );
  });

  test('the same key with another body is a conflict', async () => {
    await visitor.sessionRequests.create(request, { idempotencyKey: 'sdk-suite-key-000002' });
    const changed = { ...request, participants: 30 };
    assert.equal(
      await codeOf(visitor.sessionRequests.create(changed, { idempotencyKey: 'sdk-suite-key-000002' })),
      'CONFLICT',
    );
  });

  test('a wrong field is a validation problem naming the field', async () => {
    const error = await visitor.sessionRequests
      .create({ ...request, contact: { ...request.contact, email: 'not an address' } })
      .catch((caught: unknown) => caught);
    assert.ok(isApiError(error));
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.ok(error.errors.some((entry) => entry.path === 'contact.email'));
  });

  test('another zone’s token, a missing token and a revoked one are refused', async () => {
    const created = await visitor.sessionRequests.create(request);
    assert.equal(await codeOf(nordTeam.sessionRequests.get(created.id)), 'NOT_FOUND');
    assert.equal(await codeOf(nordTeam.sessionRequests.list({ zone: 'bxl-sud' })), 'FORBIDDEN');
    assert.equal(await codeOf(visitor.sessionRequests.list({ zone: 'bxl-sud' })), 'UNAUTHORIZED');
    const revoked = createClient({ baseUrl: server.url, retry: 0, token: revokedToken });
    assert.equal(await codeOf(revoked.sessionRequests.get(created.id)), 'UNAUTHORIZED');
  });

  test('pages walks every page of a zone', async () => {
    for (let index = 0; index < 5; index++)
      await visitor.sessionRequests.create({ ...request, zone: 'bxl-nord', participants: index + 1 });
    const seen: number[] = [];
    for await (const page of nordTeam.sessionRequests.pages({ zone: 'bxl-nord', limit: 2 }))
      seen.push(...page.data.map((entry) => entry.request.participants ?? 0));
    assert.deepEqual(seen, [5, 4, 3, 2, 1]);
  });
});

describe('the inbox calls against the real server', () => {
  test('get answers who made each change and the e-mails; update tells the requester', async () => {
    const created = await visitor.sessionRequests.create({ ...request, participants: 40 });
    const fresh = await sudTeam.sessionRequests.get(created.id);
    assert.deepEqual(
      fresh.mails.map((mail) => [mail.kind, mail.state]),
      [
        ['team', 'queued'],
        ['confirmation', 'queued'],
      ],
    );
    const planned = await sudTeam.sessionRequests.update(created.id, {
      status: 'planned',
      note: 'Thursday 9:30',
      noteToRequester: true,
    });
    assert.deepEqual(
      planned.history.map((entry) => [entry.status, entry.by]),
      [
        ['received', null],
        ['planned', 'bxl-sud'],
      ],
    );
    assert.deepEqual(
      planned.mails.map((mail) => mail.kind),
      ['team', 'confirmation', 'requester-update'],
    );
    const done = await sudTeam.sessionRequests.update(created.id, { status: 'done', notifyRequester: true });
    assert.equal(done.mails.filter((mail) => mail.kind === 'requester-update').length, 2);
  });

  test('list filters by topic, day and text; export gives the same requests as CSV', async () => {
    const mine = await visitor.sessionRequests.create({
      ...request,
      topics: ['prevention'],
      organisation: { name: 'Maison de Quartier Écluse', kind: 'welfare-service' },
    });
    await visitor.sessionRequests.create({ ...request, topics: ['prevention'], zone: 'bxl-nord' });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
    const filters = { topic: 'prevention', from: today, to: today, q: 'ecluse' };
    const page = await sudTeam.sessionRequests.list(filters);
    assert.deepEqual(
      page.data.map((entry) => entry.id),
      [mine.id],
    );
    assert.deepEqual(
      (await sudTeam.sessionRequests.list({ ...filters, to: '2000-01-01', from: undefined })).data,
      [],
    );

    const csv = await sudTeam.sessionRequests.export({ ...filters, lang: 'en' });
    assert.ok(csv.startsWith('\uFEFFReference,ID,'), csv.slice(0, 40));
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines.length, 2, 'the header and one request');
    assert.ok(lines[1]?.includes(mine.id));
    assert.ok(lines[1]?.includes('Maison de Quartier Écluse'));
    assert.ok(lines[1]?.includes('Prevention'), 'topics as labels in the language asked');
    assert.equal(await codeOf(nordTeam.sessionRequests.export({ zone: 'bxl-sud' })), 'FORBIDDEN');
    assert.equal(await codeOf(visitor.sessionRequests.export()), 'UNAUTHORIZED');

    // The link a page in a browser with a staff session would offer: the same file.
    const query = new URLSearchParams({ ...filters, lang: 'en' });
    const response = await fetch(`${server.url}/v1/session-requests/export?${query}`, {
      headers: { authorization: `Bearer ${sudTokenText}` },
    });
    assert.equal(response.status, 200);
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /^attachment; filename="carezone-requests-bxl-sud-/,
    );
    assert.equal(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()), csv);
  });
});
