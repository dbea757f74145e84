import type { Logger } from '../logger.js';
import type { Storage } from '../storage/storage.js';
import { purgeRequestsBefore } from './purge-requests.js';
import { retentionCutoff } from './retention-settings.js';

export interface RetentionSchedule {
  stop(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Purges requests older than the retention at start and then once a day, so the retention holds
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
  let running: Promise<void> | undefined;
  const purge = () => {
    running ??= purgeRequestsBefore(storage, retentionCutoff(retentionDays))
      .then(
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
      )
      .finally(() => {
        running = undefined;
      });
  };
  purge();
  const timer = setInterval(purge, intervalMs);
  // The server keeps the process alive; the schedule alone should not.
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
