import { type Logger, pino } from 'pino';

export type { Logger };

/** JSON lines on stdout (one object per event), the format log collectors expect. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'carezone' } });
}
