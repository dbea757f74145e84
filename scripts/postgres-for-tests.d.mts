/** A PostgreSQL for tests: a throwaway cluster, or fresh databases on CAREZONE_TEST_DATABASE_URL. */
export interface TestPostgres {
  /** A database that exists for the life of this handle. */
  url: string;
  /** Creates another empty database on the same server and answers its URL. */
  createDatabase(): Promise<string>;
  /** Drops what it created, and stops the cluster if it started one. */
  stop(): Promise<void>;
}

export function startTestPostgres(options?: { durable?: boolean }): Promise<TestPostgres>;

/** A cluster of the caller's own, which it may stop and start again on the same port. */
export interface OwnPostgres extends TestPostgres {
  /** A fast shutdown, as an operator's restart does: open connections are ended. */
  halt(): Promise<void>;
  /** Starts the cluster again on the same port. */
  resume(): Promise<void>;
}

/** A throwaway cluster, even where CAREZONE_TEST_DATABASE_URL names a shared server. */
export function startOwnPostgres(): Promise<OwnPostgres>;
