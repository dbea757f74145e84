import { join } from 'node:path';
import { DEFAULT_WIDGETS_DIR } from '../http/static-files.js';
import { DEFAULT_MAIL_FROM, MAIL_DIR_NAME } from '../mail/mail-settings.js';
import { DEFAULT_NEWS_POLL_MINUTES } from '../news/poll/poll-settings.js';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { DEFAULT_RETENTION_DAYS } from '../retention/retention-settings.js';

/** One setting of `serve` and the commands: the variable that sets it, and the flag when there is one. */
export interface SettingDefinition {
  /** The environment variable, also its name in `.env`. */
  readonly name: string;
  /** The command-line flag without `--`, for the settings a flag can set. */
  readonly flag?: string;
  /** Several values: the flag repeats, the variable separates them with `:` (`;` on Windows). */
  readonly list?: boolean;
  /**
   * What applies when nothing sets it: a value, or in parentheses what the server does instead.
   * A function for defaults that follow from another setting (the mail folder, in the data folder).
   */
  readonly fallback: string | ((text: (name: string) => string | undefined) => string);
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = '.carezone';
export const DEFAULT_LOG_LEVEL = 'info';

/**
 * Every setting, in the order `carezone config` lists them. A variable read anywhere else is not a
 * setting of this server (PostgreSQL's own `PG*` variables, for one).
 */
export const SETTINGS = [
  { name: 'PORT', flag: 'port', fallback: String(DEFAULT_PORT) },
  { name: 'HOST', flag: 'host', fallback: DEFAULT_HOST },
  { name: 'CAREZONE_ZONEPACK', flag: 'zonepack', list: true, fallback: BUILTIN_PACK_DIR },
  { name: 'CAREZONE_DATA_DIR', flag: 'data', fallback: DEFAULT_DATA_DIR },
  { name: 'DATABASE_URL', fallback: '(SQLite in the data folder)' },
  {
    name: 'CAREZONE_WIDGETS_DIR',
    flag: 'widgets',
    fallback: DEFAULT_WIDGETS_DIR ?? '(none: the widgets are not built)',
  },
  { name: 'CAREZONE_EXAMPLES_DIR', flag: 'examples', fallback: '(no /examples/)' },
  { name: 'CAREZONE_PUBLIC_URL', flag: 'public-url', fallback: '(the address a request came in on)' },
  { name: 'LOG_LEVEL', fallback: DEFAULT_LOG_LEVEL },
  // Not ours, but it decides who may post when CAREZONE_ALLOWED_ORIGINS is unset.
  { name: 'NODE_ENV', fallback: '(production)' },
  { name: 'CAREZONE_TOPICS', fallback: '(the built-in topics)' },
  { name: 'CAREZONE_ALLOWED_ORIGINS', fallback: "(this server's own pages)" },
  { name: 'CAREZONE_RATE_LIMIT_IP', fallback: '30/hour' },
  { name: 'CAREZONE_RATE_LIMIT_ZONE', fallback: '120/hour' },
  { name: 'CAREZONE_RATE_LIMIT_SIGN_IN', fallback: '10/15min' },
  { name: 'CAREZONE_TRUST_PROXY', fallback: '0' },
  { name: 'CAREZONE_SMTP_URL', fallback: '(none: e-mails are written as .eml files)' },
  { name: 'CAREZONE_MAIL_FROM', fallback: DEFAULT_MAIL_FROM },
  {
    name: 'CAREZONE_MAIL_DIR',
    fallback: (text) => {
      const dataDir = text('CAREZONE_DATA_DIR') ?? DEFAULT_DATA_DIR;
      return dataDir === ':memory:' ? '(a temporary folder)' : join(dataDir, MAIL_DIR_NAME);
    },
  },
  { name: 'CAREZONE_ZONE_INBOXES', fallback: "(the zone pack's e-mail addresses)" },
  { name: 'CAREZONE_NOTIFY_TO', fallback: '(none)' },
  { name: 'CAREZONE_RETENTION_DAYS', fallback: String(DEFAULT_RETENTION_DAYS) },
  { name: 'CAREZONE_NEWS_SOURCES', fallback: '(no feeds polled)' },
  { name: 'CAREZONE_NEWS_POLL_MINUTES', fallback: String(DEFAULT_NEWS_POLL_MINUTES) },
] as const satisfies readonly SettingDefinition[];

export type SettingName = (typeof SETTINGS)[number]['name'];
