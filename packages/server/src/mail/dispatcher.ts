import { repeatAfterEachRun } from '../background/repeat.js';
import { type BackoffPolicy, DEFAULT_BACKOFF, retryDelayMs } from '../backoff.js';
import type { Logger } from '../logger.js';
import { buildMail, MAIL_KINDS, type MailLogFields, type MailSources } from './build-mail.js';
import { describeDeliveryError } from './describe-error.js';
import {
  type ClaimedOutboxRow,
  claimDueRows,
  markDelivered,
  markFailed,
  releaseClaims,
} from './outbox-queue.js';
import type { MailTransport } from './transport.js';

export interface DispatcherOptions extends MailSources {
  transport: MailTransport;
  logger: Logger;
  /** How often to look for due rows besides nudges. Default 10 s. */
  pollIntervalMs?: number;
  /** Rows claimed per round trip. Default 20. */
  batchSize?: number;
  /** How long a claim holds before another process may retry the row. Default 5 min. */
  leaseMs?: number;
  /** Failed attempts after which a row is left undelivered and an error is logged. Default 14. */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  now?: () => Date;
  random?: () => number;
}

export interface DispatchSummary {
  delivered: number;
  /** Rows whose request was purged before its e-mail went out. */
  dropped: number;
  failed: number;
}

export interface OutboxDispatcher {
  /** Delivers every row that is due now, batch after batch. Never overlaps itself. */
  runOnce(): Promise<DispatchSummary>;
  /** Polls every `pollIntervalMs`, starting now. */
  start(): void;
  /** Looks for due rows now (a request was just stored), rather than at the next poll. */
  nudge(): void;
  /** Stops polling, finishes the message being sent, and hands the rest of its claims back. */
  stop(): Promise<void>;
}

/** With the default backoff, 14 attempts span about a day (24 h with jitter, 32½ h at most). */
export const DEFAULT_MAX_ATTEMPTS = 14;

/**
 * Delivers the e-mails of the outbox: claims due rows, builds each message from the stored
 * request, sends it, and marks the row delivered, or records the failure and schedules a retry
 * with backoff. Delivery is at least once: a process that dies between sending and marking
 * sends again once its lease ends, which the stable Message-ID and `.eml` name make harmless.
 */
export function createOutboxDispatcher(options: DispatcherOptions): OutboxDispatcher {
  const {
    storage,
    transport,
    logger,
    pollIntervalMs = 10_000,
    batchSize = 20,
    leaseMs = 5 * 60_000,
    maxAttempts = DEFAULT_MAX_ATTEMPTS,
    backoff = DEFAULT_BACKOFF,
    now = () => new Date(),
    random = Math.random,
  } = options;
  let stopped = false;
  let active: Promise<DispatchSummary> | undefined;
  let queued: Promise<DispatchSummary> | undefined;

  async function fail(row: ClaimedOutboxRow, log: MailLogFields, error: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const description = describeDeliveryError(error);
    const retryAt = new Date(now().getTime() + retryDelayMs(attempts, backoff, random));
    await markFailed(storage, row.id, { error: description, retryAt });
    if (attempts >= maxAttempts) {
      logger.error({ ...log, attempts, error: description }, 'mail delivery given up');
    } else {
      logger.warn({ ...log, attempts, retryAt, error: description }, 'mail delivery failed, will retry');
    }
  }

  async function deliver(row: ClaimedOutboxRow): Promise<keyof DispatchSummary> {
    let log: MailLogFields = { outboxId: row.id, kind: row.kind };
    try {
      const built = await buildMail(row, options);
      log = built.log;
      if (built.kind === 'gone') {
        await markDelivered(storage, row.id, now(), 'dropped: the session request no longer exists');
        logger.info(log, 'mail dropped: request purged');
        return 'dropped';
      }
      const { mail } = built;
      if (mail.to.length === 0) {
        const problem = `no inbox for zone ${log.zone}`;
        // An SMTP server cannot take a message for nobody; a folder keeps it for the operator.
        if (transport.kind !== 'folder') throw new Error(problem);
        await transport.send(mail);
        await markDelivered(storage, row.id, now(), `written without recipient: ${problem}`);
        logger.warn(log, `mail written without recipient: ${problem}`);
        return 'delivered';
      }
      await transport.send(mail);
      await markDelivered(storage, row.id, now());
      logger.info({ ...log, transport: transport.kind }, 'mail delivered');
      return 'delivered';
    } catch (error) {
      await fail(row, log, error);
      return 'failed';
    }
  }

  async function drain(): Promise<DispatchSummary> {
    const summary: DispatchSummary = { delivered: 0, dropped: 0, failed: 0 };
    while (!stopped) {
      const rows = await claimDueRows(storage, {
        now: now(),
        leaseMs,
        limit: batchSize,
        kinds: MAIL_KINDS,
        maxAttempts,
      });
      for (const [index, row] of rows.entries()) {
        if (stopped) {
          await releaseClaims(
            storage,
            rows.slice(index).map((unsent) => unsent.id),
            now(),
          );
          break;
        }
        summary[await deliver(row)]++;
      }
      if (rows.length < batchSize) break;
    }
    return summary;
  }

  function runOnce(): Promise<DispatchSummary> {
    if (!active) {
      active = drain().finally(() => {
        active = undefined;
      });
      return active;
    }
    // A nudge during a run may concern a row the run has already looked past: one more run
    // follows, shared by every call that comes in meanwhile.
    queued ??= active
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return runOnce();
      });
    return queued;
  }

  function runLogged(): Promise<void> {
    return runOnce().then(
      () => undefined,
      (error: unknown) => logger.error({ error: describeDeliveryError(error) }, 'outbox dispatch failed'),
    );
  }

  const loop = repeatAfterEachRun(pollIntervalMs, runLogged);

  return {
    runOnce,
    start: loop.start,
    nudge() {
      if (!stopped) void runLogged();
    },
    async stop() {
      stopped = true;
      await loop.stop();
      await Promise.allSettled([active, queued]);
    },
  };
}
