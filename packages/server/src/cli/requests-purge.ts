import { parseArgs } from 'node:util';
import { purgeRequestsBefore } from '../retention/purge-requests.js';
import { parseRetentionDays, retentionCutoff } from '../retention/retention-settings.js';
import { retentionDaysOf } from '../settings/read-settings.js';
import { type ConfigLayers, resolveSettings } from '../settings/resolve-settings.js';
import { STORAGE_OPTIONS, withCliStorage } from './cli-storage.js';
import type { CommandIO } from './command-io.js';
import { InputError } from './usage-error.js';

/** `carezone requests purge [--older-than DAYS]`: default `CAREZONE_RETENTION_DAYS` (environment or `.env`), else 365. */
export async function requestsPurgeCommand(
  args: string[],
  io: CommandIO,
  config: ConfigLayers,
): Promise<number> {
  const { values } = parseArgs({ args, options: { ...STORAGE_OPTIONS, 'older-than': { type: 'string' } } });
  const settings = resolveSettings(config, values);
  const olderThan = values['older-than'];
  let days: number;
  try {
    days =
      olderThan === undefined ? retentionDaysOf(settings) : parseRetentionDays(olderThan, '--older-than');
  } catch (error) {
    if (olderThan === undefined) throw error;
    throw new InputError((error as Error).message);
  }
  const cutoff = retentionCutoff(days);
  const counts = await withCliStorage(settings, (storage) => purgeRequestsBefore(storage, cutoff));
  io.log(
    `Purged what was stored before ${cutoff.toISOString()} (older than ${days} days): ` +
      `${counts.requests} request(s), ${counts.historyEntries} history entr${counts.historyEntries === 1 ? 'y' : 'ies'}, ` +
      `${counts.outboxRows} outbox row(s), ${counts.idempotencyKeys} idempotency key(s).`,
  );
  return 0;
}
