import assert from 'node:assert/strict';
import { after, before } from 'node:test';
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

export interface TestApp {
  app: Hono;
  storage: Storage;
  close(): Promise<void>;
}

/** What a test calls on an app: in-process requests. */
export type InProcessApp = Pick<Hono, 'request'>;

/** The HTTP app over real packs and a throwaway SQLite database, for in-process requests. */
export async function createTestApp(
  zonepacks: string[] = [REFERENCE_PACK_DIR],
  options: TestAppOptions = {},
): Promise<TestApp> {
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
 * The test app of the tests around the call (a file or a `describe`): opened before them, closed
 * after them. Its `request` is handed out at once, to be called from those tests.
 */
export function testAppAround(zonepacks?: string[], options?: TestAppOptions): InProcessApp {
  let opened: TestApp | undefined;
  before(async () => {
    opened = await createTestApp(zonepacks, options);
  });
  after(() => opened?.close());
  return {
    request: (...args) => {
      assert.ok(opened, 'the test app opens before the tests: request it from a test');
      return opened.app.request(...args);
    },
  };
}

/** Runs `use` with an app of its own settings (other topics, tight limits), then closes it, come what may. */
export async function withTestApp(options: TestAppOptions, use: (app: Hono) => Promise<void>): Promise<void> {
  const { app, close } = await createTestApp(undefined, options);
  try {
    await use(app);
  } finally {
    await close();
  }
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
    rateLimits: { perAddress: 'off', perZone: 'off', signIn: 'off' },
    logger: createLogger('silent'),
    ...options,
  });
}
