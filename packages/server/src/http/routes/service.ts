import { Health, Problem, Readiness } from '@carezone/contract';
import { UNAVAILABLE_RETRY_AFTER_S } from '../../storage/open-storage.js';
import type { Storage } from '../../storage/storage.js';
import type { ZoneDirectory } from '../../zones/zone-directory.js';
import { NO_STORE } from '../caching.js';
import { ProblemError } from '../problem.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';

export function serviceRoutes(directory: ZoneDirectory, storage: Storage): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      operationId: 'health',
      tag: 'Service',
      summary: 'Liveness: the process answers',
      responses: { 200: { description: 'Alive.', schema: Health } },
      examples: ['/healthz'],
      handler: (c) => c.json({ status: 'ok' } as const, 200, { 'cache-control': NO_STORE }),
    }),
    defineRoute({
      method: 'get',
      path: '/readyz',
      operationId: 'readiness',
      tag: 'Service',
      summary: 'Readiness: packs loaded and the database reachable',
      responses: {
        200: { description: 'Ready to serve.', schema: Readiness },
        503: {
          description:
            '`NOT_READY`: the database cannot be reached, its disk is (almost) full, or writes have just failed.',
          schema: Problem,
        },
      },
      examples: ['/readyz'],
      handler: async (c) => {
        try {
          await storage.ping();
        } catch {
          // Which of them, and the database's own error, is for the operator's log, not the public.
          throw new ProblemError(
            503,
            'NOT_READY',
            'the database cannot be reached or cannot take writes',
            {},
            { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_S) },
          );
        }
        const body: Readiness = {
          status: 'ready',
          packs: directory.packs.map(({ id, dataVersion, layers }) => ({ id, dataVersion, layers })),
          storage: storage.kind,
        };
        return c.json(body, 200, { 'cache-control': NO_STORE });
      },
    }),
  ];
}
