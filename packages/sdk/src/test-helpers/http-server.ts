import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'node:test';

export interface RecordedRequest {
  method: string;
  /** Path and query as received, e.g. `/v1/places?q=Elsene`. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The request body as text ('' for none). */
  body: string;
}

export type Handler = (request: IncomingMessage, response: ServerResponse, index: number) => void;

export interface TestServer {
  /** `http://127.0.0.1:<port>`, the client's `baseUrl`. */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A real HTTP server on a free port, answering every request with `handler` (ky's test approach). */
export async function createTestServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (request, response) => {
    const recorded = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      body: '',
    };
    requests.push(recorded);
    const index = requests.length - 1;
    for await (const chunk of request) recorded.body += chunk;
    handler(request, response, index);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Handlers that never answer keep sockets open; close them or `close()` waits forever.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export function sendProblem(
  response: ServerResponse,
  problem: { status: number } & Record<string, unknown>,
): void {
  sendJson(response, problem.status, problem, { 'content-type': 'application/problem+json' });
}

/** A port that refuses connections: one a server just released. */
export async function closedPortUrl(): Promise<string> {
  const server = await createTestServer(() => {});
  await server.close();
  return server.url;
}

/**
 * For a test file: returns `serve(handler)`, which starts a test server, and closes every server
 * it started after each test.
 */
export function serverPerTest(): (handler: Handler) => Promise<TestServer> {
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (handler) => {
    const server = await createTestServer(handler);
    servers.push(server);
    return server;
  };
}
