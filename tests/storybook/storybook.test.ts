// Smoke test of the Storybook: builds it as `npm run build-storybook` does, serves the build on
// 127.0.0.1 and opens every story in every language in headless Chromium. A story passes when it
// renders its widget, its play function finishes, nothing throws or logs an error, nothing is
// requested from another origin, and axe finds no serious or critical violation.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { REPO_ROOT } from '../helpers.js';

/** Every story is opened in each of these; `CAREZONE_STORYBOOK_LANGS=nl` narrows a quick local run. */
const LANGUAGES = (process.env.CAREZONE_STORYBOOK_LANGS ?? 'nl,fr,en,de')
  .split(',')
  .map((lang) => lang.trim())
  .filter(Boolean);
/** Stories opened at once: two keep a 2-core machine busy without starving the play functions' timers. */
const PARALLEL = 2;
const STORY_TIMEOUT_MS = 20_000;
/** Where the smoke test's own static server serves axe-core, beside the build (same origin). */
const AXE_PATH = '/__smoke-test__/axe.min.js';
/**
 * Rules about a whole page (one main landmark, one h1, all content in landmarks): a story's frame is
 * a fragment of a page, so these say nothing about the widget.
 */
const PAGE_LEVEL_RULES = ['region', 'landmark-one-main', 'page-has-heading-one'];

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

interface IndexEntry {
  type: 'story' | 'docs';
  id: string;
  title: string;
  name: string;
}

interface StoryProblems {
  story: string;
  problems: string[];
  /** Minor or moderate axe findings: reported, not failed. */
  notes: string[];
}

let outDir: string;
let server: Server;
let origin: string;
let browser: Browser;

function build(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(REPO_ROOT, 'node_modules', '.bin', 'storybook'),
      ['build', '-o', dir, '--quiet'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`storybook build exited with ${code}:\n${log}`)),
    );
  });
}

function serve(root: string): Promise<Server> {
  const httpServer = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    // Chromium asks for it on every page; the build has an SVG icon only.
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file =
      path === AXE_PATH
        ? join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js')
        : normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (path !== AXE_PATH && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      // Cacheable, so that the pages of one browser context load Storybook's preview only once.
      response
        .writeHead(200, {
          'content-type': MIME[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'max-age=600',
        })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve(httpServer)));
}

