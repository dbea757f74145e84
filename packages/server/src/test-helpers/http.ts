import assert from 'node:assert/strict';
import { Problem } from '@carezone/contract';
import type * as z from 'zod/mini';
import type { InProcessApp } from './app.js';

/**
 * The contract Problem a response carries, once its status and media type are checked. `what`
 * names the request in a failing assertion.
 */
export async function problemOf(response: Response, status: number, what?: string): Promise<Problem> {
  assert.equal(response.status, status, what);
  assert.equal(response.headers.get('content-type'), 'application/problem+json', what);
  const parsed = Problem.safeParse(await response.json());
  assert.ok(parsed.success, `${what ?? 'the response'}: the body is a contract Problem`);
  return parsed.data;
}

/** `problemOf` an answer that no cache may keep (`Cache-Control: no-store`), such as a write's. */
export async function uncachedProblemOf(response: Response, status: number): Promise<Problem> {
  assert.equal(response.headers.get('cache-control'), 'no-store');
  return problemOf(response, status);
}

/** The problem that `GET path` answers with `status`. */
export async function getProblem(app: InProcessApp, path: string, status: number): Promise<Problem> {
  return problemOf(await app.request(path), status, path);
}

/** `GET path` is a 400 INVALID_QUERY naming the one `parameter` (`''`: the query as a whole). */
export async function assertInvalidQuery(app: InProcessApp, path: string, parameter: string): Promise<void> {
  const problem = await getProblem(app, path, 400);
  assert.equal(problem.code, 'INVALID_QUERY', path);
  assert.deepEqual(
    problem.errors?.map((error) => error.path),
    [parameter],
    path,
  );
}

/** The body of `GET path`, once the status is checked to be 200 and the body to fit `schema`. */
export async function getJson<S extends z.ZodMiniType>(
  app: InProcessApp,
  path: string,
  schema: S,
): Promise<z.infer<S>> {
  const response = await app.request(path);
  assert.equal(response.status, 200, path);
  const parsed = schema.safeParse(await response.json());
  assert.ok(parsed.success, `${path}: the body fits the contract schema`);
  return parsed.data;
}

/**
 * A request as a staff client sends it: `token` as its bearer (none when undefined, to see the
 * refusal) and `body`, when there is one, as JSON.
 */
export async function staffRequest(
  app: InProcessApp,
  method: string,
  url: string,
  token: string | undefined,
  body?: unknown,
): Promise<Response> {
  return app.request(url, {
    method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
