import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Topic } from '@carezone/contract';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { describeAllowedOrigins, resolveAllowedOrigins } from './http/allowed-origins.js';
import { createApp } from './http/app.js';
import { parsePublicUrl, publicUrlNeeded } from './http/public-origin.js';
import type { RateLimits } from './http/rate-limits.js';
import { DEFAULT_WIDGETS_DIR, widgetsVersionOf } from './http/static-files.js';
import { createLogger, type Logger } from './logger.js';
import { checkZoneInboxZones, type MailSettings, mailSettingsFromEnv } from './mail/mail-settings.js';
import { nudgeOnCreated } from './mail/nudge-on-created.js';
import { type MailDelivery, startMailDelivery } from './mail/start-mail.js';
import { startNewsPolling } from './news/poll/poll-scheduler.js';
import {
  checkNewsSourceZones,
  type NewsPollSettings,
  newsPollSettingsFromEnv,
} from './news/poll/poll-settings.js';
import { BUILTIN_PACK_DIR } from './packs/builtin.js';
import { startRetentionSchedule } from './retention/retention-schedule.js';
import { retentionDaysFromEnv } from './retention/retention-settings.js';
import { DEFAULT_TOPICS, loadTopicsFile } from './session-requests/topics.js';
import { openStorage } from './storage/open-storage.js';
import type { Storage } from './storage/storage.js';
import { VERSION } from './version.js';
import { loadZoneDirectory } from './zones/load-zone-directory.js';
import type { ZoneDirectory } from './zones/zone-directory.js';

export interface ServerOptions {
  /** 0 picks a free port. Default 3000. */
  port?: number;
  /** Default 127.0.0.1; `0.0.0.0` to listen on every interface (containers). */
  host?: string;
  /** Zone pack folders; none means the built-in Brussels pack. */
  zonepacks?: readonly string[];
  /** Folder of the SQLite database (`:memory:` for a throwaway one). Default `.carezone`. */
  dataDir?: string;
  /** `postgres://…` to use PostgreSQL instead of SQLite. */
  databaseUrl?: string | undefined;
  /**
   * Folder of the built widget bundles, served at `/widgets/…`. Default: the repository's
   * `packages/widgets/dist/cdn` when the server runs inside it.
   */
  widgetsDir?: string | undefined;
  /** Version served at `/widgets/<version>/…`. Default: that of the package holding `widgetsDir`. */
  widgetsVersion?: string | undefined;
  /** Folder of example pages served at `/examples/…`. Default: none. */
  examplesDir?: string | undefined;
  /**
   * Delivery of the outbox's e-mails (SMTP, or `.eml` files in a folder). Default: from the
   * environment (`CAREZONE_SMTP_URL`, … see mail/mail-settings.ts); `false`: not delivered here.
   */
  mail?: MailSettings | false;
  /**
   * Requests older than this many days are purged at start and daily. Default
   * `CAREZONE_RETENTION_DAYS`, else 365; `false`: only `carezone requests purge` purges.
   */
  retentionDays?: number | false;
  /**
   * Feeds polled for news, and their zones. Default: from the environment
   * (`CAREZONE_NEWS_SOURCES`, `CAREZONE_NEWS_POLL_MINUTES`); `false`: none polled here.
   */
  newsPolling?: NewsPollSettings | false;
  /** Session topics, or the JSON file that lists them (`CAREZONE_TOPICS`). Default: `DEFAULT_TOPICS`. */
  topics?: readonly Topic[] | string | undefined;
  /**
   * Origins whose pages may POST and PATCH (`CAREZONE_ALLOWED_ORIGINS`): a list, comma-separated
   * text, or `*`. Default: any origin when `NODE_ENV` is `development` or `test`, else none (pages of
   * this server itself always may).
   */
  allowedOrigins?: string | readonly string[] | undefined;
  /**
   * Limits on sending session requests, shared by the processes on one PostgreSQL (in memory on
   * SQLite). Default: `DEFAULT_RATE_LIMITS`.
   */
  rateLimits?: RateLimits | undefined;
  /** Reverse proxies in front whose `X-Forwarded-For` is believed (`CAREZONE_TRUST_PROXY`). Default 0. */
  trustedProxies?: number | undefined;
  /**
   * The server's public origin, like `https://zorgzones.example.be` (`CAREZONE_PUBLIC_URL`): absolute
   * links (feeds, docs) are built from it. Default: the address a request came in on, never its `Host`.
   */
  publicUrl?: string | undefined;
  logger?: Logger;
}

