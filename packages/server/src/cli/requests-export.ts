import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { LANGUAGES, type Language, SessionRequestStatus, SpamFilter } from '@carezone/contract';
import { exportRequestsCsv } from '../session-requests/export-csv.js';
import { topicsOf } from '../settings/read-settings.js';
import { type ConfigLayers, resolveSettings } from '../settings/resolve-settings.js';
import { STORAGE_OPTIONS, withCliStorage } from './cli-storage.js';
import type { CommandIO } from './command-io.js';
import { InputError, UsageError } from './usage-error.js';

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
    exportRequestsCsv(storage.db, {
      zone,
      status: values.status as SessionRequestStatus | undefined,
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
