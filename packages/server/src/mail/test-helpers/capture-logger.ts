import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Logger } from '../../logger.js';

/** A real pino logger whose JSON lines a test can read (and search for personal data). */
export function captureLogger(): { logger: Logger; lines: Record<string, unknown>[]; raw(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = pino({ level: 'debug' }, stream);
  return {
    logger,
    get lines() {
      return chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    raw: () => chunks.join(''),
  };
}
