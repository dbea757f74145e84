import type { Context, Handler, Hono, MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';

/** One documented response of an operation. */
export interface ResponseSpec {
  description: string;
  /** Response body schema; problems use the contract's `Problem`. */
  schema?: z.ZodMiniType;
  mediaType?: string;
}

/** The JSON body an operation reads. */
export interface RequestBodySpec {
  description: string;
  /** A contract schema, so the document names it. */
  schema: z.ZodMiniType;
}

/** An example request that is not a plain GET of a URL. */
export interface RequestExample {
  method: RouteSpec['method'];
  path: string;
  headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  body?: unknown;
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
  /** Request headers the operation reads (keys are header names, such as `Idempotency-Key`). */
  headers?: z.ZodMiniObject;
  body?: RequestBodySpec;
  /** `bearer`: a staff token in `Authorization: Bearer …` (the route's middleware checks it). */
  security?: 'bearer';
  responses: Record<number, ResponseSpec>;
  /**
   * Requests that exercise the operation: shown in `/docs`, replayed by the OpenAPI contract test.
   * A string is a GET of that URL.
   */
  examples: readonly (string | RequestExample)[];
  /** Runs before the handler, in order (authentication, body limits). */
  middleware?: readonly MiddlewareHandler[];
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
  for (const route of routes) {
    const handlers: Handler[] = [...(route.middleware ?? []), route.handler];
    app.on(route.method.toUpperCase(), [honoPath(route.path)], ...handlers);
  }
}
