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

/** Opens storages for a suite; each is migrated, and closed when the suite ends. */
export interface FreshStorages {
  /** A storage of a fresh database of its own. */
  (): Promise<Storage>;
  /**
   * Two storages of one fresh database, as two processes have them: two connections to a
   * PostgreSQL; on SQLite, which has one writer, one storage twice (two connections of one process
   * would block each other's thread).
   */
  twoOnOneDatabase(): Promise<[Storage, Storage]>;
}

/**
 * For a suite (call it inside its `describe`, before its own hooks): sets the target up before and
 * tears it down after, and returns what opens its storages.
 */
export function freshStorages(target: StorageTarget): FreshStorages {
  const opened: Storage[] = [];
  before(() => target.setUp());
  after(async () => {
    for (const storage of opened) await storage.close();
    await target.tearDown();
  });
  const open = async (options: StorageOptions) => {
    const storage = await openStorage(options);
    opened.push(storage);
    return storage;
  };
  return Object.assign(async () => open(await target.fresh()), {
    twoOnOneDatabase: async (): Promise<[Storage, Storage]> => {
      const options = await target.fresh();
      const first = await open(options);
      return [first, target.kind === 'postgres' ? await open(options) : first];
    },
  });
}
