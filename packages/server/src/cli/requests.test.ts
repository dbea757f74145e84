import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sampleRequest, seedRequest } from '../mail/test-helpers/seed-request.js';
import { EXPORT_COLUMNS, exportHeaders } from '../session-requests/export-csv.js';
import { exportTexts } from '../session-requests/export-texts.js';
import { openStorage } from '../storage/open-storage.js';
import type { Storage } from '../storage/storage.js';
import { requestsCommand } from './requests.js';
import { captureIO } from './test-helpers/capture-io.js';
import { configLayers } from './test-helpers/config-layers.js';
import { InputError, UsageError } from './usage-error.js';

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

async function withStorage<T>(data: string, fn: (storage: Storage) => Promise<T>): Promise<T> {
  const storage = await openStorage({ dataDir: data });
  try {
    return await fn(storage);
  } finally {
    await storage.close();
  }
}

describe('carezone requests export', () => {
  let data = '';
  const seeded: Awaited<ReturnType<typeof seedRequest>>[] = [];
  /** A request flagged as possible spam: out of every export but `--spam only|include`. */
  let flagged = '';

  before(async () => {
    data = await mkdtemp(join(tmpdir(), 'carezone-export-'));
    await withStorage(data, async (storage) => {
      seeded.push(
        await seedRequest(
          storage.db,
          sampleRequest({
            organisation: { name: '=HYPERLINK("https://evil.example","Klik")', kind: 'other' },
            contact: { name: '@SUM(A1)', email: 'jan@example.org', phone: '+32 2 555 01 23' },
            message: '-2+3\nTweede regel, met "aanhalingstekens"',
          }),
          daysAgo(2),
        ),
      );
      seeded.push(await seedRequest(storage.db, sampleRequest(), daysAgo(1)));
      await seedRequest(storage.db, sampleRequest({ zone: 'bxl-nord' }), daysAgo(1));
      const spam = await seedRequest(storage.db, sampleRequest(), daysAgo(1));
      flagged = spam.reference;
      await storage.db
        .updateTable('session_requests')
        .set({ possible_spam: 1 })
        .where('id', '=', spam.id)
        .execute();
      await storage.db
        .updateTable('session_requests')
        .set({ status: 'planned' })
        .where('id', '=', seeded[1]?.id ?? '')
        .execute();
    });
  });
  after(() => rm(data, { recursive: true, force: true }));

  const exportCsv = async (args: string[]) => {
    const io = captureIO();
    assert.equal(await requestsCommand(['export', ...args, '--data', data], io, configLayers()), 0);
    return io;
  };
  /** The data rows keyed by column id; the header row is checked apart. */
  const rowsOf = (csv: string, delimiter = ',') =>
    parse(csv, { bom: true, delimiter, columns: [...EXPORT_COLUMNS], from_line: 2 }) as Record<
      (typeof EXPORT_COLUMNS)[number],
      string
    >[];
  const headerOf = (csv: string, delimiter = ',') =>
    (parse(csv, { bom: true, delimiter, to_line: 1 }) as string[][])[0];

  test("writes one zone's requests as CSV with a BOM and a Dutch header, oldest first", async () => {
    const io = await exportCsv(['--zone', 'bxl-sud', '--format', 'csv']);
    assert.ok(io.written.startsWith('\uFEFFReferentie,ID,Zorgzone,Status,'), 'a BOM, then the header');
    assert.ok(io.written.includes('\r\n'), 'RFC 4180 line ends');
    const headers = exportHeaders(exportTexts('nl'));
    assert.deepEqual(
      headerOf(io.written),
      EXPORT_COLUMNS.map((column) => headers[column]),
    );
    assert.equal(
      new Set(Object.values(headers)).size,
      EXPORT_COLUMNS.length,
      'no two columns share a header',
    );
    const rows = rowsOf(io.written);
    assert.deepEqual(
      rows.map((row) => row.reference),
      seeded.map((request) => request.reference),
    );
    const [hostile, plain] = rows;
    assert.equal(plain?.organisation, 'CPAS de Forest');
    assert.equal(plain?.contact_name, 'Éloïse Dupont');
    // Labels in the export's language, not ids.
    assert.equal(plain?.topics, 'Diabetes, Palliatieve zorg, Ander thema');
    assert.equal(plain?.organisation_kind, 'Sociale dienst van de gemeente of het OCMW');
    assert.equal(plain?.format, 'Ter plaatse, bij de organisatie');
    assert.equal(plain?.session_language, 'Tweetalig (Nederlands en Frans)');
    assert.equal(plain?.form_language, 'Frans');
    assert.equal(plain?.participants, '25');
    assert.equal(plain?.status, 'Ingepland');
    assert.equal(hostile?.status, 'Ontvangen');
    assert.match(io.err.join('\n'), /Exported 2 request\(s\) of zone bxl-sud/);
    assert.ok(!io.err.join('\n').includes('Forest'), 'the summary holds no personal data');

    // Cells a spreadsheet would run as formulas are text.
    assert.equal(hostile?.organisation, '\'=HYPERLINK("https://evil.example","Klik")');
    assert.equal(hostile?.contact_name, "'@SUM(A1)");
    assert.equal(hostile?.contact_phone, "'+32 2 555 01 23");
    assert.equal(hostile?.message, '\'-2+3\nTweede regel, met "aanhalingstekens"');
  });

  test('filters by status, and writes a private file with --output', async () => {
    const file = join(data, 'planned.csv');
    const io = await exportCsv([
      '--zone',
      'bxl-sud',
      '--status',
      'planned',
      '--output',
      file,
      '--delimiter',
      ';',
    ]);
    assert.match(io.out.join('\n'), /Exported 1 request/);
    const csv = await readFile(file, 'utf8');
    assert.ok(csv.startsWith('\uFEFFReferentie;ID;Zorgzone;'));
    assert.deepEqual(
      rowsOf(csv, ';').map((row) => row.reference),
      [seeded[1]?.reference],
    );
    assert.equal((await stat(file)).mode & 0o777, 0o600);
  });

  test('--spam only exports the requests flagged as possible spam, --spam include all of them', async () => {
    const only = rowsOf((await exportCsv(['--zone', 'bxl-sud', '--spam', 'only'])).written);
    assert.deepEqual(
      only.map((row) => row.reference),
      [flagged],
    );
    const all = rowsOf((await exportCsv(['--zone', 'bxl-sud', '--spam', 'include'])).written);
    assert.deepEqual(
      all.map((row) => row.reference).sort(),
      [...seeded.map((r) => r.reference), flagged].sort(),
    );
  });

  test('--language writes the header and the labels in French, English or German', async () => {
    const expected = {
      fr: {
        header: 'Référence',
        status: 'Planifiée',
        kind: 'Service social communal ou CPAS',
        topic: 'Diabète',
      },
      en: {
        header: 'Reference',
        status: 'Planned',
        kind: 'Municipal social service or public social welfare centre',
        topic: 'Diabetes',
      },
      de: {
        header: 'Referenz',
        status: 'Geplant',
        kind: 'Sozialdienst der Gemeinde oder ÖSHZ',
        topic: 'Diabetes',
      },
    } as const;
    for (const [language, want] of Object.entries(expected)) {
      const io = await exportCsv(['--zone', 'bxl-sud', '--status', 'planned', '--language', language]);
      assert.equal(headerOf(io.written)?.[0], want.header, language);
      const [row] = rowsOf(io.written);
      assert.equal(row?.status, want.status, language);
      assert.equal(row?.organisation_kind, want.kind, language);
      assert.equal(row?.topics?.split(', ')[0], want.topic, language);
    }
  });

  test("the topics are labelled as the deployment's CAREZONE_TOPICS lists them", async () => {
    const file = join(data, 'topics.json');
    await writeFile(
      file,
      JSON.stringify([
        {
          id: 'diabetes',
          label: { nl: 'Suikerziekte', fr: 'Diabète sucré', en: 'Diabetes', de: 'Diabetes' },
        },
      ]),
    );
    const io = captureIO();
    const args = ['export', '--zone', 'bxl-sud', '--status', 'planned', '--data', data];
    assert.equal(await requestsCommand(args, io, configLayers({ CAREZONE_TOPICS: file })), 0);
    // A topic no longer listed keeps its id; "other" is always known.
    assert.equal(rowsOf(io.written)[0]?.topics, 'Suikerziekte, palliative-care, Ander thema');
  });

  test('refuses bad usage, and bad values without the usage text', async () => {
    await assert.rejects(
      requestsCommand(['export', '--data', data], captureIO(), configLayers()),
      UsageError,
    );
    for (const args of [
      ['--zone', 'bxl-sud', '--format', 'xlsx'],
      ['--zone', 'bxl-sud', '--status', 'lost'],
      ['--zone', 'bxl-sud', '--delimiter', '|'],
      ['--zone', 'bxl-sud', '--language', 'es'],
      ['--zone', 'bxl-sud', '--spam', 'maybe'],
    ]) {
      await assert.rejects(
        requestsCommand(['export', ...args, '--data', data], captureIO(), configLayers()),
        InputError,
        args.join(' '),
      );
    }
    await assert.rejects(requestsCommand(['archive'], captureIO(), configLayers()), UsageError);
  });
});

