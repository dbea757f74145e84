import { parseArgs } from 'node:util';
import { LANGUAGES, type Language } from '@carezone/contract';
import { FeedImportError } from '../news/import/feed-error.js';
import { importFeed } from '../news/import/import-feed.js';
import { type ConfigLayers, resolveSettings } from '../settings/resolve-settings.js';
import { STORAGE_OPTIONS, withCliStorage } from './cli-storage.js';
import { commandGroup } from './command-group.js';
import type { CommandIO } from './command-io.js';
import { knownZones, ZONEPACK_OPTIONS } from './known-zones.js';
import { InputError, UsageError } from './usage-error.js';

/**
 * `carezone news import FILE|URL [--zone ZONE]... [--language nl]`: reads an RSS, Atom or JSON
 * feed and stores its items, updating those imported before. Any problem with the feed is one
 * line on stderr and exit code 1, with nothing stored. An item over the limits of one item is
 * skipped with one line on stderr naming it and why; the rest is imported (exit code 0).
 * `_carezone.zones` suggestions may name any loaded zone: the operator running this chose the feed.
 */
export async function newsImportCommand(
  args: string[],
  io: CommandIO,
  config: ConfigLayers,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...STORAGE_OPTIONS,
      ...ZONEPACK_OPTIONS,
      zone: { type: 'string', multiple: true },
      language: { type: 'string' },
    },
  });
  const settings = resolveSettings(config, values);
  const [location, ...extra] = positionals;
  if (location === undefined || extra.length > 0)
    throw new UsageError('news import needs exactly one FILE or URL');
  const language = values.language;
  if (language !== undefined && !(LANGUAGES as readonly string[]).includes(language)) {
    throw new InputError(
      `--language must be one of ${LANGUAGES.join(', ')}, not ${JSON.stringify(language)}`,
    );
  }
  const zones = values.zone ?? [];
  const known = await knownZones(settings);
  known.check(zones);
  try {
    const result = await withCliStorage(settings, (storage) =>
      importFeed(storage, location, {
        zones,
        language: language as Language | undefined,
        knownZones: known.ids,
      }),
    );
    for (const item of result.skipped) io.error(`carezone: skipped ${item.sourceId}: ${item.reason}`);
    const staff = [
      result.editedByStaff > 0 && `${result.editedByStaff} kept as staff edited them`,
      result.deletedByStaff > 0 && `${result.deletedByStaff} left out as staff deleted them`,
      result.skipped.length > 0 && `${result.skipped.length} skipped as over the limits of an item`,
    ].filter(Boolean);
    io.log(
      `Imported ${result.items} item(s) of ${result.format} feed ${location}: ${result.created} new, ` +
        `${result.updated} updated, ${result.unchanged} unchanged${staff.map((part) => `, ${part}`).join('')}.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof FeedImportError)) throw error;
    io.error(`carezone: nothing imported: ${error.message}`);
    return 1;
  }
}

/** `carezone news import …` */
export const newsCommand = commandGroup('news', { import: newsImportCommand });
