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
