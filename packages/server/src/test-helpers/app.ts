import type { Hono } from 'hono';
import { createApp } from '../http/app.js';
import { createLogger } from '../logger.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { openStorage } from '../storage/open-storage.js';
import { loadZoneDirectory } from '../zones/load-zone-directory.js';

/** The HTTP app over real packs and a throwaway SQLite database, for in-process requests. */
export async function createTestApp(
  zonepacks: string[] = [REFERENCE_PACK_DIR],
): Promise<{ app: Hono; close(): Promise<void> }> {
  const directory = await loadZoneDirectory(zonepacks);
  const storage = await openStorage({ dataDir: ':memory:' });
  const app = createApp({ directory, storage, logger: createLogger('silent'), version: '0.0.0-test' });
  return { app, close: () => storage.close() };
}
