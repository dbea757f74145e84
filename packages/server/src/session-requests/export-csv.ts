import { type Language, OTHER_TOPIC_ID, type Topic } from '@carezone/contract';
import type { Kysely, Selectable } from 'kysely';
import type { Database, SessionRequestsTable } from '../storage/database.js';
import { spreadsheetCsv } from './csv-cells.js';
import { type ExportTexts, exportTexts } from './export-texts.js';
import { type SessionRequestFilter, whereFilter } from './read.js';
import type { StoredSessionRequestInput } from './stored-input.js';
import { DEFAULT_TOPICS } from './topics.js';

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

export interface ExportOptions extends SessionRequestFilter {
  /** `,` (default) or `;`, which Excel expects in a Belgian locale. */
  delimiter?: string;
  /** Of the header row and of every label. Default `nl`. */
  language?: Language;
  /** Whose labels the topics column shows. Default `DEFAULT_TOPICS`. */
  topics?: readonly Topic[];
}

/**
 * The requests matching `filter` as CSV for a spreadsheet (see `spreadsheetCsv`), oldest first: what
 * `carezone requests export` writes and `GET /v1/session-requests/export` answers. Requests flagged
 * as possible spam are left out unless `spam` says otherwise, as in the list.
 */
export async function exportRequestsCsv(
  db: Kysely<Database>,
  { delimiter = ',', language = 'nl', topics = DEFAULT_TOPICS, ...filter }: ExportOptions,
): Promise<{ csv: string; count: number }> {
  const rows = await whereFilter(db.selectFrom('session_requests').selectAll(), filter)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
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
