import { parseArgs } from 'node:util';
import { purgeRequestsBefore } from '../retention/purge-requests.js';
import {
  parseRetentionDays,
  retentionCutoff,
  retentionDaysFromEnv,
} from '../retention/retention-settings.js';
import { STORAGE_OPTIONS, withCliStorage } from './cli-storage.js';
import type { CommandIO } from './command-io.js';
import { UsageError } from './usage-error.js';

/** `carezone requests purge [--older-than DAYS]`: default `CAREZONE_RETENTION_DAYS`, else 365. */
export async function requestsPurgeCommand(
  args: string[],
  io: CommandIO,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const { values } = parseArgs({ args, options: { ...STORAGE_OPTIONS, 'older-than': { type: 'string' } } });
  let days: number;
  try {
    days =
      values['older-than'] === undefined
        ? retentionDaysFromEnv(env)
        : parseRetentionDays(values['older-than'], '--older-than');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const cutoff = retentionCutoff(days);
  const counts = await withCliStorage(values.data, env, (storage) => purgeRequestsBefore(storage, cutoff));
  io.log(
    `Purged what was stored before ${cutoff.toISOString()} (older than ${days} days): ` +
      `${counts.requests} request(s), ${counts.historyEntries} history entr${counts.historyEntries === 1 ? 'y' : 'ies'}, ` +
      `${counts.outboxRows} outbox row(s), ${counts.idempotencyKeys} idempotency key(s).`,
  );
  return 0;
}
