import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Kysely } from 'kysely';
import type { Database } from './database.js';
import { CarezoneSqliteDialect } from './sqlite-dialect.js';

export const SQLITE_FILE_NAME = 'carezone.sqlite';
const BUSY_TIMEOUT_MS = 5_000;

/**
 * better-sqlite3 is synchronous: while one connection of this process waits for a lock held by
 * another connection of this process, the busy handler blocks the very thread that would release
 * it. So migrations on one file are queued here, and the file lock only orders processes.
 */
const fileQueues = new Map<string, Promise<unknown>>();

export function queuePerFile<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const previous = fileQueues.get(file) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const settled = run.catch(() => undefined);
  fileQueues.set(file, settled);
  void settled.then(() => {
    if (fileQueues.get(file) === settled) fileQueues.delete(file);
  });
  return run;
}

export interface OpenedSqlite {
  db: Kysely<Database>;
  /** `:memory:` or the absolute path of the file. */
  file: string;
}

export async function openSqlite(dataDir: string): Promise<OpenedSqlite> {
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    await mkdir(dataDir, { recursive: true });
    file = resolve(join(dataDir, SQLITE_FILE_NAME));
  }
  const sqlite = new BetterSqlite3(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    // WAL lets readers run beside the one writer. synchronous=FULL fsyncs the WAL at every commit:
    // NORMAL (the usual WAL pairing) can lose the last commits on power loss, and a session
    // request must never be lost once the API has answered 201.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return { db: new Kysely<Database>({ dialect: new CarezoneSqliteDialect({ database: sqlite }) }), file };
}