before(async () => {
  const started = Date.now();
  outDir = await mkdtemp(join(tmpdir(), 'carezone-storybook-'));
  await build(outDir);
  console.log(`storybook built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  server = await serve(outDir);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/**
 * Runs in the page before Storybook: listens on Storybook's channel (as soon as the preview sets it)
 * for every way a story can fail — render or play function threw, errors while playing, a story
 * that finished with status "error" — and keeps them in `window.__smokeTestErrors`.
 */
function recordStorybookErrors(): void {
  type Channel = { on(event: string, listener: (payload: unknown) => void): void };
  const errors: string[] = [];
  const target = window as unknown as { __smokeTestErrors: string[]; __STORYBOOK_ADDONS_CHANNEL__?: Channel };
  target.__smokeTestErrors = errors;
  const describe = (payload: unknown) =>
    (payload as { message?: string } | undefined)?.message ?? JSON.stringify(payload)?.slice(0, 300);
  let channel: Channel | undefined;
  Object.defineProperty(target, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value: Channel) => {
      channel = value;
      for (const event of [
        'storyThrewException',
        'playFunctionThrewException',
        'unhandledErrorsWhilePlaying',
        'storyErrored',
        'storyMissing',
      ])
        value.on(event, (payload) => errors.push(`${event}: ${describe(payload)}`));
      value.on('storyFinished', (payload) => {
        if ((payload as { status?: string }).status === 'error')
          errors.push('storyFinished with status "error"');
      });
    },
  });
}

/**
 * A browser page that checks stories one after the other. Reusing the page (and so its renderer
 * process and compiled scripts) rather than opening one per story makes the test three times faster; each
 * story still gets a fresh document, and the page goes to about:blank in between so that nothing
 * the previous story logs is put on the next one's account.
 */
async function storyChecker(context: BrowserContext) {
  const page = await context.newPage();
  let problems: string[] = [];
  // As source text, with the `__name` helper that tsx's esbuild adds to named functions defined.
  await page.addInitScript({
    content: `(() => { const __name = (f) => f; (${recordStorybookErrors})(); })();`,
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.origin !== origin)
      problems.push(`request to another origin: ${request.url()}`);
  });
  return {
    check: async (entry: IndexEntry, lang: string) => {
      problems = [];
      const story = `${entry.title} / ${entry.name} [${lang}]`;
      const notes = await checkStory(page, problems, entry, lang);
      // Leaving the story also collects whatever it logs on its way out.
      await page.goto('about:blank');
      // Storybook's error display dumps the whole DOM into the message: the first lines say enough.
      return { story, problems: problems.map((problem) => problem.slice(0, 600)), notes };
    },
    close: () => page.close(),
  };
}

/**
 * Opens one story in one language, adds what is wrong with it to `problems` and returns the minor
 * axe findings.
 */
async function checkStory(
  page: Page,
  problems: string[],
  entry: IndexEntry,
  lang: string,
): Promise<string[]> {
  const notes: string[] = [];
  try {
    // The a11y addon's own automatic run is switched off (a11y.manual): this test runs axe itself,
    // once, after the story has finished.
    const globals = `lang:${lang};a11y.manual:!true`;
    await page.goto(
      `${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story&globals=${globals}`,
    );
    // Storybook's own render cycle: loaders, render, play function, afterEach hooks, then
    // "finished" (also after an error, which shows the error display instead of the story).
    await page.waitForFunction(
      () =>
        (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } })
          .__STORYBOOK_PREVIEW__?.currentRender?.phase === 'finished',
      undefined,
      { timeout: STORY_TIMEOUT_MS },
    );
    const state = await page.evaluate(() => {
      const root = document.querySelector('#storybook-root');
      const widgets = [...(root?.querySelectorAll('*') ?? [])].filter((element) =>
        element.localName.startsWith('carezone-'),
      );
      return {
        errorShown: document.body.classList.contains('sb-show-errordisplay'),
        errorText: document.querySelector('#error-message')?.textContent?.trim() ?? '',
        storybookErrors: (window as unknown as { __smokeTestErrors?: string[] }).__smokeTestErrors ?? [],
        widgets: widgets.map((widget) => ({
          tag: widget.localName,
          lang: widget.getAttribute('lang'),
          rendered: (widget.shadowRoot?.childElementCount ?? 0) > 0,
        })),
      };
    });
    if (state.errorShown) problems.push(`story threw: ${state.errorText}`);
    for (const event of state.storybookErrors) problems.push(`storybook: ${event}`);
    if (state.widgets.length === 0) problems.push('no carezone-* element rendered');
    for (const widget of state.widgets) {
      if (!widget.rendered) problems.push(`<${widget.tag}> has an empty shadow root`);
      if (widget.lang !== lang) problems.push(`<${widget.tag}> has lang="${widget.lang}", not "${lang}"`);
    }
    await page.addScriptTag({ url: AXE_PATH });
    const violations = await page.evaluate(async (pageLevelRules) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      // axe-core follows open shadow roots, so the story's root covers the widget and its parts.
      const results = await axe.run('#storybook-root', {
        resultTypes: ['violations'],
        rules: Object.fromEntries(pageLevelRules.map((rule) => [rule, { enabled: false }])),
      });
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => JSON.stringify(node.target)),
      }));
    }, PAGE_LEVEL_RULES);
    for (const violation of violations) {
      const finding = `axe ${violation.impact} ${violation.id}: ${violation.help} (${violation.targets.join(', ')})`;
      if (violation.impact === 'serious' || violation.impact === 'critical') problems.push(finding);
      else notes.push(finding);
    }
  } catch (error) {
    problems.push(`did not finish: ${error instanceof Error ? error.message : String(error)}`);
  }
  return notes;
}

// A bound, so that a hung browser fails the suite instead of stalling it (the whole test takes about
// 40 s on 2 cores).
const TEST_TIMEOUT_MS = 10 * 60_000;

test('every story renders in every language, without errors, foreign requests or serious axe violations', {
  timeout: TEST_TIMEOUT_MS,
}, async () => {
  const started = Date.now();
  const index = JSON.parse(await readFile(join(outDir, 'index.json'), 'utf8')) as {
    entries: Record<string, IndexEntry>;
  };
  const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
  assert.ok(stories.length > 0, 'the build has no stories');

  const queue = stories.flatMap((entry) => LANGUAGES.map((lang) => ({ entry, lang })));
  const results: StoryProblems[] = [];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      const context = await browser.newContext();
      const checker = await storyChecker(context);
      for (let next = queue.shift(); next; next = queue.shift())
        results.push(await checker.check(next.entry, next.lang));
      await checker.close();
      await context.close();
    }),
  );

  results.sort((a, b) => a.story.localeCompare(b.story));
  const failures = results.filter((result) => result.problems.length > 0);
  for (const result of results)
    for (const note of result.notes) console.log(`storybook: note, ${result.story}: ${note.slice(0, 300)}`);
  console.log(
    `storybook: checked ${stories.length} stories × ${LANGUAGES.length} languages = ${results.length} renders ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s; ${failures.length} failed`,
  );
  assert.deepEqual(
    failures.map((failure) => `${failure.story}:\n    ${failure.problems.join('\n    ')}`),
    [],
  );
});
