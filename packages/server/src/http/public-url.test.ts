import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createNewsItem } from '../news/publish/store.js';
import { sampleNews } from '../news/test-helpers/sample-news.js';
import type { RunningServer, ServerOptions } from '../server.js';
import { sampleInput } from '../session-requests/test-helpers/sample-input.js';
import { startTestServer } from '../test-helpers/app.js';
import { memoryLogger } from '../test-helpers/memory-logger.js';
import { newKey } from '../test-helpers/session-request-requests.js';
import { parsePublicUrl } from './public-origin.js';

const FEEDS = ['/v1/news/feed.json', '/v1/news/feed.atom', '/v1/news/feed.rss?zone=bxl-sud'] as const;
const PUBLIC = 'https://zorgzones.example.be';

interface Answer {
  status: number;
  etag: string | undefined;
  csp: string | undefined;
  body: string;
}

/** A GET with headers fetch() would not send as given (a spoofed Host above all). */
function get(server: RunningServer, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          etag: response.headers.etag,
          csp: response.headers['content-security-policy']?.toString(),
          body,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** The origins of the absolute links to this API in a feed or page (namespaces and the like aside). */
const originsIn = (body: string) =>
  new Set(
    [...body.matchAll(/(https?:\/\/[^/"'<\s\\]+)\/v1\//g)].map(([, origin = '']) => new URL(origin).origin),
  );

async function startWith(
  options: Partial<ServerOptions>,
  logger = memoryLogger().logger,
): Promise<RunningServer> {
  const server = await startTestServer({ logger, ...options });
  // An item without a source link: its link is one of ours, built like the feed's own.
  await createNewsItem(server.storage, sampleNews());
  return server;
}

const spoofed = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

/** The settings `/docs` hands Scalar (docs/client.ts). */
function docsSettings(page: string): { scalar: Record<string, unknown> } {
  const json = /<script id="docs-settings" type="application\/json">(.*?)<\/script>/s.exec(page)?.[1];
  assert.ok(json, 'the page carries its settings');
  return JSON.parse(json) as { scalar: Record<string, unknown> };
}

describe('feeds without CAREZONE_PUBLIC_URL', () => {
  let server: RunningServer;
  const capture = memoryLogger();
  before(async () => {
    server = await startWith({ trustedProxies: 1 }, capture.logger);
  });
  after(() => server.close());

  test('behind a proxy, the start warns that links will name the address listened on', () => {
    const warnings = capture.entries.filter(
      (line) => line.level === 40 && String(line.msg).includes('CAREZONE_PUBLIC_URL'),
    );
    assert.equal(warnings.length, 1);
  });

  test('/docs names the address and port listened on, not localhost:3000 nor a spoofed Host', async () => {
    const { port } = new URL(server.url);
    assert.notEqual(port, '3000');
    const docs = await get(server, '/docs', spoofed);
    assert.equal(docs.status, 200);
    assert.ok(docs.body.includes(`curl -X POST &#39;${server.url}/v1/session-requests&#39;`));
    assert.deepEqual([...originsIn(docs.body)], [new URL(server.url).origin]);
    assert.doesNotMatch(docs.body, /evil\.example|localhost:3000/);
    // The reference's server is the document's `/`: the origin the browser loaded the page from.
    assert.equal(docsSettings(docs.body).scalar.baseServerURL, undefined);
    assert.match(docs.csp ?? '', /connect-src 'self';/);
  });

  for (const path of FEEDS) {
    test(`${path}: a spoofed Host or X-Forwarded-Host is not reflected; links name the address listened on`, async () => {
      const honest = await get(server, path);
      const forged = await get(server, path, spoofed);
      assert.equal(forged.status, 200);
      assert.doesNotMatch(forged.body, /evil\.example/);
      assert.deepEqual([...originsIn(forged.body)], [new URL(server.url).origin]);
      // What a shared cache stores for this URL is the same whoever asked first.
      assert.equal(forged.body, honest.body);
      assert.equal(forged.etag, honest.etag);
    });
  }
});

describe('CAREZONE_PUBLIC_URL', () => {
  let server: RunningServer;
  before(async () => {
    server = await startWith({ publicUrl: `${PUBLIC}/`, allowedOrigins: [] });
  });
  after(() => server.close());

  for (const path of FEEDS) {
    test(`${path}: every link of ours starts with the public URL, whatever the Host`, async () => {
      const forged = await get(server, path, spoofed);
      assert.equal(forged.status, 200);
      assert.deepEqual([...originsIn(forged.body)], [PUBLIC]);
      assert.match(forged.body, /https:\/\/zorgzones\.example\.be\/v1\/news\/[0-9a-f-]{36}/);
      assert.equal(forged.body, (await get(server, path)).body);
    });
  }

  test('the docs show curl commands and send their “try it” to the public URL', async () => {
    const docs = await get(server, '/docs', spoofed);
    assert.match(docs.body, /curl -X POST &#39;https:\/\/zorgzones\.example\.be\/v1\/session-requests&#39;/);
    assert.doesNotMatch(docs.body, /evil\.example|localhost:3000/);
    assert.equal(docsSettings(docs.body).scalar.baseServerURL, PUBLIC);
    assert.match(docs.csp ?? '', new RegExp(`connect-src 'self' ${PUBLIC};`));
  });

  test('pages of the public origin post even when a proxy rewrote the Host, in production', async () => {
    const { hostname, port } = new URL(server.url);
    const response = await new Promise<number>((resolve, reject) => {
      const body = JSON.stringify(sampleInput());
      const req = httpRequest(
        {
          hostname,
          port,
          path: '/v1/session-requests',
          method: 'POST',
          headers: {
            host: `127.0.0.1:${port}`,
            origin: PUBLIC,
            'content-type': 'application/json',
            'idempotency-key': newKey(),
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    assert.equal(response, 201);
  });
});

test('a CAREZONE_PUBLIC_URL that is not a bare http(s) origin stops the start', async () => {
  for (const bad of [
    'zorgzones.example.be',
    'ftp://zorgzones.example.be',
    `${PUBLIC}/api`,
    `${PUBLIC}/?a=1`,
  ]) {
    const outcome = await startWith({ publicUrl: bad }).then(
      async (server) => {
        await server.close();
        return 'started';
      },
      (error: Error) => error.message,
    );
    assert.match(outcome, /^CAREZONE_PUBLIC_URL /, bad);
  }
});

test('a public URL is read as its bare origin', () => {
  assert.equal(parsePublicUrl('HTTPS://Zorgzones.Example.be:443/'), PUBLIC);
  assert.equal(parsePublicUrl(' http://localhost:3000 '), 'http://localhost:3000');
  for (const bad of [
    '',
    ' ',
    'https://',
    `${PUBLIC}?`,
    `${PUBLIC}#top`,
    'https://editor:pw@zorgzones.example.be',
  ]) {
    assert.throws(
      () => parsePublicUrl(bad, '--public-url'),
      /^Error: --public-url must be the server's public origin/,
      bad,
    );
  }
  assert.throws(
    () => parsePublicUrl('https://editor:s3cret@zorgzones.example.be'),
    (error: Error) => {
      assert.doesNotMatch(error.message, /s3cret/);
      return true;
    },
  );
});
