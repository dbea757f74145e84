import { fileURLToPath } from 'node:url';
import { createLogger, startServer } from '@carezone/server';

/** The reference pack lives beside the repository, in `../shared`; it is never copied in. */
export const REFERENCE_PACK = fileURLToPath(
  new URL('../../../shared/zonepacks/belgium-2025/', import.meta.url),
);

export interface ReferenceServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The real server over real HTTP on a free port, with a throwaway database. No `zonepacks` means
 * the built-in Brussels pack, which has no polygons.
 */
export function startReferenceServer(zonepacks: string[] = [REFERENCE_PACK]): Promise<ReferenceServer> {
  return startServer({ port: 0, dataDir: ':memory:', zonepacks, logger: createLogger('silent') });
}
