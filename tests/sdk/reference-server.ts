import { createLogger, startServer } from '@carezone/server';
import { REFERENCE_PACK } from '../helpers.js';

export { REFERENCE_PACK };

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
