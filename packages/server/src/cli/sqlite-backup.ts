import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';

/**
 * Copies the SQLite database `source` to `target` with SQLite's online backup API, which reads a
 * consistent snapshot while other connections (a running server) go on writing. The copy is made
 * under a temporary name (mode 600: it holds personal data), switched from WAL to a rollback
 * journal so that the one file is the whole backup, checked, and only then renamed to `target`:
 * a failed or interrupted backup never leaves a half-written file under the name a restore uses.
 */
export async function backupSqlite(source: string, target: string): Promise<{ bytes: number }> {
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const partial = `${target}.${randomBytes(6).toString('hex')}.partial`;
  try {
    await (await open(partial, 'wx', 0o600)).close();
    const database = new BetterSqlite3(source, { fileMustExist: true, timeout: 5_000 });
    try {
      await database.backup(partial);
    } finally {
      database.close();
    }
    const copy = new BetterSqlite3(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok')
        throw new Error(`the copy of ${source} fails SQLite's quick_check: ${String(check)}`);
    } finally {
      copy.close();
    }
    await rename(partial, target);
    return { bytes: (await stat(target)).size };
  } catch (error) {
    await Promise.all(['', '-wal', '-shm', '-journal'].map((end) => rm(`${partial}${end}`, { force: true })));
    throw error;
  }
}
