/**
 * The database behind the server: SQLite by default (a file in the data folder, nothing to
 * install), PostgreSQL when `DATABASE_URL` is set. Both run the same migrations. Zone data never
 * lives here (it is in memory); this holds what the API writes: session requests, news, tokens.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Pool } from 'pg';
import type { Logger } from '../logger.js';
import type { Database } from './database.js';

export type StorageKind = 'sqlite' | 'postgres';

export interface StorageOptions {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Folder of the SQLite file (created if missing). `:memory:` for a throwaway database. */
  dataDir: string;
  /** Told when writes start failing for want of the database, and when they work again. */
  logger?: Logger | undefined;
}

export interface MigrationStatus {
  /** Names of the applied migrations, oldest first. */
  applied: string[];
  /** Names known to this build but not applied (empty after a successful open). */
  pending: string[];
}

export type StorageTransaction = Transaction<Database>;

export interface Storage {
  readonly kind: StorageKind;
  /** Same queries for both dialects; a `StorageTransaction` is also a `Kysely<Database>`. */
  readonly db: Kysely<Database>;
  /**
   * On PostgreSQL, the connection pool behind `db`, shared with what keeps state across server
   * processes there (the rate limits); `undefined` on SQLite.
   */
  readonly postgresPool: Pool | undefined;
  /**
   * Runs `fn` in one transaction: commits when it resolves, rolls back when it throws. On SQLite
   * transactions are serial (`BEGIN IMMEDIATE`); on PostgreSQL they run at read committed, so `fn`
   * must not read a row and then write what it decided from it without a guard: a unique key, a
   * conditional update that throws `WriteConflict` (see write-conflicts.ts), or a row lock.
   * A deadlock or serialisation failure runs `fn` again after a pause, so `fn` must touch nothing
   * but `trx` (no e-mails, no HTTP): use the outbox table for side effects. When the database
   * cannot be used (unreachable, disk full) it throws `StorageUnavailableError`.
   */
  transaction<T>(fn: (trx: StorageTransaction) => Promise<T>): Promise<T>;
  migrationStatus(): Promise<MigrationStatus>;
  /**
   * Fails when the database cannot be reached, when the SQLite folder is almost full, or while
   * writes have been failing for want of the database; used by `/readyz`.
   */
  ping(): Promise<void>;
  close(): Promise<void>;
}
