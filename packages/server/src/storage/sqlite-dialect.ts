import type { DatabaseConnection, DialectAdapter, Driver, SqliteDialectConfig } from 'kysely';
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver } from 'kysely';

/**
 * `BEGIN IMMEDIATE` takes the write lock when the transaction starts. A plain (deferred) `BEGIN`
 * takes it at the first write, and two transactions that both read first then fail with
 * SQLITE_BUSY instead of waiting for each other under the busy timeout.
 */
class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
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
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateTransactionDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlAdapter();
  }
}
