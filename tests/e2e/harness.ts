// Shared by the end-to-end suites: the real server (CLI from source, reference pack, example pages),
// one headless Chromium, page-side recorders (CSP violations, zone-change events, layout shifts),
// request/cookie recording, and the few finder gestures every suite repeats.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { assertBuilt as assertBundlesBuilt } from '../bundles/built-bundles.js';
import { REFERENCE_PACK, REPO_ROOT, spawnCli, waitForLog } from '../helpers.js';

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
export const LANGUAGES = ['nl', 'fr', 'en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** How long a visitor-visible change may take before a test calls it missing (a slow shared CI core). */
export const VISIBLE_TIMEOUT_MS = 10_000;

/** The suites test the built bundles and the example pages, as a visitor gets them. */
export function assertBuilt(): void {
  assertBundlesBuilt();
  if (!existsSync(join(EXAMPLES_DIR, 'municipal-page')) || !existsSync(join(EXAMPLES_DIR, 'network-page'))) {
    throw new Error(`the example pages are missing under ${EXAMPLES_DIR}`);
  }
}

export interface E2EServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** SIGTERM, then waits for the process to exit (SIGKILL after 5 s). */
  stop(): Promise<void>;
}

/** A port that was free a moment ago (to restart a server on the same address). */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export interface ServerSetup {
  /** A data folder (SQLite), for a suite that also reads the database or runs the CLI on it. */
  dataDir?: string;
  /** The zone pack folder; `null` for the server's built-in Brussels pack. Default: the reference pack. */
  zonepack?: string | null;
  env?: Record<string, string>;
}

/** `carezone serve` from source with the reference pack, a throwaway database and the example pages. */
export async function startServer(
  port = 0,
  { dataDir = ':memory:', zonepack = REFERENCE_PACK, env = {} }: ServerSetup = {},
): Promise<E2EServer> {
  const packArgs = zonepack === null ? [] : ['--zonepack', zonepack];
  const child = spawnCli(['serve', '--port', String(port), ...packArgs, '--data', dataDir], {
    CAREZONE_EXAMPLES_DIR: EXAMPLES_DIR,
    LOG_LEVEL: 'info',
    ...env,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let listening: Record<string, unknown>;
  try {
    listening = await waitForLog(child, (line) => line.msg === 'listening', 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`the server did not start: ${(error as Error).message}\n${stderr}`);
  }
  const url = String(listening.url);
  return {
    url,
    port: Number(new URL(url).port),
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS],
  });
}

export interface CspViolation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

export interface ZoneChange {
  target: string;
  /** `null`: the finder has no zone any more (a new place on its way, or a choice to make). */
  detail: {
    layer: string;
    zone: { id: string; name: Record<string, string> };
    places: { municipality?: { nis: string } | null; postcode?: string | null }[];
    [key: string]: unknown;
  } | null;
  certainty?: string;
}

export interface LayoutShift {
  value: number;
  hadRecentInput: boolean;
  startTime: number;
  sources: string[];
}

export interface PageRecords {
  csp: CspViolation[];
  zoneChanges: ZoneChange[];
  shifts: LayoutShift[];
  /** performance.now() when each widget tag was defined. */
  defined: Record<string, number>;
}

declare global {
  interface Window {
    __e2e: PageRecords;
  }
}

/** Page-side recorders (CSP violations, zone-change events, layout shifts), plain JS. */
const PAGE_RECORDERS = join(REPO_ROOT, 'tests/e2e/page-recorders.js');

/** What a page did, as seen from outside it. */
export interface Recording {
  requests: string[];
  setCookies: string[];
  consoleCsp: string[];
  warnings: string[];
  errors: string[];
  pageErrors: Error[];
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  recording: Recording;
  records(): Promise<PageRecords>;
  close(): Promise<void>;
}

/** A fresh context and page with every recorder attached, before the first navigation. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, ...options });
  await context.addInitScript({ path: PAGE_RECORDERS });
  const page = await context.newPage();
  const recording: Recording = {
    requests: [],
    setCookies: [],
    consoleCsp: [],
    warnings: [],
    errors: [],
    pageErrors: [],
  };
  page.on('request', (request) => recording.requests.push(request.url()));
  page.on('response', async (response) => {
    // The raw headers (set-cookie included); they may be gone when the page closes first.
    const headers = await response.headersArray().catch(() => []);
    for (const header of headers) {
      if (header.name.toLowerCase() === 'set-cookie')
        recording.setCookies.push(`${response.url()}: ${header.value}`);
    }
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/Content.Security.Policy/i.test(text)) recording.consoleCsp.push(text);
    if (message.type() === 'warning') recording.warnings.push(text);
    if (message.type() === 'error') recording.errors.push(text);
  });
  page.on('pageerror', (error) => recording.pageErrors.push(error));
  return {
    context,
    page,
    recording,
    async records() {
      const records = await page.evaluate(() => window.__e2e);
      if (!records) throw new Error('the page recorders did not run (tests/e2e/page-recorders.js)');
      return records;
    },
    close: () => context.close(),
  };
}

/**
 * The answer of a news feed's own page for `zone`, not the compact feed's (`limit=3`): a feed shows
 * every zone's news until a zone is chosen, so a test waits for this before it uses the list.
 */
