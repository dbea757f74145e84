import type { DatabaseConnection, Driver } from 'kysely';
import { PostgresDialect, PostgresDriver } from 'kysely';
import { isStorageUnavailable } from './unavailable.js';

/**
 * When the connection broke in the middle of a transaction (the server stopped, the network
 * dropped), the ROLLBACK fails too, and its error would replace the one that says what went wrong.
 * The server rolls back an open transaction of a closed connection itself, and pg's pool drops a
 * client that is no longer queryable when it is released; so such a failure is left unsaid.
 */
class CarezonePostgresDriver extends PostgresDriver {
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.rollbackTransaction(connection);
    } catch (error) {
      if (!isStorageUnavailable(error)) throw error;
    }
  }
}

export class CarezonePostgresDialect extends PostgresDialect {
  readonly #config: ConstructorParameters<typeof PostgresDialect>[0];

  constructor(config: ConstructorParameters<typeof PostgresDialect>[0]) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new CarezonePostgresDriver(this.#config);
  }
}
