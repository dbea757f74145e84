import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';

export function newKey(): string {
  return randomBytes(16).toString('hex');
}

export interface PostOptions {
  /** `null`: no Idempotency-Key header. Default: a new key. */
  key?: string | null;
  headers?: Record<string, string>;
  /** The client's socket address, as @hono/node-server passes it in the env. */
  address?: string;
}

/** `POST /v1/session-requests` of a JSON body, as the widget sends it. */
export function postSessionRequest(
  app: Hono,
  body: unknown,
  { key = newKey(), headers = {}, address }: PostOptions = {},
) {
  return app.request(
    '/v1/session-requests',
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key === null ? {} : { 'idempotency-key': key }),
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
    address === undefined ? undefined : { incoming: { socket: { remoteAddress: address } } },
  );
}
