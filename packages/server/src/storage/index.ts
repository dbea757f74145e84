export type * from './database.js';
export { migrations } from './migrations/index.js';
export { SQLITE_FILE_NAME } from './open-sqlite.js';
export { openStorage } from './open-storage.js';
export type { MigrationStatus, Storage, StorageKind, StorageOptions, StorageTransaction } from './storage.js';
