import { pino } from 'pino';
import type { Logger } from '../logger.js';

/** A pino logger that keeps its JSON lines in memory, to check what a request logs. */
export function memoryLogger(): { logger: Logger; lines: string[]; text(): string } {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  return { logger, lines, text: () => lines.join('') };
}
