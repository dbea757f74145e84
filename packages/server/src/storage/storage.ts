/**
 * The database behind the server: SQLite by default (a file in the data folder, nothing to
 * install), PostgreSQL when `DATABASE_URL` is set. Both run the same migrations. Zone data never
 * lives here (it is in memory); this holds what the API writes: session requests, news, tokens.
 */
export type StorageKind = 'sqlite' | 'postgres';

export interface StorageOptions {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Folder of the SQLite file (created if missing). `:memory:` for a throwaway database. */
  dataDir: string;
}

export interface Storage {
  readonly kind: StorageKind;
  /** Fails when the database cannot be reached; used by `/readyz`. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