/**
 * Parses CSV the way a spreadsheet reads it: RFC 4180 quoting, strictly (a stray quote is an
 * error), but a bare CR or a bare LF outside quotes ends a record too, as it does in Excel and
 * LibreOffice. Rows may differ in length: a spreadsheet shows them, it does not refuse them.
 */
function parseLikeASpreadsheet(csv: string, delimiter: string): string[][] {
  return parse(csv, {
    bom: true,
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
  }) as string[][];
}

/** Starts like a formula, once the TABs and CRs some spreadsheets strip first are gone. */
const runsAsFormula = (text: string) => /^[=+\-@]/.test(text.replace(/^[\t\r]+/, ''));

describe('carezone requests export against formula injection', () => {
  // Each hides a formula behind a line break that is not the file's CRLF, or behind a TAB.
  const PAYLOADS = [
    "ACME\n=cmd|' /C calc'!A0",
    "ACME\r@SUM(1+1)*cmd|' /C calc'!A0",
    'ACME\r\n+1+1',
    '\t=1+1',
    'ACME\n\t-1+1\r\n\r=2+2',
  ];
  const ZONE = 'bxl-nord-est';
  let data = '';

  before(async () => {
    data = await mkdtemp(join(tmpdir(), 'carezone-export-injection-'));
    await withStorage(data, async (storage) => {
      for (const [index, payload] of PAYLOADS.entries()) {
        await seedRequest(
          storage.db,
          sampleRequest({
            zone: ZONE,
            organisation: { name: payload, kind: 'other' },
            contact: { name: payload, email: 'jan@example.org', phone: payload },
            otherTopic: payload,
            preferredPeriod: payload,
            message: payload,
          }),
          daysAgo(PAYLOADS.length - index),
        );
      }
    });
  });
  after(() => rm(data, { recursive: true, force: true }));

  for (const delimiter of [',', ';']) {
    test(`no cell or line in a cell runs as a formula, one row per request (delimiter ${delimiter})`, async () => {
      const io = captureIO();
      const args = ['export', '--zone', ZONE, '--delimiter', delimiter, '--data', data];
      assert.equal(await requestsCommand(args, io, configLayers()), 0);
      const [header, ...rows] = parseLikeASpreadsheet(io.written, delimiter);
      assert.equal(rows.length, PAYLOADS.length, 'one row per request, none split by a line break');
      for (const row of rows) {
        assert.equal(row.length, header?.length, 'no row is cut short or runs long');
        for (const cell of row) {
          assert.ok(!runsAsFormula(cell), `cell ${JSON.stringify(cell)} runs as a formula`);
          for (const line of cell.split(/\r\n|\r|\n/)) {
            assert.ok(!runsAsFormula(line), `a line of ${JSON.stringify(cell)} runs as a formula`);
          }
        }
      }
      // Nothing is lost: without the apostrophes put in front of lines, each is what was sent.
      const organisations = rows.map((row) => row[EXPORT_COLUMNS.indexOf('organisation')] ?? '');
      assert.deepEqual(
        organisations.map((cell) => cell.replace(/(^|\r\n|\r|\n)'/g, '$1')),
        PAYLOADS,
      );
    });
  }
});

describe('carezone requests purge', () => {
  let data = '';
  before(async () => {
    data = await mkdtemp(join(tmpdir(), 'carezone-purge-'));
  });
  after(() => rm(data, { recursive: true, force: true }));

  const counts = (storage: Storage) =>
    Promise.all(
      (['session_requests', 'session_request_history', 'outbox', 'idempotency_keys'] as const).map(
        async (table) => {
          const { count } = await storage.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('count'))
            .executeTakeFirstOrThrow();
          return Number(count);
        },
      ),
    );

  test('deletes what is older than the retention (default 365 days), keeps the young, prints counts', async () => {
    const young = await withStorage(data, async (storage) => {
      await seedRequest(storage.db, sampleRequest(), daysAgo(400));
      const kept = await seedRequest(storage.db, sampleRequest(), daysAgo(30));
      for (const [key, days] of [
        ['old-key-0123456789', 400],
        ['young-key-0123456789', 30],
      ] as const) {
        await storage.db
          .insertInto('idempotency_keys')
          .values({
            key,
            request_hash: 'x',
            response_status: 201,
            response_body: '{}',
            created_at: daysAgo(days).toISOString(),
          })
          .execute();
      }
      return kept;
    });

    const io = captureIO();
    assert.equal(await requestsCommand(['purge', '--data', data], io, configLayers()), 0);
    assert.match(
      io.out.join('\n'),
      /older than 365 days\): 1 request\(s\), 1 history entry, 2 outbox row\(s\), 1 idempotency key\(s\)\.$/,
    );
    await withStorage(data, async (storage) => {
      assert.deepEqual(await counts(storage), [1, 1, 2, 1]);
      const left = await storage.db.selectFrom('session_requests').select('id').execute();
      assert.deepEqual(left, [{ id: young.id }], 'the young request survives');
    });

    const env = configLayers({ CAREZONE_RETENTION_DAYS: '20' });
    assert.equal(await requestsCommand(['purge', '--data', data], captureIO(), env), 0);
    await withStorage(data, async (storage) => assert.deepEqual(await counts(storage), [0, 0, 0, 0]));
  });

  test('--older-than wins over the environment; a bad value is named, without the usage text', async () => {
    await withStorage(data, (storage) => seedRequest(storage.db, sampleRequest(), daysAgo(3)));
    const io = captureIO();
    await requestsCommand(
      ['purge', '--older-than', '2', '--data', data],
      io,
      configLayers({ CAREZONE_RETENTION_DAYS: '365' }),
    );
    assert.match(io.out.join('\n'), /: 1 request\(s\)/);
    for (const days of ['0', '-5', 'soon', '1.5']) {
      await assert.rejects(
        requestsCommand(['purge', `--older-than=${days}`, '--data', data], captureIO(), configLayers()),
        { name: 'InputError', message: /^--older-than must be a whole number of days from 1 to 36500/ },
      );
    }
    await assert.rejects(
      requestsCommand(
        ['purge', '--data', data],
        captureIO(),
        configLayers({}, { CAREZONE_RETENTION_DAYS: 'forever' }),
      ),
      {
        name: 'SettingError',
        message: /^CAREZONE_RETENTION_DAYS \(from \.env\) must be a whole number of days/,
      },
    );
  });
});
