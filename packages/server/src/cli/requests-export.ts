import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  LANGUAGES,
  type Language,
  OTHER_TOPIC_ID,
  SessionRequestStatus,
  SpamFilter,
  type Topic,
} from '@carezone/contract';
import type { Selectable } from 'kysely';
import type { StoredSessionRequestInput } from '../session-requests/stored-input.js';
import { DEFAULT_TOPICS } from '../session-requests/topics.js';
import { topicsOf } from '../settings/read-settings.js';
import { type ConfigLayers, resolveSettings } from '../settings/resolve-settings.js';
import type { SessionRequestsTable } from '../storage/database.js';
import type { Storage } from '../storage/storage.js';
import { STORAGE_OPTIONS, withCliStorage } from './cli-storage.js';
import type { CommandIO } from './command-io.js';
import { spreadsheetCsv } from './csv-cells.js';
import { type ExportTexts, exportTexts } from './export-texts.js';
import { InputError, UsageError } from './usage-error.js';

/** The columns, in order; each one's header is in the export's language. */
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

export function exportHeaders(texts: ExportTexts): Record<ExportColumn, string> {
  const { fields } = texts;
  return {
    reference: fields.reference,
    id: texts.id,
    zone: fields.zone,
    status: texts.status,
    created_at: fields.receivedAt,
    updated_at: texts.updatedAt,
    organisation: fields.organisation,
    organisation_kind: fields.organisationKind,
    contact_name: fields.contactPerson,
    contact_email: fields.email,
    contact_phone: fields.phone,
    topics: fields.topics,
    other_topic: fields.otherTopic,
    format: fields.format,
    preferred_period: fields.period,
    participants: fields.participants,
    session_language: fields.sessionLanguage,
    form_language: texts.formLanguage,
    message: fields.message,
  };
}

/** A label of a table, or the id itself for a value the table does not know (a row from an older version). */
function labelOf<Id extends string>(
  labels: Readonly<Record<Id, string>>,
  id: Id | undefined,
): string | undefined {
  return id === undefined ? undefined : (labels[id] ?? id);
}

function exportRecord(
  row: Selectable<SessionRequestsTable>,
  texts: ExportTexts,
  topicLabels: ReadonlyMap<string, string>,
): Record<ExportColumn, string> {
  const request = JSON.parse(row.request) as Partial<StoredSessionRequestInput>;
  // Labels, not ids, in the export's language: the file is read by people in a spreadsheet. A topic
  // no longer configured keeps its id, which is better shown than dropped.
  const topicLabel = (id: string) =>
    topicLabels.get(id) ?? (id === OTHER_TOPIC_ID ? texts.fields.otherTopic : id);
  const record: Record<ExportColumn, string | number | undefined> = {
    reference: row.reference,
    id: row.id,
    zone: row.zone_id,
    status: labelOf<string>(texts.statuses, row.status),
    created_at: row.created_at,
    updated_at: row.updated_at,
    organisation: request.organisation?.name,
    organisation_kind: labelOf(texts.organisationKinds, request.organisation?.kind),
    contact_name: request.contact?.name,
    contact_email: request.contact?.email,
    contact_phone: request.contact?.phone,
    topics: request.topics?.map(topicLabel).join(', '),
    other_topic: request.otherTopic,
    format: labelOf(texts.formats, request.format),
    preferred_period: request.preferredPeriod,
    participants: request.participants,
    session_language: labelOf(texts.sessionLanguages, request.language),
    form_language: labelOf(texts.sessionLanguages, request.locale),
    message: request.message,
  };
  return Object.fromEntries(EXPORT_COLUMNS.map((column) => [column, String(record[column] ?? '')])) as Record<
    ExportColumn,
    string
  >;
}

export interface ExportOptions {
  zone: string;
  status?: string | undefined;
  /**
   * Requests flagged as possible spam: left out by default (no one has confirmed them), `only` to
   * review them, `include` for all.
   */
  spam?: SpamFilter | undefined;
  /** `,` (default) or `;`, which Excel expects in a Belgian locale. */
  delimiter?: string;
  /** Of the header row and of every label. Default `nl`. */
  language?: Language;
  /** Whose labels the topics column shows. Default `DEFAULT_TOPICS`. */
  topics?: readonly Topic[];
}

/** The requests of one zone as CSV for a spreadsheet (see `spreadsheetCsv`), oldest first. */
export async function exportRequestsCsv(
  storage: Storage,
  {
    zone,
    status,
    spam = 'exclude',
    delimiter = ',',
    language = 'nl',
    topics = DEFAULT_TOPICS,
  }: ExportOptions,
): Promise<{ csv: string; count: number }> {
  let query = storage.db.selectFrom('session_requests').selectAll().where('zone_id', '=', zone);
  if (status !== undefined) query = query.where('status', '=', status);
  if (spam !== 'include') query = query.where('possible_spam', '=', spam === 'only' ? 1 : 0);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  const texts = exportTexts(language);
  const topicLabels = new Map(topics.map((topic) => [topic.id, topic.label[language]]));
  const headers = exportHeaders(texts);
  const csv = spreadsheetCsv(
    EXPORT_COLUMNS.map((key) => ({ key, header: headers[key] })),
    rows.map((row) => exportRecord(row, texts, topicLabels)),
    delimiter,
  );
  return { csv, count: rows.length };
}

/**
 * `carezone requests export --zone Z [--status S] [--spam exclude|only|include] [--format csv]
 * [--output FILE] [--delimiter ;] [--language nl|fr|en|de]`; the topics' labels are those of `CAREZONE_TOPICS`, as `serve` offers them.
 */
export async function requestsExportCommand(
  args: string[],
  io: CommandIO,
  config: ConfigLayers,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...STORAGE_OPTIONS,
      zone: { type: 'string' },
      status: { type: 'string' },
      spam: { type: 'string', default: 'exclude' },
      format: { type: 'string', default: 'csv' },
      output: { type: 'string' },
      delimiter: { type: 'string', default: ',' },
      // Dutch by default, like the widgets: most zone teams (Flanders, half of Brussels) read it.
      language: { type: 'string', default: 'nl' },
    },
  });
  if (values.zone === undefined) throw new UsageError('requests export needs --zone ZONE');
  if (values.format !== 'csv') throw new InputError(`unknown export format: ${values.format} (only csv)`);
  if (values.delimiter !== ',' && values.delimiter !== ';')
    throw new InputError(`--delimiter must be , or ;, not ${JSON.stringify(values.delimiter)}`);
  if (values.status !== undefined && !SessionRequestStatus.safeParse(values.status).success) {
    throw new InputError(`unknown status: ${values.status} (${SessionRequestStatus.options.join(', ')})`);
  }
  const spam = SpamFilter.safeParse(values.spam);
  if (!spam.success) {
    throw new InputError(`unknown --spam: ${values.spam} (${SpamFilter.options.join(', ')})`);
  }
  const language = values.language as Language;
  if (!LANGUAGES.includes(language)) {
    throw new InputError(`unknown language: ${values.language} (${LANGUAGES.join(', ')})`);
  }
  const settings = resolveSettings(config, values);
  const topics = await topicsOf(settings);
  const zone = values.zone;
  const { csv, count } = await withCliStorage(settings, (storage) =>
    exportRequestsCsv(storage, {
      zone,
      status: values.status,
      spam: spam.data,
      delimiter: values.delimiter,
      language,
      topics,
    }),
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
