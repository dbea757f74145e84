import { repeatAfterEachRun } from '../../background/repeat.js';
import type { Logger } from '../../logger.js';
import type { Storage } from '../../storage/storage.js';
import { createFeedWorker } from '../import/feed-worker-client.js';
import type { FeedLimits } from '../import/read-feed-source.js';
import { claimDueSource, registerNewsSources } from './poll-queue.js';
import type { NewsPollSettings } from './poll-settings.js';
import { type PollOutcome, pollSource } from './poll-source.js';

export interface NewsPollerOptions {
  storage: Storage;
  logger: Logger;
  settings: NewsPollSettings;
  /**
   * Zone ids of the loaded packs. A polled feed's `_carezone.zones` may only pick among the zones
   * its source is configured for.
   */
  knownZones: ReadonlySet<string>;
  /** Per fetch. Default: `fetchFeed`'s (30 s, 10 MB). */
  limits?: FeedLimits | undefined;
  /** How long a claim holds before another process may poll the source. Default 5 min. */
  leaseMs?: number;
  /** How often to look for due sources. Default: the poll interval, at most a minute. */
  checkEveryMs?: number;
  now?: () => Date;
  random?: () => number;
}

export type PolledSource = { url: string } & PollOutcome;

export interface NewsPoller {
  /** Polls every configured source that is due now, each at most once. Never overlaps itself. */
  runOnce(): Promise<PolledSource[]>;
  /** Looks for due sources every `checkEveryMs`, starting now. */
  start(): void;
  /**
   * Stops looking; a fetch still waiting, or a feed still being read, is cancelled and its source
   * handed back. Ends the feed worker.
   */
  stop(): Promise<void>;
}

function logOutcome(logger: Logger, polled: PolledSource): void {
  // URLs, counts and feed errors only: a feed's content is public, but logs are not the place for it.
  const newsSource = polled.url;
  switch (polled.kind) {
    case 'imported':
      for (const item of polled.skipped) {
        logger.warn({ newsSource, newsItem: item.sourceId, reason: item.reason }, 'news item skipped');
      }
      logger.info(
        {
          newsSource,
          items: polled.items,
          skipped: polled.skipped.length,
          created: polled.created,
          updated: polled.updated,
          unchanged: polled.unchanged,
          editedByStaff: polled.editedByStaff,
          deletedByStaff: polled.deletedByStaff,
        },
        'news source imported',
      );
      return;
    case 'not-modified':
      logger.debug({ newsSource }, 'news source not modified');
      return;
    case 'failed':
      logger.warn(
        { newsSource, failures: polled.failures, nextPollAt: polled.nextPollAt, error: polled.error },
        'news source failed, will retry',
      );
      return;
    case 'stopped':
      logger.info({ newsSource }, 'news poll abandoned: stopping');
      return;
  }
}

/**
 * Polls the configured feeds, each on its own schedule kept in `news_sources`, which every server
 * process on the database shares: a process claims a due source (a lease) before fetching it.
 */
export function createNewsPoller(options: NewsPollerOptions): NewsPoller {
  const { storage, logger, settings, now = () => new Date(), random = Math.random } = options;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const checkEveryMs = options.checkEveryMs ?? Math.min(settings.intervalMs, 60_000);
  const sources = new Map(settings.sources.map((source) => [source.url, source]));
  const stopping = new AbortController();
  // Parsing and sanitising a feed take up to seconds of CPU: never on the thread that answers requests.
  const feedWorker = createFeedWorker();
  const context = {
    ...options,
    intervalMs: settings.intervalMs,
    now,
    random,
    stopSignal: stopping.signal,
    prepare: feedWorker.prepare,
  };
  let stopped = false;
  let active: Promise<PolledSource[]> | undefined;
  let registered: Promise<void> | undefined;

  async function round(): Promise<PolledSource[]> {
    registered ??= registerNewsSources(storage, [...sources.keys()], now()).catch((error: unknown) => {
      registered = undefined; // tried again next round
      throw error;
    });
    await registered;
    const polled: PolledSource[] = [];
    // Each source once per round, however short its interval: a round always ends.
    const remaining = new Set(sources.keys());
    while (!stopped && remaining.size > 0) {
      const claimed = await claimDueSource(storage, { urls: [...remaining], now: now(), leaseMs });
      const source = claimed && sources.get(claimed.url);
      if (!claimed || !source) break;
      remaining.delete(source.url);
      const outcome = { url: source.url, ...(await pollSource(source, claimed, context)) };
      logOutcome(logger, outcome);
      polled.push(outcome);
    }
    return polled;
  }

  function runOnce(): Promise<PolledSource[]> {
    active ??= round().finally(() => {
      active = undefined;
    });
    return active;
  }

  const loop = repeatAfterEachRun(checkEveryMs, () =>
    runOnce().catch((error: unknown) =>
      logger.error({ error: (error as Error).message }, 'news polling failed'),
    ),
  );

  return {
    runOnce,
    start: loop.start,
    async stop() {
      stopped = true;
      stopping.abort();
      await feedWorker.close();
      await loop.stop();
      await active?.catch(() => undefined);
    },
  };
}

/** The poller of a running server: logs what it polls, then polls. */
export function startNewsPolling(options: NewsPollerOptions): NewsPoller {
  const { settings, logger } = options;
  logger.info(
    { newsSources: settings.sources.length, pollMinutes: settings.intervalMs / 60_000 },
    'news polling ready',
  );
  const poller = createNewsPoller(options);
  poller.start();
  return poller;
}
