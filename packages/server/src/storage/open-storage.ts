import { statfs } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Pool } from 'pg';
import { retryDelayMs } from '../backoff.js';
import type { Database } from './database.js';
import { migrateToLatest, readMigrationStatus } from './migrate.js';
import { openPostgres } from './open-postgres.js';
import { openSqlite, queuePerFile } from './open-sqlite.js';
import type { Storage, StorageKind, StorageOptions, StorageTransaction } from './storage.js';
import { describeStorageError, isStorageUnavailable, StorageUnavailableError } from './unavailable.js';

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * PostgreSQL's "try again" codes: serialization_failure and deadlock_detected. At read committed
 * they are rare (two transactions locking rows in opposite orders), and the whole transaction runs
 * again after a jittered, growing pause: 5 ms, 10, 20… up to 1 s, seven times at most.
 */
const RETRYABLE = new Set(['40001', '40P01']);
const CONFLICT_RETRIES = 7;
const CONFLICT_BACKOFF = { baseMs: 5, capMs: 1_000 };

/**
 * Below this much free space in the SQLite folder, writes are about to fail: `/readyz` says so
 * before they do, so a load balancer stops sending writes here.
 */
export const MIN_FREE_BYTES = 1024 * 1024;
/** How long after a failed write `/readyz` keeps saying 503 (and clients are told to wait). */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

/**
 * Opens the database and migrates it to the latest schema before returning, so a server never
 * serves on an old schema. PostgreSQL when `databaseUrl` is a `postgres://` URL, else SQLite.
 */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  const url = options.databaseUrl?.trim();
  if (url !== undefined && url !== '') {
    if (!POSTGRES_URL.test(url)) {
      // Falling back to SQLite would quietly split an operator's data over two databases.
      throw new Error('databaseUrl must start with postgres:// or postgresql:// (leave it unset for SQLite)');
    }
    const { db, pool } = await openPostgres(url);
    await migrateOrDestroy(db, () => migrateToLatest(db));
    return createStorage({ kind: 'postgres', db, postgresPool: pool, options });
  }
  const { db, file } = await openSqlite(options.dataDir);
  await migrateOrDestroy(db, () => queuePerFile(file, () => migrateToLatest(db)));
  const folder = file === ':memory:' ? undefined : options.dataDir;
  return createStorage({ kind: 'sqlite', db, folder, options });
}

async function migrateOrDestroy(db: Kysely<Database>, migrate: () => Promise<void>): Promise<void> {
  try {
    await migrate();
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

interface StorageParts {
  kind: StorageKind;
  db: Kysely<Database>;
  postgresPool?: Pool;
  /** The SQLite folder, whose free space readiness watches. */
  folder?: string | undefined;
  options: StorageOptions;
}

/**
 * Whether writes fail for want of the database (unreachable, disk full), from the writes
 * themselves: set by a failure, cleared by the next success. The first failure is logged with the
 * database's own error, and the recovery once (each failed request is logged by the HTTP layer).
 */
function writeHealth(options: StorageOptions) {
  let failingSince: number | undefined;
  let lastFailure = 0;
  return {
    failed(error: unknown) {
      lastFailure = Date.now();
      if (failingSince !== undefined) return;
      failingSince = lastFailure;
      options.logger?.error({ error: describeStorageError(error) }, 'storage unavailable: writes fail');
    },
    succeeded() {
      if (failingSince === undefined) return;
      options.logger?.info({ failedForMs: Date.now() - failingSince }, 'storage available again');
      failingSince = undefined;
    },
    /** A write failed, and not long ago: nothing has shown since that writes work again. */
    get failingRecently() {
      return failingSince !== undefined && Date.now() - lastFailure < UNAVAILABLE_RETRY_AFTER_S * 1_000;
    },
  };
}

function createStorage({ kind, db, postgresPool, folder, options }: StorageParts): Storage {
  let closed = false;
  const health = writeHealth(options);
  const assertOpen = () => {
    if (closed) throw new Error('Storage is closed');
  };

  /** One attempt; at read committed on PostgreSQL, `BEGIN IMMEDIATE` (serial) on SQLite. */
  const runOnce = <T>(fn: (trx: StorageTransaction) => Promise<T>) => db.transaction().execute(fn);

  async function transaction<T>(fn: (trx: StorageTransaction) => Promise<T>): Promise<T> {
    assertOpen();
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await runOnce(fn);
        health.succeeded();
        return result;
      } catch (error) {
        if (isStorageUnavailable(error)) {
          health.failed(error);
          throw new StorageUnavailableError(error);
        }
        const code = (error as { code?: unknown } | null)?.code;
        if (typeof code !== 'string' || !RETRYABLE.has(code) || attempt > CONFLICT_RETRIES) throw error;
        await sleep(retryDelayMs(attempt, CONFLICT_BACKOFF));
      }
    }
  }

  async function ping(): Promise<void> {
    assertOpen();
    await sql`select 1`.execute(db);
    if (folder !== undefined) {
      const { bavail, bsize } = await statfs(folder);
      if (bavail * bsize < MIN_FREE_BYTES) {
        throw new StorageUnavailableError(new Error(`less than 1 MiB free in ${folder}`));
      }
    }
    if (health.failingRecently) {
      throw new StorageUnavailableError(new Error('the last write failed; see the log'));
    }
  }

  return {
    kind,
    db,
    postgresPool,
    transaction,
    migrationStatus: async () => {
      assertOpen();
      return readMigrationStatus(db);
    },
    ping,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