export interface RunningServer {
  url: string;
  /** The folders served at `/widgets/` and `/examples/`; `undefined`: not served. */
  widgetsDir: string | undefined;
  examplesDir: string | undefined;
  app: Hono;
  directory: ZoneDirectory;
  storage: Storage;
  /** Stops accepting connections, lets open requests finish, then closes the database. */
  close(): Promise<void>;
}

/** Loads the packs, opens the database, and serves the API over HTTP. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger();
  const started = performance.now();
  const packs = options.zonepacks && options.zonepacks.length > 0 ? options.zonepacks : [BUILTIN_PACK_DIR];
  const directory = await loadZoneDirectory([...packs]);
  logger.info(
    { packs: directory.packs.map(({ id, dataVersion, dir }) => ({ id, dataVersion, dir })) },
    'zone packs loaded',
  );
  const dataDir = options.dataDir ?? '.carezone';
  // Read before the database opens, so a bad setting stops the start with nothing to clean up.
  const mailSettings = options.mail ?? mailSettingsFromEnv(process.env, dataDir);
  const retentionDays = options.retentionDays ?? retentionDaysFromEnv(process.env);
  const newsPolling = options.newsPolling ?? newsPollSettingsFromEnv(process.env);
  const knownZones = new Set(directory.zones({}).map((zone) => zone.id));
  if (newsPolling !== false) checkNewsSourceZones(newsPolling, knownZones);
  if (mailSettings !== false) checkZoneInboxZones(mailSettings.inboxes, knownZones);
  const topics =
    typeof options.topics === 'string'
      ? await loadTopicsFile(options.topics)
      : (options.topics ?? DEFAULT_TOPICS);
  const allowedOrigins = resolveAllowedOrigins(options.allowedOrigins);
  const publicUrl = options.publicUrl === undefined ? undefined : parsePublicUrl(options.publicUrl);
  if (publicUrl === undefined && publicUrlNeeded(options.host ?? '127.0.0.1', options.trustedProxies ?? 0)) {
    logger.warn(
      'no CAREZONE_PUBLIC_URL: links in the news feeds name the address a request came in on, ' +
        'not the name the public reaches this server by',
    );
  }
  logger.info(
    { topics: topics.length, writeOrigins: describeAllowedOrigins(allowedOrigins) },
    'session request intake',
  );
  if (allowedOrigins !== 'any' && allowedOrigins.size === 0) {
    logger.warn(
      'no CAREZONE_ALLOWED_ORIGINS: browsers on other sites cannot send session requests, only pages of ' +
        'this server (NODE_ENV=development or test allows every origin)',
    );
  }
  const storage = await openStorage({ databaseUrl: options.databaseUrl, dataDir, logger });
  logger.info({ storage: storage.kind }, 'storage ready');

  const widgetsDir = options.widgetsDir ? resolve(options.widgetsDir) : DEFAULT_WIDGETS_DIR;
  const examplesDir = options.examplesDir ? resolve(options.examplesDir) : undefined;
  const widgets = {
    dir: widgetsDir,
    version: options.widgetsVersion ?? (widgetsDir ? widgetsVersionOf(widgetsDir) : undefined),
  };
  logger.info({ widgets, examples: examplesDir }, 'static files');
  const app = createApp({
    directory,
    storage,
    logger,
    version: VERSION,
    widgets,
    examplesDir,
    topics,
    allowedOrigins,
    rateLimits: options.rateLimits,
    trustedProxies: options.trustedProxies,
    publicUrl,
  });
  let mail: MailDelivery | undefined;
  const fetch = nudgeOnCreated(app.fetch, () => mail?.nudge());
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const instance = serve({ fetch, port: options.port ?? 3000, hostname: options.host ?? '127.0.0.1' }, () =>
      resolve(instance),
    );
    instance.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  mail =
    mailSettings === false
      ? undefined
      : startMailDelivery({ storage, directory, logger, settings: mailSettings, topics, publicUrl });
  const retention =
    retentionDays === false ? undefined : startRetentionSchedule({ storage, logger, retentionDays });
  const news =
    newsPolling === false || newsPolling.sources.length === 0
      ? undefined
      : startNewsPolling({ storage, logger, settings: newsPolling, knownZones });
  logger.info({ url, startupMs: Math.round(performance.now() - started) }, 'listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    widgetsDir,
    examplesDir,
    app,
    directory,
    storage,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Idle keep-alive sockets would otherwise hold the close open.
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        // The message being sent finishes; the rest stays in the outbox for the next start. A feed
        // still being fetched is abandoned; one being stored is stored first.
        await Promise.all([mail?.stop(), retention?.stop(), news?.stop()]);
        await storage.close();
      })();
      return closing;
    },
  };
}
