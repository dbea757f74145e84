import { openStorage } from '../storage/open-storage.js';
import type { Storage } from '../storage/storage.js';

/** The storage options every command shares with `serve`. */
export const STORAGE_OPTIONS = { data: { type: 'string' } } as const;

/**
 * Opens the database `serve` would open (`--data` / `CAREZONE_DATA_DIR`, or `DATABASE_URL`),
 * migrated to the latest schema, runs `fn` and closes it again.
 */
export async function withCliStorage<T>(
  data: string | undefined,
  env: NodeJS.ProcessEnv,
  fn: (storage: Storage) => Promise<T>,
): Promise<T> {
  const storage = await openStorage({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: data ?? env.CAREZONE_DATA_DIR ?? '.carezone',
  });
  try {
    return await fn(storage);
  } finally {
    await storage.close();
  }
}
