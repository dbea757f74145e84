import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { startTestPostgres, type TestPostgres } from '../../../../../scripts/postgres-for-tests.mjs';
import { openStorage } from '../open-storage.js';
import type { Storage, StorageKind, StorageOptions } from '../storage.js';

/** Where a shared storage suite runs: each `fresh()` is a new, empty database. */
export interface StorageTarget {
  readonly kind: StorageKind;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  fresh(): Promise<StorageOptions>;
}

export function sqliteTarget(): StorageTarget {
  let root = '';
  let count = 0;
  return {
    kind: 'sqlite',
    setUp: async () => {
      root = await mkdtemp(join(tmpdir(), 'carezone-sqlite-'));
    },
    tearDown: () => rm(root, { recursive: true, force: true }),
    fresh: async () => ({ dataDir: join(root, `db-${++count}`) }),
  };
}

export function postgresTarget(options: { durable?: boolean } = {}): StorageTarget {
  let server: TestPostgres | undefined;
  const running = () => {
    if (server === undefined) throw new Error('postgresTarget: setUp() did not run or failed');
    return server;
  };
  return {
    kind: 'postgres',
    setUp: async () => {
      // No skipping: without a PostgreSQL this throws, saying how to get one, and the suite fails.
      try {
        server = await startTestPostgres(options);
      } catch (error) {
        throw new Error(`No PostgreSQL for the storage tests: ${(error as Error).message}`, { cause: error });
      }
    },
    tearDown: async () => {
      await server?.stop();
      server = undefined;
    },
    fresh: async () => ({ databaseUrl: await running().createDatabase(), dataDir: ':memory:' }),
  };
}

/**
 * For a suite (call it inside its `describe`): sets the target up before and tears it down after,
 * and returns a function that opens a fresh, migrated storage, closed when the suite ends.
 */
export function freshStorages(target: StorageTarget): () => Promise<Storage> {
  const opened: Storage[] = [];
  before(() => target.setUp());
  after(async () => {
    for (const storage of opened) await storage.close();
    await target.tearDown();
  });
  return async () => {
    const storage = await openStorage(await target.fresh());
    opened.push(storage);
    return storage;
  };
}
