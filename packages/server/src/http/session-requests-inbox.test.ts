import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SessionRequestCreated, SessionRequestDetail, SessionRequestPage } from '@carezone/contract';
import { parse } from 'csv-parse/sync';
import type { Hono } from 'hono';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { EXPORT_COLUMNS, exportHeaders, exportRequestsCsv } from '../session-requests/export-csv.js';
import { exportTexts } from '../session-requests/export-texts.js';
import { sampleInput } from '../session-requests/test-helpers/sample-input.js';
import { DEFAULT_TOPICS } from '../session-requests/topics.js';
import type { Storage } from '../storage/storage.js';
import { createTestApp } from '../test-helpers/app.js';
import { problemOf, staffRequest } from '../test-helpers/http.js';
import { postSessionRequest } from '../test-helpers/session-request-requests.js';
import { createTestStaffTokens, type TestStaffTokens } from '../test-helpers/staff-tokens.js';

let app: Hono;
let storage: Storage;
let close: () => Promise<void>;
let tokens: TestStaffTokens;

before(async () => {
  ({ app, storage, close } = await createTestApp([REFERENCE_PACK_DIR], {
    rateLimits: { perAddress: 'off', perZone: 'off' },
  }));
  tokens = await createTestStaffTokens(storage.db);
});
after(() => close());

const get = (path: string, token: string) => staffRequest(app, 'GET', path, token);
const patch = (id: string, body: unknown, token = tokens.sud) =>
  staffRequest(app, 'PATCH', `/v1/session-requests/${id}`, token, body);

async function newRequest(overrides: Parameters<typeof sampleInput>[0] = {}): Promise<string> {
  const response = await postSessionRequest(app, sampleInput(overrides));
  assert.equal(response.status, 201);
  return SessionRequestCreated.parse(await response.json()).id;
}

async function detailOf(response: Response): Promise<SessionRequestDetail> {
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  return SessionRequestDetail.parse(await response.json());
}

describe('the e-mails of a request (mails)', () => {
  test('GET of one request answers its e-mails, queued until the mailer sends them', async () => {
    const id = await newRequest();
    const request = await detailOf(await get(`/v1/session-requests/${id}`, tokens.sud));
    assert.deepEqual(
      request.mails.map(({ kind, state, attempts, lastError }) => [kind, state, attempts, lastError]),
      [
        ['team', 'queued', 0, null],
        ['confirmation', 'queued', 0, null],
      ],
    );
    assert.ok(request.mails.every((mail) => mail.at === request.createdAt));
  });

  test('the state follows the outbox: sent once delivered, failing with the error after a failed attempt', async () => {
    const id = await newRequest();
    const rows = await storage.db
      .selectFrom('outbox')
      .select(['id', 'kind'])
      .where('request_id', '=', id)
      .execute();
    const team = rows.find((row) => row.kind === 'session-request.notify-zone');
    const confirmation = rows.find((row) => row.kind === 'session-request.confirm-requester');
    assert.ok(team && confirmation);
    const sentAt = '2030-01-01T10:00:00.000Z';
    await storage.db
      .updateTable('outbox')
      .set({ delivered_at: sentAt, attempts: 1 })
      .where('id', '=', team.id)
      .execute();
    await storage.db
      .updateTable('outbox')
      .set({ attempts: 3, last_error: 'SMTP 421: service not available' })
      .where('id', '=', confirmation.id)
      .execute();
    const request = await detailOf(await get(`/v1/session-requests/${id}`, tokens.network));
    assert.deepEqual(request.mails, [
      { kind: 'team', state: 'sent', attempts: 1, lastError: null, at: sentAt },
      {
        kind: 'confirmation',
        state: 'failing',
        attempts: 3,
        lastError: 'SMTP 421: service not available',
        at: request.createdAt,
      },
    ]);
  });

  test('the list leaves mails out', async () => {
    const response = await get('/v1/session-requests', tokens.sud);
    const raw = (await response.clone().json()) as { data: Record<string, unknown>[] };
    assert.ok(raw.data.length > 0 && raw.data.every((request) => !('mails' in request)));
    SessionRequestPage.parse(await response.json());
  });
});

