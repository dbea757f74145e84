import type { Kysely } from 'kysely';

/*
 * `rate_limits`: the session request limits (per client address, per zone) that server processes on
 * one PostgreSQL share, counted by rate-limiter-flexible's RateLimiterPostgres. Made here rather
 * than by the library at run time, so processes starting together do not race to create it.
 * - The library writes `insert … values (key, points, expire)`: the columns keep that order.
 * - `key` is the limit's name and its key (`address:203.0.113.7`, `zone:bxl-sud`); `text`, unlike
 *   the library's own `varchar(255)`, so no long forwarded address can make an insert fail.
 * - `points`: requests counted in the current window; `expire`: when it ends, in Unix milliseconds.
 * - The index serves the sweep of expired rows (see http/rate-limits.ts).
 * Made on SQLite too, so both dialects keep one schema; there the limits stay in the process's
 * memory and the table stays empty.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute();
  await db.schema.createIndex('rate_limits_expire').on('rate_limits').column('expire').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}
