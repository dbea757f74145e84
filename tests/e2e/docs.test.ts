// `/docs` in Chromium, as a newcomer opens it: Scalar's API reference of the server's own
// `/openapi.json`, on whatever port the server runs, with the request schemas, a "try it" that sends
// to the same origin, nothing loaded from another origin and nothing refused by the page's CSP.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  type E2EServer,
  launchBrowser,
  type OpenedPage,
  openPage,
  startServer,
  VISIBLE_TIMEOUT_MS,
  waitForText,
  waitUntil,
} from './harness.js';

/** The first render parses a 3.5 MB script and the whole document: more than a widget's. */
const RENDER_TIMEOUT_MS = 3 * VISIBLE_TIMEOUT_MS;

let server: E2EServer;
let browser: Browser;
let origin: string;

before(async () => {
  // Port 0: whatever port is free, never the default 3000.
  [server, browser] = await Promise.all([startServer(0), launchBrowser()]);
  origin = new URL(server.url).origin;
  assert.notEqual(server.port, 3000);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

interface OpenApi {
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string } }> } }>
  >;
  components: { schemas: Record<string, { properties: Record<string, unknown> }> };
}

/** The top-level fields of `POST /v1/session-requests`' body, as the server's document names them. */
async function sessionRequestFields(): Promise<string[]> {
  const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as OpenApi;
  const ref =
    document.paths['/v1/session-requests']?.post?.requestBody?.content['application/json']?.schema.$ref;
  const schema = document.components.schemas[ref?.split('/').pop() ?? ''];
  assert.ok(schema, `the body schema ${ref}`);
  return Object.keys(schema.properties);
}

/** Scalar's section of one operation. */
const operation = (page: Page, method: string, path: string) =>
  page.locator(`section[id$="/${method.toUpperCase()}${path}"]`);

/**
 * Everything a page did that the test must not see: a request to another origin, a console error
 * (CSP refusals among them), an exception, or a CSP violation. One violation is expected and
 * harmless: zod, inside Scalar's bundle, tries `new Function('')` in a try/catch once to learn whether
 * it may compile its validators, and uses its interpreter when the CSP says no (nothing fails, and
 * Chromium logs nothing for it). Allowing it would take `'unsafe-eval'`.
 */
async function assertClean(opened: OpenedPage): Promise<void> {
  const { recording } = opened;
  const elsewhere = recording.requests.filter((url) => new URL(url).origin !== origin);
  assert.deepEqual(elsewhere, [], 'requests to another origin');
  assert.ok(recording.requests.length > 0);
  assert.deepEqual(recording.consoleCsp, [], 'CSP messages in the console');
  assert.deepEqual(recording.errors, [], 'console errors');
  assert.deepEqual(
    recording.pageErrors.map((error) => error.message),
    [],
    'uncaught exceptions',
  );
  const violations = (await opened.records()).csp.filter(
    (violation) =>
      !(
        violation.directive === 'script-src' &&
        violation.blocked === 'eval' &&
        violation.source.startsWith(`${origin}/docs/assets/scalar-api-reference-`)
      ),
  );
  assert.deepEqual(violations, [], 'CSP violations');
}

test('on a non-default port: the body schema of POST /v1/session-requests, examples against that port, nothing from elsewhere', async () => {
  const fields = await sessionRequestFields();
  assert.ok(fields.includes('consent') && fields.includes('contact') && fields.length >= 8, fields.join());
  const opened = await openPage(browser);
  try {
    const { page } = opened;
    await page.goto(`${server.url}/docs#tag/session-requests/POST/v1/session-requests`);
    const section = operation(page, 'post', '/v1/session-requests');
    await section.waitFor({ timeout: RENDER_TIMEOUT_MS });
    // Each field name is a line of the section's rendered text (innerText: what is shown, not the
    // folded fields of nested objects).
    // Past a dozen fields Scalar folds the rest behind a button, as a reader would find it.
    await section
      .getByRole('button', { name: /Show additional properties/ })
      .first()
      .click();
    const lines = async () => new Set((await section.innerText()).split('\n').map((line) => line.trim()));
    const missing = await waitUntil(
      'the body fields',
      async () => {
        const shown = await lines();
        return fields.filter((field) => !shown.has(field));
      },
      (left) => left.length === 0,
    );
    assert.deepEqual(missing, []);
    // The request example names this server's address and port.
    const text = await waitForText(
      section,
      new RegExp(`curl ${origin.replaceAll('.', '\\.')}/v1/session-requests`),
    );
    assert.doesNotMatch(text, /localhost:3000/);
    await assertClean(opened);
  } finally {
    await opened.close();
  }
});

test('“Test Request” sends to the origin the page came from and shows the answer', async () => {
  const opened = await openPage(browser);
  try {
    const { page } = opened;
    await page.goto(`${server.url}/docs#tag/session-requests/GET/v1/topics`);
    const section = operation(page, 'get', '/v1/topics');
    await section.waitFor({ timeout: RENDER_TIMEOUT_MS });
    await section.getByRole('button', { name: /Test Request/ }).click();
    const send = page.getByRole('button', { name: /^Send/ }).first();
    await send.waitFor({ timeout: VISIBLE_TIMEOUT_MS });
    const [response] = await Promise.all([
      page.waitForResponse((answer) => new URL(answer.url()).pathname === '/v1/topics', {
        timeout: VISIBLE_TIMEOUT_MS,
      }),
      send.click(),
    ]);
    assert.equal(response.url(), `${origin}/v1/topics`);
    assert.equal(response.status(), 200);
    await waitForText(page.locator('body'), /200 OK/);
    await assertClean(opened);
  } finally {
    await opened.close();
  }
});

test('a problem’s `type` (/docs#problem-…) opens its entry', async () => {
  const opened = await openPage(browser);
  try {
    const { page } = opened;
    await page.goto(`${server.url}/docs#problem-out-of-coverage`);
    const heading = page.getByRole('heading', { name: 'OUT_OF_COVERAGE', exact: true });
    await heading.waitFor({ timeout: RENDER_TIMEOUT_MS });
    const inView = () =>
      heading.evaluate((element) => {
        const { top, bottom } = element.getBoundingClientRect();
        return top >= 0 && bottom <= window.innerHeight;
      });
    const deadline = Date.now() + VISIBLE_TIMEOUT_MS;
    while (!(await inView()) && Date.now() < deadline) await page.waitForTimeout(100);
    assert.ok(await inView(), 'the entry is scrolled into view');
    await assertClean(opened);
  } finally {
    await opened.close();
  }
});

test('without JavaScript: every operation with examples against this port, and the problem codes', async () => {
  const opened = await openPage(browser, { javaScriptEnabled: false });
  try {
    const { page, recording } = opened;
    await page.goto(`${server.url}/docs#problem-not-found`);
    const text = await page.locator('main').innerText();
    assert.ok(text.includes(`curl -X POST '${origin}/v1/session-requests'`), 'the POST example');
    assert.ok(text.includes(`${origin}/v1/lookup?`), 'a GET example');
    assert.ok(text.includes(`${origin}/openapi.json`));
    await page.locator('#problem-not-found').waitFor({ state: 'visible' });
    assert.deepEqual(
      recording.requests.filter((url) => new URL(url).origin !== origin),
      [],
    );
  } finally {
    await opened.close();
  }
});