export function zoneNewsPage(page: Page, zone: string): Promise<unknown> {
  return page.waitForResponse((response) => {
    const url = new URL(response.url());
    return (
      url.pathname === '/v1/news' &&
      url.searchParams.get('zone') === zone &&
      url.searchParams.get('limit') !== '3'
    );
  });
}

/** Polls until `locator`'s visible text matches `pattern`; the error shows the last text seen. */
export async function waitForText(
  locator: Locator,
  pattern: RegExp,
  timeoutMs = VISIBLE_TIMEOUT_MS,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '(nothing)';
  for (;;) {
    try {
      if ((await locator.count()) > 0) {
        last = (await locator.allInnerTexts()).join(' | ');
        if (pattern.test(last)) return last;
      }
    } catch (error) {
      last = `(${(error as Error).message.split('\n')[0]})`;
    }
    if (Date.now() > deadline) {
      throw new Error(`expected ${pattern} within ${timeoutMs} ms; last seen: ${last}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Polls a condition evaluated in Node (e.g. over page state) until it holds. */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T>,
  holds: (value: T) => boolean,
  timeoutMs = VISIBLE_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (holds(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The parts of one `<carezone-finder>` a visitor deals with (Playwright's locators pierce open shadow roots). */
export function finderParts(finder: Locator) {
  return {
    host: finder,
    input: finder.getByRole('combobox'),
    listbox: finder.getByRole('listbox'),
    options: finder.getByRole('option'),
    status: finder.locator('[part~="status"]'),
    result: finder.locator('[part~="result"]'),
    zones: finder.locator('[part~="zone"]'),
    zoneNames: finder.locator('[part~="zone-name"]'),
    alert: finder.locator('[role="alert"]'),
    retry: finder.locator('[part~="retry-button"]'),
  };
}

export type FinderParts = ReturnType<typeof finderParts>;

/** Focuses the finder's input, empties it, and types `text` key by key as a visitor does. */
export async function typeInto(parts: FinderParts, text: string): Promise<void> {
  await parts.input.focus();
  await parts.input.press('ControlOrMeta+A');
  await parts.input.press('Backspace');
  await parts.input.pressSequentially(text, { delay: 15 });
}

/**
 * Keyboard-only choice: ArrowDown until the active option (aria-activedescendant / aria-selected)
 * reads `pattern`, then Enter. Fails when no option matches.
 */
export async function chooseWithKeyboard(parts: FinderParts, pattern: RegExp): Promise<string> {
  // The live region is empty while a search runs and says what was found once it is done: wait for
  // that, so the options are those of the whole typed text, not of a prefix still on screen.
  await waitForText(parts.status, /\S/);
  await parts.options.filter({ hasText: pattern }).first().waitFor({ timeout: VISIBLE_TIMEOUT_MS });
  const texts = await parts.options.allInnerTexts();
  const index = texts.findIndex((text) => pattern.test(text));
  if (index < 0) throw new Error(`no option matches ${pattern}: ${texts.join(' | ')}`);
  for (let step = 0; step <= index; step++) await parts.input.press('ArrowDown');
  const active = await activeOption(parts);
  if (!pattern.test(active))
    throw new Error(`after ${index + 1} × ArrowDown the active option is "${active}", not ${pattern}`);
  await parts.input.press('Enter');
  return active;
}

/** The text of the option the combobox points at (aria-activedescendant), or ''. */
export async function activeOption(parts: FinderParts): Promise<string> {
  const id = await parts.input.getAttribute('aria-activedescendant');
  if (!id) return '';
  return parts.host.locator(`[id="${id}"]`).innerText();
}

const AXE_PATH = join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');

export type AxeViolation = { id: string; impact: string; nodes: string[] };

/**
 * axe-core over the whole page in `state` (injected as an inline script, which the strict CSP
 * rightly blocks: open the page with `bypassCSP`). Logs every violation; answers the serious and
 * critical ones, which a test expects to be none.
 */
export async function seriousAxeViolations(page: Page, state: string): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    type AxeResults = {
      violations: { id: string; impact: string; nodes: { target: unknown[]; failureSummary: string }[] }[];
    };
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }
    ).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => `${JSON.stringify(node.target)} ${node.failureSummary}`),
    }));
  });
  if (violations.length > 0) console.log(`axe, ${state} (all impacts):`, JSON.stringify(violations, null, 1));
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
