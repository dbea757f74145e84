import { repeatAfterEachRun } from '../background/repeat.js';
import type { Logger } from '../logger.js';
import type { Storage } from '../storage/storage.js';
import { purgeRequestsBefore } from './purge-requests.js';
import { retentionCutoff } from './retention-settings.js';

export interface RetentionSchedule {
  stop(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Purges requests older than the retention at start and then a day after each purge, so the retention holds
 * without an operator remembering a cron job. Several processes on one database may each run it:
 * a purge is idempotent, and the second finds nothing left.
 */
export function startRetentionSchedule({
  storage,
  logger,
  retentionDays,
  intervalMs = DAY_MS,
}: {
  storage: Storage;
  logger: Logger;
  retentionDays: number;
  intervalMs?: number;
}): RetentionSchedule {
  const purge = () =>
    purgeRequestsBefore(storage, retentionCutoff(retentionDays)).then(
      (counts) => {
        if (counts.requests + counts.outboxRows + counts.idempotencyKeys > 0) {
          logger.info({ retentionDays, ...counts }, 'old session requests purged');
        }
      },
      (error: unknown) =>
        logger.error(
          { retentionDays, error: (error as Error).message },
          'purging old session requests failed',
        ),
    );
  const loop = repeatAfterEachRun(intervalMs, purge);
  loop.start();
  return { stop: loop.stop };
}
