import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Pool } from 'pg';
import type { Database } from './database.js';
import { migrateToLatest, readMigrationStatus } from './migrate.js';
import { openPostgres } from './open-postgres.js';
import { openSqlite, queuePerFile } from './open-sqlite.js';
import type { Storage, StorageKind, StorageOptions, StorageTransaction } from './storage.js';

const POSTGRES_URL = /^postgres(ql)?:\/\//i;
const MAX_SERIALISATION_RETRIES = 8;

/** PostgreSQL's "try again" codes: serialization_failure and deadlock_detected. */
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}

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
    return createStorage('postgres', db, pool);
  }
  const { db, file } = await openSqlite(options.dataDir);
  await migrateOrDestroy(db, () => queuePerFile(file, () => migrateToLatest(db)));
  return createStorage('sqlite', db);
}

async function migrateOrDestroy(db: Kysely<Database>, migrate: () => Promise<void>): Promise<void> {
  try {
    await migrate();
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

function createStorage(kind: StorageKind, db: Kysely<Database>, postgresPool?: Pool): Storage {
  let closed = false;
  const assertOpen = () => {
    if (closed) throw new Error('Storage is closed');
  };

  async function transaction<T>(fn: (trx: StorageTransaction) => Promise<T>): Promise<T> {
    assertOpen();
    // SQLite: one connection and `BEGIN IMMEDIATE` already make transactions serial.
    if (kind === 'sqlite') return db.transaction().execute(fn);
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction().setIsolationLevel('serializable').execute(fn);
      } catch (error) {
        if (!isRetryable(error) || attempt > MAX_SERIALISATION_RETRIES) throw error;
        // Jittered backoff so the transactions that collided do not collide again in lockstep.
        await sleep(Math.random() * 10 * attempt);
      }
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
    ping: async () => {
      assertOpen();
      await sql`select 1`.execute(db);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
