import type { Kysely } from 'kysely';
import { Migrator } from 'kysely';
import type { Database } from './database.js';
import { migrationProvider } from './migrations/index.js';
import type { MigrationStatus } from './storage.js';

function migratorFor(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider: migrationProvider });
}

/**
 * Brings the schema up to date. Kysely's Migrator takes a lock first (a PostgreSQL advisory lock;
 * on SQLite the write lock of one `BEGIN IMMEDIATE` transaction, see sqlite-dialect.ts), so
 * processes that start together apply each migration once.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { error, results } = await migratorFor(db).migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    const what = failed === undefined ? 'Database migration' : `Database migration ${failed}`;
    throw new Error(`${what} failed: ${String(error)}`, { cause: error });
  }
}

export async function readMigrationStatus(db: Kysely<Database>): Promise<MigrationStatus> {
  const all = await migratorFor(db).getMigrations();
  return {
    applied: all.filter((m) => m.executedAt !== undefined).map((m) => m.name),
    pending: all.filter((m) => m.executedAt === undefined).map((m) => m.name),
  };
}
