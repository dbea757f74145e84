import type { Hono } from 'hono';
import { type AppDependencies, createApp } from '../http/app.js';
import { createLogger } from '../logger.js';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { type RunningServer, type ServerOptions, startServer } from '../server.js';
import { openStorage } from '../storage/open-storage.js';
import type { Storage } from '../storage/storage.js';
import { loadZoneDirectory } from '../zones/load-zone-directory.js';

/** What a test may set of the app; the rest is the reference pack and a silent logger. */
export type TestAppOptions = Partial<
  Pick<
    AppDependencies,
    'logger' | 'topics' | 'allowedOrigins' | 'rateLimits' | 'trustedProxies' | 'publicUrl'
  >
>;

/** The HTTP app over real packs and a throwaway SQLite database, for in-process requests. */
export async function createTestApp(
  zonepacks: string[] = [REFERENCE_PACK_DIR],
  options: TestAppOptions = {},
): Promise<{ app: Hono; storage: Storage; close(): Promise<void> }> {
  const directory = await loadZoneDirectory(zonepacks);
  const storage = await openStorage({ dataDir: ':memory:' });
  const app = createApp({
    directory,
    storage,
    logger: createLogger('silent'),
    version: '0.0.0-test',
    ...options,
  });
  return { app, storage, close: () => storage.close() };
}

/**
 * A real server on a free port, for what only a real connection shows (a 413's connection, a
 * client leaving mid-body, the address a request came in on): the built-in pack, a throwaway
 * database, no background jobs, no limits and a silent logger, unless `options` says otherwise.
 */
export function startTestServer(options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return startServer({
    port: 0,
    zonepacks: [BUILTIN_PACK_DIR],
    dataDir: ':memory:',
    mail: false,
    retentionDays: false,
    newsPolling: false,
    rateLimits: { perAddress: 'off', perZone: 'off' },
    logger: createLogger('silent'),
    ...options,
  });
}
