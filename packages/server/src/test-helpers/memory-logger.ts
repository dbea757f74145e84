import { pino } from 'pino';
import type { Logger } from '../logger.js';

export interface MemoryLog {
  /** A real pino logger at level debug, writing here instead of to stdout. */
  logger: Logger;
  /** Every JSON line as written, newline included. */
  lines: string[];
  /** The lines parsed, to find an entry by its fields. */
  readonly entries: Record<string, unknown>[];
  /** Everything written, to search for what must never be logged (personal data). */
  text(): string;
}

/** A logger that keeps what it writes, so a test can read what the code logged. */
export function memoryLogger(): MemoryLog {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  return {
    logger,
    lines,
    get entries() {
      return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    text: () => lines.join(''),
  };
}