describe('PATCH tells the requester', () => {
  test('planned queues a requester update; the answer shows it with the history and who made it', async () => {
    const id = await newRequest();
    const request = await detailOf(
      await patch(id, { status: 'planned', note: 'Tue 10:00', noteToRequester: true }),
    );
    assert.deepEqual(
      request.mails.map((mail) => [mail.kind, mail.state]),
      [
        ['team', 'queued'],
        ['confirmation', 'queued'],
        ['requester-update', 'queued'],
      ],
    );
    assert.deepEqual(request.history.at(-1), {
      status: 'planned',
      note: 'Tue 10:00',
      at: request.updatedAt,
      by: 'Sud',
    });
    const row = await storage.db
      .selectFrom('outbox')
      .select('payload')
      .where('request_id', '=', id)
      .where('kind', '=', 'session-request.requester-update')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(row.payload), { requestId: id, seq: 1, withNote: true });
    assert.ok(!row.payload.includes('Tue 10:00'), 'the note stays in the history, not in the outbox');
  });

  test('done tells the requester only with notifyRequester', async () => {
    const id = await newRequest();
    await detailOf(await patch(id, { status: 'planned' }));
    const quiet = await detailOf(await patch(id, { status: 'done' }));
    assert.equal(quiet.mails.filter((mail) => mail.kind === 'requester-update').length, 1);
    const other = await newRequest();
    await detailOf(await patch(other, { status: 'planned' }));
    const told = await detailOf(await patch(other, { status: 'done', notifyRequester: true }));
    assert.equal(told.mails.filter((mail) => mail.kind === 'requester-update').length, 2);
  });

  test('the flags go with a status change; sending the note needs a note', async () => {
    const id = await newRequest();
    for (const [body, path] of [
      [{ possibleSpam: false, notifyRequester: true }, 'notifyRequester'],
      [{ possibleSpam: false, noteToRequester: false }, 'noteToRequester'],
      [{ status: 'planned', noteToRequester: true }, 'noteToRequester'],
      [{ status: 'planned', note: '  ', noteToRequester: true }, 'noteToRequester'],
      [{ status: 'planned', notifyRequester: 'yes' }, 'notifyRequester'],
    ] as const) {
      const problem = await problemOf(await patch(id, body), 422, JSON.stringify(body));
      assert.equal(problem.code, 'VALIDATION_FAILED');
      assert.deepEqual(
        problem.errors?.map((error) => error.path),
        [path],
      );
    }
    const unchanged = await detailOf(await get(`/v1/session-requests/${id}`, tokens.sud));
    assert.equal(unchanged.status, 'received');
    assert.equal(unchanged.mails.length, 2);
  });
});

describe('GET /v1/session-requests filters', () => {
  test('topic, from, to and q narrow the list; a zone token still sees only its zone', async () => {
    const mine = await newRequest({
      topics: ['palliative-care'],
      organisation: { name: 'Maison Médicale du Midi', kind: 'health-service' },
    });
    const theirs = await newRequest({
      zone: 'bxl-nord',
      topics: ['palliative-care'],
      organisation: { name: 'Maison médicale Nord', kind: 'health-service' },
    });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
    const ids = async (query: string, token = tokens.sud) => {
      const response = await get(`/v1/session-requests?${query}`, token);
      assert.equal(response.status, 200, query);
      return SessionRequestPage.parse(await response.json()).data.map((request) => request.id);
    };
    assert.deepEqual(await ids('topic=palliative-care'), [mine]);
    assert.deepEqual(await ids('topic=palliative-care', tokens.network), [theirs, mine]);
    assert.deepEqual(await ids('q=MAISON%20medicale', tokens.network), [theirs, mine]);
    assert.deepEqual(await ids(`q=medicale&from=${today}&to=${today}`), [mine]);
    assert.deepEqual(await ids('q=medicale&to=2000-01-01'), []);
  });

  test('a malformed or impossible date, or from after to, is 400 INVALID_QUERY naming it', async () => {
    for (const [query, path] of [
      ['from=2026-02-31', 'from'],
      ['to=03/02/2026', 'to'],
      ['from=2026-03-02&to=2026-03-01', 'to'],
      ['topic=Not%20a%20slug', 'topic'],
      [`q=${'x'.repeat(201)}`, 'q'],
    ] as const) {
      const problem = await problemOf(await get(`/v1/session-requests?${query}`, tokens.sud), 400, query);
      assert.equal(problem.code, 'INVALID_QUERY');
      assert.deepEqual(
        problem.errors?.map((error) => error.path),
        [path],
        query,
      );
    }
  });
});

