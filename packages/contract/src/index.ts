/**
 * @carezone/contract: the single source of truth of the v1 HTTP API. The server validates
 * requests and documents itself with these schemas; the SDK validates every response with them.
 * Schemas use `zod/mini` so that the browser bundles stay small.
 */
export * from './common.js';
export * from './errors.js';
export * from './health.js';
export * from './lookup.js';
export * from './news.js';
export * from './places.js';
export * from './queries.js';
export * from './session-requests.js';
export * from './staff-session.js';
export * from './topics.js';
export * from './zones.js';
