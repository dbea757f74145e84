import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SessionRequestStatus } from '@carezone/contract';
import type { StoredSessionRequestInput } from '../session-requests/stored-input.js';
import type { SessionRequestsTable } from '../storage/database.js';
import type { Storage } from '../storage/storage.js';
import { STORAGE_OPTIONS, withCliStorage } from './cli-storage.js';
import type { CommandIO } from './command-io.js';
import { spreadsheetCsv } from './csv-cells.js';
import { UsageError } from './usage-error.js';

export const EXPORT_COLUMNS = [
  'reference',
  'id',
  'zone',
  'status',
  'created_at',
  'updated_at',
  'organisation',
  'organisation_kind',
  'contact_name',
  'contact_email',
  'contact_phone',
  'topics',
  'other_topic',
  'format',
  'preferred_period',
  'participants',
  'session_language',
  'form_language',
  'message',
] as const;
type ExportColumn = (typeof EXPORT_COLUMNS)[number];

function exportRecord(row: SessionRequestsTable): Record<ExportColumn, string> {
  const request = JSON.parse(row.request) as Partial<StoredSessionRequestInput>;
  const record: Record<ExportColumn, string | number | undefined> = {
    reference: row.reference,
    id: row.id,
    zone: row.zone_id,
    status: row.status,
    created_at: row.created_at,
    updated_at: row.updated_at,
    organisation: request.organisation?.name,
    organisation_kind: request.organisation?.kind,
    contact_name: request.contact?.name,
    contact_email: request.contact?.email,
    contact_phone: request.contact?.phone,
    // Ids, not labels: a file for tools as much as for people, and labels change per deployment.
    topics: request.topics?.join(';'),
    other_topic: request.otherTopic,
    format: request.format,
    preferred_period: request.preferredPeriod,
    participants: request.participants,
    session_language: request.language,
    form_language: request.locale,
    message: request.message,
  };
  return Object.fromEntries(EXPORT_COLUMNS.map((column) => [column, String(record[column] ?? '')])) as Record<
    ExportColumn,
    string
  >;
}

/** The requests of one zone as CSV for a spreadsheet (see `spreadsheetCsv`), oldest first. */
export async function exportRequestsCsv(
  storage: Storage,
  { zone, status, delimiter = ',' }: { zone: string; status?: string | undefined; delimiter?: string },
): Promise<{ csv: string; count: number }> {
  let query = storage.db.selectFrom('session_requests').selectAll().where('zone_id', '=', zone);
  if (status !== undefined) query = query.where('status', '=', status);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  const csv = spreadsheetCsv(
    EXPORT_COLUMNS.map((key) => ({ key, header: key })),
    rows.map(exportRecord),
    delimiter,
  );
  return { csv, count: rows.length };
}

/** `carezone requests export --zone Z [--status S] [--format csv] [--output FILE] [--delimiter ;]` */
export async function requestsExportCommand(
  args: string[],
  io: CommandIO,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...STORAGE_OPTIONS,
      zone: { type: 'string' },
      status: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      output: { type: 'string' },
      delimiter: { type: 'string', default: ',' },
    },
  });
  if (values.zone === undefined) throw new UsageError('requests export needs --zone ZONE');
  if (values.format !== 'csv') throw new UsageError(`unknown export format: ${values.format} (only csv)`);
  if (values.delimiter !== ',' && values.delimiter !== ';')
    throw new UsageError('--delimiter must be , or ;');
  if (values.status !== undefined && !SessionRequestStatus.safeParse(values.status).success) {
    throw new UsageError(`unknown status: ${values.status} (${SessionRequestStatus.options.join(', ')})`);
  }
  const zone = values.zone;
  const { csv, count } = await withCliStorage(values.data, env, (storage) =>
    exportRequestsCsv(storage, { zone, status: values.status, delimiter: values.delimiter }),
  );
  if (values.output === undefined) {
    io.write(csv);
    io.error(`Exported ${count} request(s) of zone ${zone}.`);
  } else {
    // The file holds personal data: readable by its owner only.
    await writeFile(values.output, csv, { mode: 0o600 });
    io.log(`Exported ${count} request(s) of zone ${zone} to ${values.output}.`);
  }
  return 0;
}