describe('GET /v1/session-requests/export', () => {
  const csvOf = async (response: Response) => {
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    // text() would drop the byte order mark: read the bytes as they came.
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  };
  const rowsOf = (csv: string, delimiter = ',') =>
    parse(csv, { bom: true, delimiter, relax_column_count: false }) as string[][];

  test('the filtered requests of the zone, as the CLI writes them, as an attachment', async () => {
    const hostile = await newRequest({
      topics: ['addiction'],
      organisation: { name: '=HYPERLINK("https://evil.example","click")', kind: 'other' },
    });
    const plain = await newRequest({
      topics: ['addiction'],
      organisation: { name: 'Wijkhuis Zuid', kind: 'other' },
    });
    await newRequest({ zone: 'bxl-nord', topics: ['addiction'] });
    const response = await get('/v1/session-requests/export?topic=addiction&lang=fr', tokens.sud);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
    assert.equal(
      response.headers.get('content-disposition'),
      `attachment; filename="carezone-requests-bxl-sud-${today}.csv"`,
    );
    const csv = await csvOf(response);
    assert.ok(csv.startsWith('\uFEFF'), 'a byte order mark for spreadsheets');
    const expected = await exportRequestsCsv(storage.db, {
      zone: 'bxl-sud',
      topic: 'addiction',
      language: 'fr',
      topics: DEFAULT_TOPICS,
    });
    assert.equal(csv, expected.csv, 'the same bytes as `carezone requests export`');
    const [header, ...rows] = rowsOf(csv);
    const headers = exportHeaders(exportTexts('fr'));
    assert.deepEqual(
      header,
      EXPORT_COLUMNS.map((column) => headers[column]),
    );
    const ids = rows.map((row) => row[EXPORT_COLUMNS.indexOf('id')]);
    assert.deepEqual(ids, [hostile, plain], 'oldest first, this zone only');
    const organisations = rows.map((row) => row[EXPORT_COLUMNS.indexOf('organisation')]);
    assert.deepEqual(organisations, [`'=HYPERLINK("https://evil.example","click")`, 'Wijkhuis Zuid']);
    assert.equal(rows[0]?.[EXPORT_COLUMNS.indexOf('status')], 'Reçue');
  });

  test('the language: lang, else Accept-Language, else Dutch; a semicolon when asked', async () => {
    await newRequest({ topics: ['informal-carers'] });
    const header = async (query: string, headers: Record<string, string> = {}, delimiter = ',') => {
      const response = await app.request(`/v1/session-requests/export?topic=informal-carers${query}`, {
        headers: { authorization: `Bearer ${tokens.network}`, ...headers },
      });
      assert.equal(response.headers.get('vary'), 'Accept-Language');
      assert.match(
        response.headers.get('content-disposition') ?? '',
        /filename="carezone-requests-all-zones-/,
      );
      return rowsOf(await csvOf(response), delimiter)[0]?.[EXPORT_COLUMNS.indexOf('status')];
    };
    assert.equal(await header(''), exportTexts('nl').status);
    assert.equal(await header('', { 'accept-language': 'de-BE,fr;q=0.5' }), exportTexts('de').status);
    assert.equal(await header('&lang=fr', { 'accept-language': 'de' }), exportTexts('fr').status);
    assert.equal(await header('&lang=en&delimiter=%3B', {}, ';'), exportTexts('en').status);
  });

  test('a zone token cannot export another zone; bad filters are 400; no token is 401', async () => {
    const forbidden = await problemOf(
      await get('/v1/session-requests/export?zone=bxl-nord', tokens.sud),
      403,
    );
    assert.equal(forbidden.code, 'FORBIDDEN');
    const backwards = await problemOf(
      await get('/v1/session-requests/export?from=2026-03-02&to=2026-03-01', tokens.sud),
      400,
    );
    assert.deepEqual(
      backwards.errors?.map((error) => error.path),
      ['to'],
    );
    for (const query of ['lang=es', 'delimiter=tab', 'from=yesterday']) {
      assert.equal(
        (await problemOf(await get(`/v1/session-requests/export?${query}`, tokens.sud), 400)).code,
        'INVALID_QUERY',
      );
    }
    assert.equal((await app.request('/v1/session-requests/export')).status, 401);
  });
});
