import type { Context, Hono } from 'hono';
import type * as z from 'zod/mini';

/** One documented response of an operation. */
export interface ResponseSpec {
  description: string;
  /** Response body schema; problems use the contract's `Problem`. */
  schema?: z.ZodMiniType;
  mediaType?: string;
}

/**
 * One operation of the API, described once: the app registers its handler from it and the
 * OpenAPI document, `/docs` and the contract test are generated from the same object.
 */
export interface RouteSpec {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI-style path (`/v1/zones/{id}`). */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  query?: z.ZodMiniObject;
  params?: z.ZodMiniObject;
  responses: Record<number, ResponseSpec>;
  /** Requests that exercise the operation: shown in `/docs`, replayed by the OpenAPI contract test. */
  examples: readonly string[];
  handler: (c: Context) => Response | Promise<Response>;
}

export function defineRoute(spec: RouteSpec): RouteSpec {
  return spec;
}

/** `/v1/zones/{id}` → `/v1/zones/:id` */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

export function registerRoutes(app: Hono, routes: readonly RouteSpec[]): void {
  for (const route of routes) app.on(route.method.toUpperCase(), honoPath(route.path), route.handler);
}
