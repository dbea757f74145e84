/**
 * Opens storage in a separate process, for tests of several servers starting at once. Arguments:
 * the StorageOptions as JSON and the epoch milliseconds to start at, so all children leave the
 * starting line together after their (slow) module loading. Prints the migration status as JSON.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { openStorage } from '../open-storage.js';

const [options = '{}', startAt = '0'] = process.argv.slice(2);
await sleep(Math.max(0, Number(startAt) - Date.now()));
const storage = await openStorage(JSON.parse(options));
try {
  process.stdout.write(JSON.stringify(await storage.migrationStatus()));
} finally {
  await storage.close();
}
