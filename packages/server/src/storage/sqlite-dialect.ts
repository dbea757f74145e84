import type BetterSqlite3 from 'better-sqlite3';
import type { DatabaseConnection, DialectAdapter, Driver } from 'kysely';
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver } from 'kysely';

class CarezoneSqliteDriver extends SqliteDriver {
  readonly #database: BetterSqlite3.Database;

  constructor(database: BetterSqlite3.Database) {
    super({ database });
    this.#database = database;
  }

  /**
   * `BEGIN IMMEDIATE` takes the write lock when the transaction starts. A plain (deferred) `BEGIN`
   * takes it at the first write, and two transactions that both read first then fail with
   * SQLITE_BUSY instead of waiting for each other under the busy timeout.
   */
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  /**
   * SQLite rolls a transaction back by itself after some errors (SQLITE_FULL, SQLITE_IOERR…). A
   * ROLLBACK then fails with "cannot rollback - no transaction is active", and that error would
   * replace the one that says what went wrong; so roll back only what is still open.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#database.inTransaction) await super.rollbackTransaction(connection);
  }
}

/**
 * SQLite does run DDL in transactions; Kysely's adapter says it does not, which makes its Migrator
 * run with no lock and no transaction at all. Saying yes puts the whole migration run in one
 * `BEGIN IMMEDIATE` transaction: another process opening the same file waits, then sees it done.
 */
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class CarezoneSqliteDialect extends SqliteDialect {
  readonly #database: BetterSqlite3.Database;

  constructor(database: BetterSqlite3.Database) {
    super({ database });
    this.#database = database;
  }

  override createDriver(): Driver {
    return new CarezoneSqliteDriver(this.#database);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlAdapter();
  }
}
