import { storageOptionsOf } from '../settings/read-settings.js';
import type { Settings } from '../settings/resolve-settings.js';
import { openStorage } from '../storage/open-storage.js';
import type { Storage } from '../storage/storage.js';

/** The storage flag every command shares with `serve`. */
export const STORAGE_OPTIONS = { data: { type: 'string' } } as const;

/**
 * Opens the database `serve` would open (`--data` / `CAREZONE_DATA_DIR`, or `DATABASE_URL`, from
 * flags, the environment or `.env`), migrated to the latest schema, runs `fn` and closes it again.
 */
export async function withCliStorage<T>(
  settings: Settings,
  fn: (storage: Storage) => Promise<T>,
): Promise<T> {
  const storage = await settings.read(() => openStorage(storageOptionsOf(settings)));
  try {
    return await fn(storage);
  } finally {
    await storage.close();
  }
}
