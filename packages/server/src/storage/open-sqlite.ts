import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, stat, unlink } from 'node:fs/promises';
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

/**
 * A new database file appears whole: made under a temporary name (0600) with its first page
 * written (the WAL mode in its header), then linked to its name, which fails harmlessly when a
 * process starting beside this one was first. So a file of 0 bytes under the real name is never
 * one being created: it is one that lost its content.
 */
async function createFile(file: string, BetterSqlite3: typeof import('better-sqlite3')): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.new`;
  await (await open(temporary, 'wx', 0o600)).close();
  try {
    const sqlite = new BetterSqlite3(temporary);
    try {
      sqlite.pragma('journal_mode = WAL');
    } finally {
      sqlite.close();
    }
    await link(temporary, file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/**
 * The database file, made ready for SQLite: the folder (0700) and the file (0600) are created
 * for this user alone, as they hold personal data, and an existing file is made 0600 too. An
 * existing empty file is refused: SQLite would take it for a new database, and one that was
 * truncated (a failed restore, a full disk) would start over silently with no requests in it.
 */
async function prepareFile(dataDir: string, BetterSqlite3: typeof import('better-sqlite3')): Promise<string> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = resolve(join(dataDir, SQLITE_FILE_NAME));
  const existing = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing === undefined) {
    await createFile(file, BetterSqlite3);
  } else if (existing.size === 0) {
    throw new Error(
      `${file} is empty (0 bytes), so it is not a Carezone database: it may have been truncated. ` +
        'Restore it from a backup, or move it away to start with a new, empty database.',
    );
  } else if ((existing.mode & 0o077) !== 0) {
    await chmod(file, 0o600);
  }
  return file;
}

export async function openSqlite(dataDir: string): Promise<OpenedSqlite> {
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const file = dataDir === ':memory:' ? ':memory:' : await prepareFile(dataDir, BetterSqlite3);
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
  return { db: new Kysely<Database>({ dialect: new CarezoneSqliteDialect(sqlite) }), file };
}
