#!/usr/bin/env node
import { delimiter } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPackCommand } from './cli/check-pack.js';
import { consoleIO } from './cli/command-io.js';
import { newsCommand } from './cli/news-import.js';
import { requestsCommand } from './cli/requests.js';
import { tokenCommand } from './cli/token.js';
import { UsageError } from './cli/usage-error.js';
import { intakeSettingsFromEnv } from './http/intake-settings.js';
import { parsePublicUrl } from './http/public-origin.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';
import { integerSettingFromEnv, parseIntegerSetting } from './settings/integer-setting.js';
import { VERSION } from './version.js';

const USAGE = `carezone ${VERSION}

Usage:
  carezone serve [--port 3000] [--host 127.0.0.1] [--zonepack DIR]... [--data DIR]
                 [--widgets DIR] [--examples DIR] [--public-url https://…]
  carezone check-pack DIR...
  carezone token create (--zone ZONE | --all-zones) [--label TEXT] [--zonepack DIR]... [--data DIR]
  carezone token list [--data DIR]
  carezone token revoke ID [--data DIR]
  carezone requests export --zone ZONE [--status STATUS] [--spam exclude|only|include]
                           [--format csv] [--output FILE] [--delimiter ,|;]
                           [--language nl|fr|en|de] [--data DIR]
  carezone requests purge [--older-than DAYS] [--data DIR]
  carezone news import FILE|URL [--zone ZONE]... [--language nl|fr|en|de] [--zonepack DIR]... [--data DIR]
  carezone --help | --version

serve       Serves the API, its docs and the widgets. Without --zonepack it loads the built-in
            Brussels pack. Environment: PORT, HOST, CAREZONE_ZONEPACK (folders separated by '${delimiter}'),
            CAREZONE_DATA_DIR (SQLite folder, default .carezone), DATABASE_URL (postgres://… to use
            PostgreSQL), LOG_LEVEL (default info), CAREZONE_WIDGETS_DIR (the built bundles served
            at /widgets/, default the repository's packages/widgets/dist/cdn), CAREZONE_EXAMPLES_DIR
            (pages served at /examples/, default none), CAREZONE_PUBLIC_URL (the origin the public
            reaches the server at, like https://zorgzones.example.be: absolute links in feeds and docs
            use it; default the address a request came in on, never its Host header).
            Session requests: CAREZONE_TOPICS (a JSON file of topics [{ id, label: { nl, fr, en, de } }],
            checked at start; default a built-in list), CAREZONE_ALLOWED_ORIGINS (comma-separated
            origins whose pages may POST, or *; unset: this server's pages only, or any origin with
            NODE_ENV=development|test), CAREZONE_RATE_LIMIT_IP (default 30/hour) and CAREZONE_RATE_LIMIT_ZONE
            (default 120/hour), like 5/min or off, counted in PostgreSQL for every process on it (in
            memory on SQLite); CAREZONE_TRUST_PROXY (reverse proxies in front whose X-Forwarded-For
            gives the client address, default 0).
            Mail (the outbox): CAREZONE_SMTP_URL (smtp://user:pass@host:port or smtps://…; unset:
            each e-mail is written as an .eml file to CAREZONE_MAIL_DIR, default <data>/outbox-mail),
            CAREZONE_MAIL_FROM (sender; required with SMTP), CAREZONE_ZONE_INBOXES (zone=address,…;
            wins over the pack's e-mail; unknown zones stop the start), CAREZONE_NOTIFY_TO (fallback inbox of the network).
            CAREZONE_RETENTION_DAYS (default 365): requests older than that are purged daily.
            News: CAREZONE_NEWS_SOURCES (zone=URL,…: feeds to poll; a URL listed for several zones is
            one feed with all of them; unknown zones stop the start), CAREZONE_NEWS_POLL_MINUTES
            (default 30): conditional requests (ETag, Last-Modified); a failing feed backs off up to 12 h.
check-pack  Validates zone packs; prints each problem as file:line:column and exits 1 on any error.
token       Staff bearer tokens. create prints the token once (only its hash is stored); --all-zones
            makes a network-wide token. revoke ends a token at once.
requests    export writes one zone's requests as CSV (UTF-8 with BOM, for Excel; header and
            labels in --language, default nl; a cell with a line break or tab is quoted, and a
            cell or a line in it that a spreadsheet would run as a formula starts with '); purge
            deletes requests stored more than DAYS ago (default CAREZONE_RETENTION_DAYS, else 365),
            with their history, queued e-mails and idempotency keys, and prints the counts.
news        import reads an RSS 2.0, Atom 1.0 or JSON Feed 1.1 file or URL (at most 10 MB, 30 s) and
            stores its items with sanitised HTML; items imported before (by their feed id) are updated,
            never duplicated. Zones: those the JSON Feed extension _carezone.zones suggests, plus every
            --zone; an item left without any zone fails the import. --language is the items' language
            where the feed does not say. Any problem: one line on stderr, exit code 1, nothing stored.
            Every command uses the database of serve: --data DIR / CAREZONE_DATA_DIR, or DATABASE_URL.
`;

const DEFAULT_PORT = 3000;
/** 0 is a free port the system picks, as the tests use it. */
const PORT = { min: 0, max: 65535 } as const;

async function serveCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      zonepack: { type: 'string', multiple: true },
      data: { type: 'string' },
      widgets: { type: 'string' },
      examples: { type: 'string' },
      'public-url': { type: 'string' },
    },
  });
  const env = process.env;
  const port =
    values.port === undefined
      ? (integerSettingFromEnv(env, { ...PORT, name: 'PORT' }) ?? DEFAULT_PORT)
      : parseIntegerSetting(values.port, { ...PORT, name: '--port' });
  const zonepacks = values.zonepack ?? env.CAREZONE_ZONEPACK?.split(delimiter).filter(Boolean) ?? [];
  // Checked here too, so that a bad value is named as the operator wrote it (flag or variable).
  const publicUrl =
    values['public-url'] === undefined
      ? env.CAREZONE_PUBLIC_URL
        ? parsePublicUrl(env.CAREZONE_PUBLIC_URL)
        : undefined
      : parsePublicUrl(values['public-url'], '--public-url');
  const logger = createLogger();
  const server = await startServer({
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    zonepacks,
    dataDir: values.data ?? env.CAREZONE_DATA_DIR ?? '.carezone',
    databaseUrl: env.DATABASE_URL || undefined,
    widgetsDir: values.widgets ?? (env.CAREZONE_WIDGETS_DIR || undefined),
    examplesDir: values.examples ?? (env.CAREZONE_EXAMPLES_DIR || undefined),
    ...intakeSettingsFromEnv(env),
    publicUrl,
    logger,
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1); // a second signal means "now"
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Never hang forever on a stuck connection.
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await serveCommand(rest);
      return 0;
    case 'check-pack':
      if (rest.length === 0) throw new UsageError('check-pack needs at least one folder');
      return checkPackCommand(rest, {
        log: (line) => console.log(line),
        error: (line) => console.error(line),
      });
    case 'token':
      return tokenCommand(rest, consoleIO, process.env);
    case 'requests':
      return requestsCommand(rest, consoleIO, process.env);
    case 'news':
      return newsCommand(rest, consoleIO, process.env);
    case '--version':
    case '-v':
      console.log(VERSION);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      console.error(`carezone: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      console.error('carezone:', error instanceof Error ? error.message : error);
      process.exitCode = 1;
    }
  },
);
