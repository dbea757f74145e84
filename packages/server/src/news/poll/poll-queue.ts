import type { Storage } from '../../storage/storage.js';

/** A source this process has leased and is about to fetch, with what its last answer said. */
export interface ClaimedNewsSource {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** Failures in a row before this poll. */
  failures: number;
  /** The claim's `next_poll_at`: the claim is ours while the row still holds it. */
  leaseUntil: string;
}

/**
 * Gives every configured source its `news_sources` row: a new one is due at once; a known one keeps
 * its schedule and failures (a restart does not hammer a failing feed) but forgets its validators.
 * The table does not record which zones the last import used, so a 304 after the operator changed
 * a source's zones would keep its items in the old ones: one full fetch per start rules that out.
 */
export async function registerNewsSources(
  storage: Storage,
  urls: readonly string[],
  now: Date,
): Promise<void> {
  if (urls.length === 0) return;
  await storage.db
    .insertInto('news_sources')
    .values(urls.map((url) => ({ url, next_poll_at: now.toISOString() })))
    .onConflict((conflict) => conflict.column('url').doUpdateSet({ etag: null, last_modified: null }))
    .execute();
}

export interface ClaimSourceOptions {
  /** Only these sources: another process may be configured with others (a deploy in progress). */
  urls: readonly string[];
  now: Date;
  /** How long the claim holds: another process may poll the source after that. */
  leaseMs: number;
}

/**
 * Claims the most overdue source by pushing its `next_poll_at` past the lease, as the mail outbox
 * claims rows: until then no other process sees it as due, so several servers sharing one
 * PostgreSQL fetch a feed once. `FOR UPDATE SKIP LOCKED` lets them claim different sources at
 * once; the update repeats the due condition, so a source is never claimed twice even without it.
 * A plain (read committed) transaction, as competing claims are expected and serialisable would
 * abort them; SQLite's `BEGIN IMMEDIATE` makes its claims take turns.
 */
export async function claimDueSource(
  storage: Storage,
  { urls, now, leaseMs }: ClaimSourceOptions,
): Promise<ClaimedNewsSource | undefined> {
  if (urls.length === 0) return undefined;
  const dueBefore = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  return storage.db.transaction().execute(async (trx) => {
    let due = trx
      .selectFrom('news_sources')
      .select(['url', 'etag', 'last_modified', 'failures'])
      .where('url', 'in', [...urls])
      .where('next_poll_at', '<=', dueBefore)
      .orderBy('next_poll_at')
      .orderBy('url')
      .limit(1);
    if (storage.kind === 'postgres') due = due.forUpdate().skipLocked();
    const row = await due.executeTakeFirst();
    if (!row) return undefined;
    const claimed = await trx
      .updateTable('news_sources')
      .set({ next_poll_at: leaseUntil })
      .where('url', '=', row.url)
      .where('next_poll_at', '<=', dueBefore)
      .returning('url')
      .executeTakeFirst();
    if (!claimed) return undefined;
    return {
      url: row.url,
      etag: row.etag,
      lastModified: row.last_modified,
      failures: Number(row.failures),
      leaseUntil,
    };
  });
}

export interface PollAnswer {
  at: Date;
  nextPollAt: Date;
  /** The validators of a 200 answer; `undefined` after a 304, which keeps the stored ones. */
  validators?: { etag: string | null; lastModified: string | null } | undefined;
}

/** Records an answer (200 or 304): the failures are over, the next poll is an interval away. */
export async function recordAnswer(storage: Storage, url: string, answer: PollAnswer): Promise<void> {
  await storage.db
    .updateTable('news_sources')
    .set({
      failures: 0,
      last_error: null,
      last_polled_at: answer.at.toISOString(),
      next_poll_at: answer.nextPollAt.toISOString(),
      ...(answer.validators && {
        etag: answer.validators.etag,
        last_modified: answer.validators.lastModified,
      }),
    })
    .where('url', '=', url)
    .execute();
}

/**
 * Records a failed poll and when to try again. The validators stay: the feed's content has not
 * changed as far as anyone knows. `error` must hold no personal data (feed errors name the URL).
 */
export async function recordFailure(
  storage: Storage,
  url: string,
  failure: { at: Date; nextPollAt: Date; error: string },
): Promise<void> {
  await storage.db
    .updateTable('news_sources')
    .set((eb) => ({
      failures: eb('failures', '+', 1),
      last_error: failure.error.slice(0, 500),
      last_polled_at: failure.at.toISOString(),
      next_poll_at: failure.nextPollAt.toISOString(),
    }))
    .where('url', '=', url)
    .execute();
}

/**
 * Hands a claim back (a poller stopping mid-fetch), so the source need not wait for the lease to
 * end; unless the lease ended already and another process claimed the source since.
 */
export async function releaseSource(storage: Storage, claimed: ClaimedNewsSource, at: Date): Promise<void> {
  await storage.db
    .updateTable('news_sources')
    .set({ next_poll_at: at.toISOString() })
    .where('url', '=', claimed.url)
    .where('next_poll_at', '=', claimed.leaseUntil)
    .execute();
}
