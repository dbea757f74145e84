// Section: the widget bundles a page downloads (gzip -9 and brotli), and how long a visitor waits from
// the script's request to a finder that takes input, in headless Chromium against the real server.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { pageDownload } from '../../scripts/bundle-sizes.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { BenchError, REPO_ROOT } from '../lib/config.mjs';
import { fixed, median, table } from '../lib/format.mjs';
import { startServer } from '../lib/server.mjs';

const CDN_DIR = resolve(REPO_ROOT, 'packages/widgets/dist/cdn');
/** The budgets in the repository (bytes of gzip -9 over all a page downloads), as tests/bundles checks them. */
const BUDGET_FILE = resolve(REPO_ROOT, 'packages/widgets/size-budget.json');
const SLOW_PHONE_CPU = 4;
/** Issue 12's targets for script start → interactive finder, by CPU throttling rate. */
const INTERACTIVE_TARGET_MS = { 1: 60, [SLOW_PHONE_CPU]: 200 };
const INTERACTIVE_MESSAGE = 'carezone-bench: finder interactive';
const INTERACTIVE_TIMEOUT_MS = 30_000;

const kb = (bytes) => `${fixed(bytes / 1000, 1)} kB`;

/** The enforced budgets, as tests/bundles checks them. */
function readBudgets() {
  if (!existsSync(BUDGET_FILE)) throw new BenchError(`${BUDGET_FILE} is missing`);
  return JSON.parse(readFileSync(BUDGET_FILE, 'utf8')).gzipBytes;
}

function measureSizes(ctx) {
  const rows = [];
  const results = [];
  for (const [file, budgetBytes] of Object.entries(readBudgets())) {
    const entry = join(CDN_DIR, file);
    if (!existsSync(entry)) throw new BenchError(`${entry} is missing: run \`npm run build\` first`);
    const { eager, lazy, counted, total } = pageDownload(file, CDN_DIR);
    const lazyCounted = counted.length - eager.length;
    const met = total.gzip <= budgetBytes;
    results.push({ file, eager, lazy, counted: counted.map((one) => one.file), total, budgetBytes, met });
    rows.push([
      file,
      `${eager.length}${lazyCounted > 0 ? ` + ${lazyCounted} lazy` : ''}`,
      kb(total.min),
      kb(total.gzip),
      kb(total.brotli),
      kb(budgetBytes),
      met ? 'within' : 'OVER',
    ]);
    ctx.check({
      target: `${file} ≤ ${kb(budgetBytes)} min + gzip -9 (all it downloads)`,
      variant: '—',
      measured: `${total.gzip} B = ${kb(total.gzip)} (brotli ${kb(total.brotli)})`,
      met,
    });
  }
  ctx.print(table(['bundle', '>files', '>min', '>gzip -9', '>brotli 11', '>budget (gzip)', 'result'], rows));
  ctx.print(
    '  (files: the entry, its static imports and the chunks of its heaviest language, each compressed on\n' +
      '   its own, as served; 1 kB = 1000 bytes; budgets from packages/widgets/size-budget.json)',
  );
  for (const result of results) {
    if (result.lazy.length > 0) {
      ctx.print(
        `  ${result.file} lazy chunks (gzip / brotli): ` +
          result.lazy.map((one) => `${one.file} ${kb(one.gzip)} / ${kb(one.brotli)}`).join(', '),
      );
    }
  }
  return results;
}

/**
 * Runs in the page before its scripts: notes the first frame in which the finder's input takes
 * input, and says so on the console. The bench listens for that message rather than polling with
 * `page.waitForFunction`, whose injected script would run on the page's main thread during the
 * very start it measures (about 100 ms of it with the CPU throttled ×4).
 */
