import { type FieldError, Problem } from '@carezone/contract';
import type { Context, Handler, Hono, MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import { invalidQuery } from './problem.js';
import { validateInput } from './validate.js';

/** One documented response of an operation. */
export interface ResponseSpec {
  description: string;
  /** Response body schema; problems use the contract's `Problem`. */
  schema?: z.ZodMiniType;
  mediaType?: string;
}

/** The 400 of a route with an `{id}` in its path, as each documents it. */
export const INVALID_ID_RESPONSE: ResponseSpec = {
  description: '`INVALID_QUERY`: the id is not a UUID.',
  schema: Problem,
};

/** The 400 of a route with an `{id}` in its path and a JSON body. */
export const INVALID_ID_OR_BODY_RESPONSE: ResponseSpec = {
  description: '`INVALID_QUERY`: the id is not a UUID. `VALIDATION_FAILED`: the body is not JSON.',
  schema: Problem,
};

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

/** The parameters of one place (query string, path, headers), as a contract object schema. */
type Parameters = z.ZodMiniObject | undefined;
type Read<S extends Parameters> = S extends z.ZodMiniObject ? z.infer<S> : Record<string, never>;

/** What the handler receives: every declared parameter, validated and read (numbers as numbers). */
export interface RouteInput<Q extends Parameters, P extends Parameters, H extends Parameters> {
  query: Read<Q>;
  params: Read<P>;
  headers: Read<H>;
}

/**
 * One operation of the API, described once: the app registers its handler from it and the
 * OpenAPI document, `/docs` and the contract test are generated from the same object. What it
 * declares in `query`, `params` and `headers` is validated before the handler runs, by one code
 * path (a 400 `INVALID_QUERY` naming each bad parameter), so the document says what is enforced.
 * Not `@hono/zod-openapi`: it builds on classic zod schemas (`.openapi()`), and the contract is
 * zod/mini, which keeps the widgets' bundles small.
 */
export interface RouteSpec<
  Q extends Parameters = Parameters,
  P extends Parameters = Parameters,
  H extends Parameters = Parameters,
> {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI-style path (`/v1/zones/{id}`). */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  query?: Q;
  params?: P;
  /** Request headers the operation reads (keys are header names, such as `Idempotency-Key`). */
  headers?: H;
  body?: RequestBodySpec;
  /**
   * `bearer`: a staff token in `Authorization: Bearer …` or the staff inbox's session cookie (the
   * route's middleware, `requireStaffToken`, checks either); `session`: the session cookie only.
   */
  security?: 'bearer' | 'session';
  responses: Record<number, ResponseSpec>;
  /**
   * Requests that exercise the operation: shown in `/docs`, replayed by the OpenAPI contract test.
   * A string is a GET of that URL.
   */
  examples: readonly (string | RequestExample)[];
  /** Runs before the parameters are read, in order (authentication, rate limits, body limits). */
  middleware?: readonly MiddlewareHandler[];
  // A method, not a function property: a route of its own parameters is still a `RouteSpec`.
  handler(c: Context, input: RouteInput<Q, P, H>): Response | Promise<Response>;
}

/** A route, its handler typed by the parameters it declares. */
export function defineRoute<
  Q extends Parameters = undefined,
  P extends Parameters = undefined,
  H extends Parameters = undefined,
>(spec: RouteSpec<Q, P, H>): RouteSpec {
  return spec as RouteSpec;
}

/** Validates every declared parameter at once; all that fail are named in one problem. */
export function readParameters(route: RouteSpec, c: Context): RouteInput<Parameters, Parameters, Parameters> {
  const errors: FieldError[] = [];
  const read = (schema: Parameters, values: Record<string, string | undefined>) => {
    if (!schema) return {};
    const result = validateInput(schema, values);
    if (result.success) return result.data;
    errors.push(...result.errors);
    return {};
  };
  const headerNames = Object.keys(route.headers?._zod.def.shape ?? {});
  const input = {
    query: read(route.query, c.req.query()),
    params: read(route.params, c.req.param()),
    headers: read(route.headers, Object.fromEntries(headerNames.map((name) => [name, c.req.header(name)]))),
  };
  if (errors.length > 0) throw invalidQuery(errors);
  return input as RouteInput<Parameters, Parameters, Parameters>;
}

/** `/v1/zones/{id}` → `/v1/zones/:id` */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

export function registerRoutes(app: Hono, routes: readonly RouteSpec[]): void {
  for (const route of routes) {
    const handlers: Handler[] = [
      ...(route.middleware ?? []),
      (c) => route.handler(c, readParameters(route, c)),
    ];
    app.on(route.method.toUpperCase(), [honoPath(route.path)], ...handlers);
  }
}
