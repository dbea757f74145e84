import { Problem } from '@carezone/contract';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as z from 'zod/mini';
import { invalidBody, ProblemError } from './problem.js';
import type { ResponseSpec } from './route-spec.js';
import { validateInput } from './validate.js';

/** Far above any honest form (the longest text field is 5,000 characters), far below harm. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * Only `application/json` bodies. Besides being the API's format, this is what stops a plain
 * cross-site HTML form: a form can send only urlencoded, multipart or text/plain without asking
 * first, and a JSON content type makes the browser ask (a preflight), which CORS then refuses.
 */
export function requireJsonContentType(): MiddlewareHandler {
  return async (c, next) => {
    const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      throw new ProblemError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json');
    }
    await next();
  };
}

/**
 * Refuses a body over `maxBytes` with 413, counting the bytes when no Content-Length says it.
 *
 * The answer closes the connection. The rest of the body may still be on its way, unread:
 * @hono/node-server drains it for at most 500 ms and then destroys the socket, so a client that
 * was told to keep the connection alive finds it dead under its next request (undici: "other side
 * closed" or EPIPE; Node's http.Agent: "socket hang up"). `Connection: close` tells the client not
 * to reuse it; @hono/node-server passes the header to Node's http server, which then ends the
 * socket itself once the answer is out.
 */
export function jsonBodyLimit(maxBytes = MAX_JSON_BODY_BYTES): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ProblemError(
        413,
        'PAYLOAD_TOO_LARGE',
        `the body must not exceed ${maxBytes} bytes`,
        {},
        { connection: 'close' },
      );
    },
  });
}

/** 65536 → `64 KiB`, 1048576 → `1 MiB`: a body limit as the document says it. */
function sizeInWords(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}

/**
 * The problems `requireJsonContentType` and `jsonBodyLimit(maxBytes)` answer, documented: spread
 * into the responses of a route that uses them, with the same `maxBytes`.
 */
export function jsonBodyResponses(maxBytes = MAX_JSON_BODY_BYTES): Record<413 | 415, ResponseSpec> {
  return {
    413: {
      description: `\`PAYLOAD_TOO_LARGE\`: the body is over ${sizeInWords(maxBytes)}.`,
      schema: Problem,
    },
    415: { description: '`UNSUPPORTED_MEDIA_TYPE`: the body is not `application/json`.', schema: Problem },
  };
}

/** The JSON body checked against a contract schema: 400 when it is not JSON, 422 when it breaks a rule. */
export async function readJsonBody<T extends z.ZodMiniType>(c: Context, schema: T): Promise<z.infer<T>> {
  // Read outside the try: a body that never arrived whole (the client went away) is not bad JSON,
  // and onError tells it apart from a bug.
  const text = await c.req.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalidBody([{ path: '', code: 'invalid_json', message: 'is not valid JSON' }], 400);
  }
  const result = validateInput(schema, json);
  if (!result.success) throw invalidBody(result.errors);
  return result.data;
}
