// What an embed page costs a visitor without JavaScript, counted on the wire: the real server (the
// reference pack, a zone's news imported) asked as a browser asks, with `Accept-Encoding: gzip`,
// for the page's HTML and every style sheet it links (the one in `<noscript>` too: a browser
// without scripts downloads it), each body's bytes as sent, compressed or not. Response headers are
// not counted. The scripts the page links are not downloaded without JavaScript. Each page in a
// heavy state (an answer, many choices, a full feed, the form with every zone to pick from) must
// stay within 15 KiB.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { assertBuilt, type E2EServer, startServer } from '../e2e/harness.js';
import { output, REFERENCE_PACK, spawnCli } from '../helpers.js';

const BUDGET_BYTES = 15 * 1024;
const REFERENCE_FEED = fileURLToPath(new URL('../../../shared/news/feed.json', import.meta.url));

/** Heavy states of each page: an answer, many choices, a feed at its default length, every zone. */
const PAGES = [
  '/embed/finder?lang=nl&q=1050',
  '/embed/finder?lang=nl&q=Antwerpen',
  '/embed/zone-card?lang=nl&zone=bxl-sud',
  '/embed/news?lang=nl&zone=bxl-sud',
  '/embed/session-request?lang=nl&zone=bxl-sud',
  '/embed/session-request?lang=nl',
];

let server: E2EServer;
let dataDir: string;

before(async () => {
  assertBuilt();
  dataDir = await mkdtemp(join(tmpdir(), 'carezone-embed-budget-'));
  const imported = await output(
    spawnCli([
      'news',
      'import',
      REFERENCE_FEED,
      '--zone',
      'bxl-sud',
      '--zonepack',
      REFERENCE_PACK,
      '--data',
      dataDir,
    ]),
  );
  assert.equal(imported.code, 0, imported.stderr);
  server = await startServer(0, { dataDir, env: { NODE_ENV: 'production' } });
});

after(async () => {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface Transfer {
  path: string;
  status: number;
  encoding: string;
  /** The body's bytes as sent. */
  wire: number;
  /** The body decoded: the text the browser reads. */
  text: string;
}

/**
 * One GET as a browser without scripts sends it, through node:http, which (unlike fetch) hands
 * over the body as it came: its length is what crossed the wire.
 */
function get(path: string): Promise<Transfer> {
  return new Promise((resolve, reject) => {
    http
      .get(
        new URL(path, server.url),
        { headers: { 'accept-encoding': 'gzip', accept: 'text/html,text/css,*/*' } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const body = Buffer.concat(chunks);
            const encoding = response.headers['content-encoding'] ?? 'identity';
            const decoded = encoding === 'gzip' ? gunzipSync(body) : body;
            resolve({
              path,
              status: response.statusCode ?? 0,
              encoding,
              wire: body.length,
              text: decoded.toString('utf8'),
            });
          });
        },
      )
      .on('error', reject);
  });
}

/** The style sheets a page links, those inside `<noscript>` included. */
const stylesheets = (html: string): string[] =>
  [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/gi)].map(
    (match) => /\bhref="([^"]*)"/i.exec(match[0])?.[1] ?? '',
  );

describe(`embed pages without JavaScript: HTML + CSS on the wire ≤ ${BUDGET_BYTES} B (gzip)`, () => {
  for (const path of PAGES) {
    test(path, async (t) => {
      const page = await get(path);
      assert.equal(page.status, 200, `${path} answers 200`);
      assert.equal(page.encoding, 'gzip', 'the page is sent compressed');
      const sheets = stylesheets(page.text);
      assert.ok(sheets.includes('/embed/embed.css'), 'the page links its style sheet');
      // A browser without scripts downloads nothing else: no image, no frame, no CSS import.
      assert.doesNotMatch(page.text, /<(img|iframe|object|embed|video|audio)\b/i);
      const files = [page];
      for (const sheet of sheets) {
        const css = await get(sheet);
        assert.equal(css.status, 200, `${sheet} answers 200`);
        assert.doesNotMatch(css.text, /@import|url\(/i, `${sheet} loads nothing more`);
        files.push(css);
      }
      const total = files.reduce((sum, file) => sum + file.wire, 0);
      const line =
        `${path}: ${files.map((file) => `${file.path === path ? 'HTML' : file.path} ${file.wire} B (${file.encoding}, ${Buffer.byteLength(file.text)} B decoded)`).join(' + ')} ` +
        `= ${total} B; budget ${BUDGET_BYTES} B, ${total <= BUDGET_BYTES ? `${BUDGET_BYTES - total} B to spare` : `${total - BUDGET_BYTES} B over`}`;
      t.diagnostic(line);
      console.log(line);
      assert.ok(total <= BUDGET_BYTES, `${path} costs ${total} B on the wire, over ${BUDGET_BYTES} B`);
    });
  }
});
