// Section: news. List throughput and latency of GET /v1/news (first pages with filters, and pages
// further on by cursor) over a few hundred items published through the staff API; then how long a
// visitor waits from the script's request to 50 rendered items of <carezone-news> in Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { BenchError } from '../lib/config.mjs';
import { fixed, integer, median, table } from '../lib/format.mjs';
import { measureLoad } from '../lib/load.mjs';
import { startServer } from '../lib/server.mjs';

const ITEMS = 400;
const RENDERED = 50;
const ZONES = ['bxl-sud', 'bxl-nord', 'elz-antwerpen-centrum', 'elz-amalo'];
const SLOW_PHONE_CPU = 4;

function staffToken(config, dataDir) {
  const args = [
    config.cliPath,
    'token',
    'create',
    '--all-zones',
    '--zonepack',
    config.packDir,
    '--data',
    dataDir,
  ];
  return execFileSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
}

/** Publishes `ITEMS` items over the zones, one a day back in time, some undated. */
async function seed(url, token) {
  for (let index = 0; index < ITEMS; index++) {
    const day = new Date(Date.UTC(2026, 10, 1) - index * 86_400_000).toISOString();
    const response = await fetch(`${url}/v1/news`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        title: `Infosessie ${index}: zorgtraject diabetes in de wijk`,
        summary: 'Het zoneteam stelt het zorgtraject voor aan de diensten van de wijk.',
        bodyHtml: `<p>Een sessie voor verpleegkundigen en maatschappelijk werkers (${index}).</p><ul><li>wanneer</li><li>waar</li></ul>`,
        language: index % 5 === 0 ? 'fr' : 'nl',
        ...(index % 7 === 0 ? {} : { publishedAt: day }),
        zones: [ZONES[index % ZONES.length]],
        topics: [index % 2 ? 'diabetes' : 'care-pathway'],
      }),
    });
    if (response.status !== 201)
      throw new BenchError(`seeding news: HTTP ${response.status} ${await response.text()}`);
  }
}

async function listWorkload(url) {
  const paths = [
    '/v1/news?limit=20',
    '/v1/news?zone=bxl-sud&limit=20',
    '/v1/news?layer=elz&lang=nl&limit=20',
  ];
  // Pages further on, by the cursors a visitor's "load more" would send.
  let next = '/v1/news?limit=20';
  for (let page = 0; page < 5; page++) {
    const body = await (await fetch(url + next)).json();
    if (!body.nextCursor) break;
    next = `/v1/news?limit=20&cursor=${encodeURIComponent(body.nextCursor)}`;
    paths.push(next);
  }
  return {
    id: 'news-list',
    label: 'GET /v1/news (filters, cursors)',
    requests: paths.map((path) => ({ method: 'GET', path })),
  };
}

async function measureRender(ctx, server) {
  const { chromium } = await import('playwright-core');
  if (!existsSync(CHROMIUM_PATH)) throw new BenchError(`no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
  const runs = Number(process.env.BENCH_WIDGET_RUNS ?? 7);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
  try {
    const results = [];
    for (const rate of [1, SLOW_PHONE_CPU]) {
      const loads = [];
      for (let run = 0; run <= runs; run++) {
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          if (rate > 1)
            await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate });
          await page.goto(`${server.url}/examples/`);
          const handle = await page.waitForFunction(
            (count) => {
              const items = document
                .querySelector('carezone-news')
                ?.shadowRoot?.querySelectorAll('[part~="item"]');
              return items && items.length >= count ? performance.now() : undefined;
            },
            RENDERED,
            { timeout: 60_000, polling: 'raf' },
          );
          const renderedAt = await handle.jsonValue();
          const scriptStart = await page.evaluate(
            () =>
              performance
                .getEntriesByType('resource')
                .find((entry) => entry.name.endsWith('/widgets/carezone-news.js'))?.startTime,
          );
          if (run > 0) loads.push(renderedAt - scriptStart); // run 0 warms Chromium up
        } finally {
          await context.close();
        }
      }
      results.push({ rate, loads, medianMs: median(loads) });
    }
    ctx.print(
      table(
        ['Chromium', '>runs', `>script start → ${RENDERED} items ms`, '>range'],
        results.map((result) => [
          result.rate === 1 ? 'desktop CPU' : `CPU ×${result.rate} (slow phone)`,
          result.loads.length,
          fixed(result.medianMs, 0),
          `${fixed(Math.min(...result.loads), 0)}–${fixed(Math.max(...result.loads), 0)}`,
        ]),
      ),
    );
    ctx.print(
      `  (${browser.version()}, headless, a fresh context per load; from the resource timing start of carezone-news.js\n` +
        `   to the first animation frame with ${RENDERED} items in the shadow root, the list answer included)`,
    );
    return results;
  } finally {
    await browser.close();
  }
}

export const newsSection = {
  id: 'news',
  title: `News: GET /v1/news throughput and p99 over ${ITEMS} items, and ${RENDERED} items rendered in Chromium`,
  async run(ctx) {
    const { config } = ctx;
    const pagesDir = mkdtempSync(join(os.tmpdir(), 'carezone-bench-news-'));
    writeFileSync(
      join(pagesDir, 'index.html'),
      '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Bench: news</title>' +
        '<script type="module" src="/widgets/carezone-news.js"></script></head>' +
        `<body><main><h1>Nieuws</h1><carezone-news limit="${RENDERED}" layout="list"></carezone-news></main></body></html>\n`,
    );
    const server = await startServer(config, { logLevel: 'warn', env: { CAREZONE_EXAMPLES_DIR: pagesDir } });
    try {
      await seed(server.url, staffToken(config, server.dataDir));
      const run = await measureLoad({
        url: server.url,
        pid: server.pid,
        workload: await listWorkload(server.url),
        seconds: config.seconds,
        warmupSeconds: config.warmupSeconds,
        connections: config.connections,
      });
      ctx.print(
        table(
          ['endpoint', '>req/s', '>p50 ms', '>p99 ms', '>max ms', '>replies', '>errors'],
          [
            [
              run.label,
              integer(run.requestsPerSecond),
              fixed(run.p50Ms, 2),
              fixed(run.p99Ms, 2),
              fixed(run.maxMs, 1),
              integer(run.responses),
              integer(run.errors),
            ],
          ],
        ),
      );
      ctx.print(
        `  ${config.connections} connections, ${config.seconds} s; first pages with filters and five pages on by cursor.\n`,
      );
      const render = await measureRender(ctx, server);
      ctx.results.news = { list: run, render };
    } finally {
      await server.stop();
      rmSync(pagesDir, { recursive: true, force: true });
    }
  },
};
