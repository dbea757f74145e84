/** @carezone/server: the reference API. Import `startServer` to embed it, or run the `carezone` CLI. */
export { type AppDependencies, apiRoutes, createApp } from './http/app.js';
export { buildOpenApiDocument } from './http/openapi.js';
export { createLogger, type Logger } from './logger.js';
export { BUILTIN_PACK_DIR } from './packs/builtin.js';
export { type RunningServer, type ServerOptions, startServer } from './server.js';
export { openStorage } from './storage/open-storage.js';
export type { Storage, StorageKind, StorageOptions } from './storage/storage.js';
export { VERSION } from './version.js';
export { loadZoneDirectory } from './zones/load-zone-directory.js';
export type { LookupOutcome, LookupRequest, PackInfo, ZoneDirectory } from './zones/zone-directory.js';