function watchForInteractiveFinder({ message, tag }) {
  const poll = () => {
    const root = document.querySelector(tag)?.shadowRoot;
    const input = root?.querySelector('input');
    const label = root?.querySelector('label')?.textContent?.trim();
    if (input && !input.disabled && label && input.getClientRects().length > 0) {
      window.__benchInteractiveAt = performance.now();
      console.log(message);
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** One page load in a fresh context (empty cache): script request start → interactive finder. */
async function oneLoad(browser, { pageUrl, scriptUrl, tag }, cpuRate) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(watchForInteractiveFinder, { message: INTERACTIVE_MESSAGE, tag });
    const page = await context.newPage();
    if (cpuRate > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    }
    const interactive = page.waitForEvent('console', {
      predicate: (message) => message.text() === INTERACTIVE_MESSAGE,
      timeout: INTERACTIVE_TIMEOUT_MS,
    });
    await page.goto(pageUrl);
    await interactive;
    return await page.evaluate((url) => {
      const script = performance.getEntriesByName(url)[0];
      if (!script) throw new Error(`no resource timing entry for ${url}`);
      return {
        scriptStartMs: script.startTime,
        scriptLoadedMs: script.responseEnd,
        interactiveMs: window.__benchInteractiveAt,
        transferBytes: script.transferSize,
      };
    }, scriptUrl);
  } finally {
    await context.close();
  }
}

async function measureInteractive(ctx) {
  const { config } = ctx;
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new BenchError('playwright-core is not installed (a devDependency): run `npm ci`');
  }
  if (!existsSync(CHROMIUM_PATH)) throw new BenchError(`no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
  const runs = Number(process.env.BENCH_WIDGET_RUNS ?? 7);
  if (!Number.isInteger(runs) || runs < 1)
    throw new BenchError(`BENCH_WIDGET_RUNS=${process.env.BENCH_WIDGET_RUNS} is not a positive integer`);

  // A page of our own, served by the real server like the examples are (so under the same CSP):
  // one finder and its script tag, nothing else to wait for. Beside it, the same page with a bare
  // custom element that puts a label and an input in its shadow root as soon as it is defined: what
  // Chromium itself takes on this machine for a script tag and a fresh page, the part of the time
  // no widget code can remove.
  const pagesDir = mkdtempSync(join(os.tmpdir(), 'carezone-bench-pages-'));
  const benchPage = (title, script, tag) =>
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Bench: ${title}</title>` +
    `<script type="module" src="${script}"></script></head>` +
    `<body><main><h1>Zorgzone zoeken</h1><${tag}></${tag}></main></body></html>\n`;
  writeFileSync(
    join(pagesDir, 'index.html'),
    benchPage('finder', '/widgets/carezone-finder.js', 'carezone-finder'),
  );
  writeFileSync(join(pagesDir, 'bare.html'), benchPage('bare element', '/examples/bare.js', 'bench-bare'));
  writeFileSync(
    join(pagesDir, 'bare.js'),
    "customElements.define('bench-bare', class extends HTMLElement {\n" +
      "  connectedCallback() {\n    this.attachShadow({ mode: 'open' }).innerHTML =\n" +
      '      \'<label for="q">Postcode of gemeente</label><input id="q">\';\n  }\n});\n',
  );
  const previous = process.env.CAREZONE_EXAMPLES_DIR;
  process.env.CAREZONE_EXAMPLES_DIR = pagesDir;
  let server;
  let browser;
  try {
    try {
      server = await startServer(config, { logLevel: 'warn' });
    } finally {
      if (previous === undefined) delete process.env.CAREZONE_EXAMPLES_DIR;
      else process.env.CAREZONE_EXAMPLES_DIR = previous;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
    const finder = {
      pageUrl: `${server.url}/examples/`,
      scriptUrl: `${server.url}/widgets/carezone-finder.js`,
      tag: 'carezone-finder',
    };
    const bare = {
      pageUrl: `${server.url}/examples/bare.html`,
      scriptUrl: `${server.url}/examples/bare.js`,
      tag: 'bench-bare',
    };
    for (const { pageUrl } of [finder, bare]) {
      const check = await fetch(pageUrl);
      if (check.status !== 200 || !(check.headers.get('content-type') ?? '').includes('text/html')) {
        throw new BenchError(`the server does not serve the bench page at ${pageUrl} (HTTP ${check.status})`);
      }
    }
    await oneLoad(browser, finder, 1); // warm-up: Chromium's own first-page costs
    const variants = [
      { name: 'desktop CPU', rate: 1, loads: [], bareLoads: [] },
      { name: `CPU ×${SLOW_PHONE_CPU} (slow phone)`, rate: SLOW_PHONE_CPU, loads: [], bareLoads: [] },
    ];
    // Interleaved, so that a slow spell of the machine weighs on both pages alike.
    for (let run = 0; run < runs; run++) {
      for (const variant of variants) {
        variant.loads.push(await oneLoad(browser, finder, variant.rate));
        variant.bareLoads.push(await oneLoad(browser, bare, variant.rate));
      }
    }
    const rows = [];
    const results = {};
    for (const variant of variants) {
      const toInteractive = variant.loads.map((load) => load.interactiveMs - load.scriptStartMs);
      const download = variant.loads.map((load) => load.scriptLoadedMs - load.scriptStartMs);
      const fromNavigation = variant.loads.map((load) => load.interactiveMs);
      const bareToInteractive = variant.bareLoads.map((load) => load.interactiveMs - load.scriptStartMs);
      const summary = {
        runs: variant.loads,
        medianScriptToInteractiveMs: median(toInteractive),
        medianBareElementToInteractiveMs: median(bareToInteractive),
        medianDownloadMs: median(download),
        medianNavigationToInteractiveMs: median(fromNavigation),
      };
      results[variant.rate === 1 ? 'desktop' : `cpu${variant.rate}x`] = summary;
      const target = INTERACTIVE_TARGET_MS[variant.rate];
      ctx.check({
        target: `script start → interactive finder ≤ ${target} ms (median, ${variant.name})`,
        variant: '—',
        measured: `${fixed(summary.medianScriptToInteractiveMs, 0)} ms`,
        met: summary.medianScriptToInteractiveMs <= target,
      });
      rows.push([
        variant.name,
        variant.loads.length,
        fixed(summary.medianDownloadMs, 0),
        fixed(summary.medianScriptToInteractiveMs, 0),
        `${fixed(Math.min(...toInteractive), 0)}–${fixed(Math.max(...toInteractive), 0)}`,
        fixed(summary.medianNavigationToInteractiveMs, 0),
        fixed(summary.medianBareElementToInteractiveMs, 0),
      ]);
    }
    ctx.print(
      table(
        [
          'Chromium',
          '>runs',
          '>script download ms',
          '>script start → interactive ms',
          '>range',
          '>navigation → interactive ms',
          '>bare element: script start → interactive ms',
        ],
        rows,
      ),
    );
    ctx.print(
      `  (${browser.version()}, headless, 127.0.0.1, a fresh context per load (empty cache); script start is the\n` +
        '   resource timing startTime of carezone-finder.js; interactive is the first animation frame in which\n' +
        "   the finder's input is in its shadow root, enabled, labelled and laid out (up to one frame late); CPU ×4 is\n" +
        '   CDP Emulation.setCPUThrottlingRate, the network is not throttled; the bare element is a 0.2 kB script that\n' +
        '   defines an element with a label and an input in its shadow root, loaded the same way: the floor Chromium\n' +
        "   sets on this machine, included in the finder's time)",
    );
    return results;
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(pagesDir, { recursive: true, force: true });
  }
}

export const widgetsSection = {
  id: 'widgets',
  title: 'Widget bundles: sizes (gzip -9, brotli) and script start → interactive finder in Chromium',
  async run(ctx) {
    const bundleSizes = measureSizes(ctx);
    ctx.results.widgets = { sizes: bundleSizes };
    ctx.print('');
    ctx.results.widgets.interactive = await measureInteractive(ctx);
  },
};
