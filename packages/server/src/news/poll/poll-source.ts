import type { Storage } from '../../storage/storage.js';
import { type ImportResult, importFeedBytes } from '../import/import-feed.js';
import type { FeedPreparer } from '../import/prepare-feed.js';
import { type FeedLimits, type FetchedFeed, fetchFeed } from '../import/read-feed-source.js';
import { failureDelayMs } from './poll-backoff.js';
import { type ClaimedNewsSource, recordAnswer, recordFailure, releaseSource } from './poll-queue.js';
import type { NewsSource } from './poll-settings.js';

export type PollOutcome =
  | ({ kind: 'imported' } & ImportResult)
  | { kind: 'not-modified' }
  | { kind: 'failed'; error: string; failures: number; nextPollAt: Date }
  /** The poller stopped while the feed had not answered: the claim was handed back. */
  | { kind: 'stopped' };

export interface SourcePollContext {
  storage: Storage;
  knownZones: ReadonlySet<string>;
  intervalMs: number;
  limits?: FeedLimits | undefined;
  now: () => Date;
  random: () => number;
  /** Aborted when the poller stops: a fetch still waiting then is cancelled. */
  stopSignal: AbortSignal;
  /** Where a fetched feed is parsed and sanitised (the poller's worker). Default: in this thread. */
  prepare?: FeedPreparer | undefined;
}

function describeError(error: unknown): string {
  // Feed errors are one line naming the URL and the cause; anything else is a bug or the database.
  return error instanceof Error ? error.message : String(error);
}

/** The feed's answer, or 'stopped' when the poller stopped first (the fetch is then cancelled). */
async function fetchUnlessStopped(
  source: NewsSource,
  claimed: ClaimedNewsSource,
  { limits, stopSignal }: SourcePollContext,
): Promise<FetchedFeed | 'stopped'> {
  if (stopSignal.aborted) return 'stopped';
  try {
    return await fetchFeed(
      source.url,
      { etag: claimed.etag, lastModified: claimed.lastModified },
      limits,
      stopSignal,
    );
  } catch (error) {
    if (stopSignal.aborted) return 'stopped';
    throw error;
  }
}

/**
 * Polls one claimed source: a conditional GET with the validators of its last answer; a 304
 * schedules the next poll and stores nothing; a 200 imports the feed into the source's zones
 * (one transaction: all of it or nothing), then stores the new validators. Any failure (network,
 * timeout, HTTP status, a feed that does not parse) is recorded with a backoff and returned, not
 * thrown; only a database that cannot record it throws.
 */
export async function pollSource(
  source: NewsSource,
  claimed: ClaimedNewsSource,
  context: SourcePollContext,
): Promise<PollOutcome> {
  const { storage, now } = context;
  try {
    const answer = await fetchUnlessStopped(source, claimed, context);
    if (answer === 'stopped') {
      await releaseSource(storage, claimed, now());
      return { kind: 'stopped' };
    }
    if (answer.kind === 'not-modified') {
      const at = now();
      await recordAnswer(storage, source.url, {
        at,
        nextPollAt: new Date(at.getTime() + context.intervalMs),
      });
      return { kind: 'not-modified' };
    }
    const result = await importFeedBytes(storage, answer, source.url, {
      zones: source.zones,
      // The operator configured this feed for these zones: its `_carezone.zones` may pick among
      // them but never add another zone, whose team did not choose to publish this feed.
      knownZones: new Set(source.zones.filter((zone) => context.knownZones.has(zone))),
      now,
      prepare: context.prepare,
    });
    // Stored after the items: a crash in between costs one full fetch, never a missed update.
    const at = now();
    await recordAnswer(storage, source.url, {
      at,
      nextPollAt: new Date(at.getTime() + context.intervalMs),
      validators: { etag: answer.etag, lastModified: answer.lastModified },
    });
    return { kind: 'imported', ...result };
  } catch (error) {
    // Stopping ends the feed worker mid-feed: that is no failure of the feed.
    if (context.stopSignal.aborted) {
      await releaseSource(storage, claimed, now());
      return { kind: 'stopped' };
    }
    const failures = claimed.failures + 1;
    const at = now();
    const nextPollAt = new Date(at.getTime() + failureDelayMs(failures, context.intervalMs, context.random));
    const description = describeError(error);
    await recordFailure(storage, source.url, { at, nextPollAt, error: description });
    return { kind: 'failed', error: description, failures, nextPollAt };
  }
}
