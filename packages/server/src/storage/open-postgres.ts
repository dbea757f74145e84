import { Kysely } from 'kysely';
import type { Pool } from 'pg';
import type { Database } from './database.js';
import { CarezonePostgresDialect } from './postgres-dialect.js';

export interface OpenedPostgres {
  db: Kysely<Database>;
  /** The pool behind `db`, for the few libraries that speak to PostgreSQL themselves. */
  pool: Pool;
}

export async function openPostgres(connectionString: string): Promise<OpenedPostgres> {
  const { default: pg } = await import('pg');
  // bigint (count(*), sum) comes back from pg as a string but from SQLite as a number; numbers on
  // both keep one query one result type. Nothing stored here comes near 2^53.
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
  const pool = new pg.Pool({ connectionString, types, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle client whose server went away emits 'error'; unhandled, that would crash the process.
  // The pool drops that client, the next query opens a new one, and /readyz reports the outage.
  pool.on('error', () => {});
  return { db: new Kysely<Database>({ dialect: new CarezonePostgresDialect({ pool }) }), pool };
}
