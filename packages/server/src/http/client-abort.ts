import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * nginx's "client closed request": the status the request log gives a request whose client left
 * before it was answered. Never sent: there is nobody to send it to.
 */
export const CLIENT_CLOSED_REQUEST = 499;

/** How @hono/node-server and Node's streams say the connection went away under a body being read. */
const ABORT_CODES = new Set(['ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE']);
const ABORT_MESSAGES = new Set(['aborted', 'Client connection prematurely closed.']);

function looksLikeAbort(error: unknown, incoming: IncomingMessage): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 3; cause = cause.cause, depth++) {
    if (cause === incoming.errored) return true;
    const code = (cause as { code?: unknown }).code;
    if ((typeof code === 'string' && ABORT_CODES.has(code)) || ABORT_MESSAGES.has(cause.message)) return true;
  }
  return false;
}

/**
 * Whether `error` is the request body failing because the client went away halfway through it (a
 * closed tab, a dropped connection): reading the body (`c.req.text()`, or the body limit counting a
 * chunked one) then rejects with the socket's error. Only when the request's stream really ended
 * before its body did: an error of the server's own code, with the whole body read, is never taken
 * for one. In-process requests (`app.request()`) have no socket and never abort.
 */
export function isClientAbort(error: unknown, c: Context): boolean {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.readableAborted === true && looksLikeAbort(error, incoming);
}
