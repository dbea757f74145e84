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
  // A client whose server went away (a restart ends every connection with 57P01) emits 'error';
  // unhandled, that would end the process. Idle, the pool drops it; checked out between two
  // queries of a transaction, its next query fails as unavailable and the pool drops it on release.
  // Either way the next query opens a new connection: recovery needs no restart.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return { db: new Kysely<Database>({ dialect: new CarezonePostgresDialect({ pool }) }), pool };
}
