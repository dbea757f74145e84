import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp } from './http/app.js';
import { REPO_WIDGETS_DIR, widgetsVersionOf } from './http/static-files.js';
import { createLogger, type Logger } from './logger.js';
import { BUILTIN_PACK_DIR } from './packs/builtin.js';
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
  logger?: Logger;
}

export interface RunningServer {
  url: string;
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
  const storage = await openStorage({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir ?? '.carezone',
  });
  logger.info({ storage: storage.kind }, 'storage ready');

  const widgetsDir = options.widgetsDir ? resolve(options.widgetsDir) : REPO_WIDGETS_DIR;
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
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const instance = serve(
      { fetch: app.fetch, port: options.port ?? 3000, hostname: options.host ?? '127.0.0.1' },
      () => resolve(instance),
    );
    instance.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ url, startupMs: Math.round(performance.now() - started) }, 'listening');

  let closing: Promise<void> | undefined;
  return {
    url,
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
        await storage.close();
      })();
      return closing;
    },
  };
}
