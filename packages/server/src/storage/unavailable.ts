/**
 * Errors that say the database cannot be used right now, not that a query is wrong: the answer is
 * 503 with `Retry-After` (nothing was stored, the same request may be sent again), the process
 * lives on, and the next query after the cause is gone works without a restart.
 */

/** SQLSTATE classes and codes of PostgreSQL for a server that is away, shutting down or out of room. */
const POSTGRES_UNAVAILABLE = /^(08...|57P0[123]|53[0-9]00|58030)$/;
/** Errors of the socket under pg: the server is not listening, went away, or cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** What pg says, with no code, when a connection ends or cannot be made in time. */
const PG_CONNECTION_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended)/;
/**
 * better-sqlite3's codes for a disk that is full or failing, a file that cannot be opened or is
 * read-only, no memory, and a lock still held after the busy timeout.
 */
const SQLITE_UNAVAILABLE = /^SQLITE_(FULL|IOERR.*|CANTOPEN.*|READONLY.*|NOMEM|BUSY.*|PROTOCOL)$/;

export function isStorageUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    if (cause instanceof StorageUnavailableError) return true;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (POSTGRES_UNAVAILABLE.test(code) || NETWORK_CODES.has(code) || SQLITE_UNAVAILABLE.test(code)) {
        return true;
      }
    } else if (PG_CONNECTION_MESSAGES.test(cause.message)) {
      return true;
    }
    cause = cause.cause;
  }
  return false;
}

/** A write the database could not take; `cause` is the database's own error, kept for the log. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';

  constructor(cause: unknown) {
    super(`the database cannot be used right now: ${describeStorageError(cause)}`, { cause });
  }
}

/** One line naming the database's error (code and message), for logs: never a query or its values. */
export function describeStorageError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
}
