// Carezone as someone outside this repository gets it: the five packages packed by `npm pack`,
// installed from those tarballs into an empty project in the temporary folder (their third-party
// dependencies from the registry), and used there as the README says: `npx carezone serve` answers
// a lookup, serves the widget bundles and the zone team's inbox; the README's SDK example runs in plain Node and
// type-checks with TypeScript (strict; node16 and bundler resolution); the finder, imported from
// the package, is bundled by Vite and by rollup into pages that work in Chromium. A file missing
// from a package fails one of these. publint and "Are the types wrong?" find nothing to fix.
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import type { Browser } from 'playwright-core';
import { rollup } from 'rollup';
import { assertBuilt, freePort, launchBrowser } from '../e2e/harness.js';
import { REPO_ROOT, waitForLog } from '../helpers.js';

// In the order of the root package.json's workspaces, which `npm pack` follows.
const PACKAGES = ['contract', 'sdk', 'widgets', 'inbox', 'server'] as const;
const bin = (name: string) => join(REPO_ROOT, 'node_modules', '.bin', name);

/** The environment of a user's shell: none of the npm variables of the `npm test` around us. */
const userEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => !/^npm_(package|lifecycle|config_workspace|config_prefix|command)/i.test(name),
  ),
) as NodeJS.ProcessEnv;

const execFileAsync = promisify(execFile);

async function run(command: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, {
      cwd,
      env: { ...userEnv, npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

let project: string;
/** The tarballs, by package name. */
const tarballs = new Map<string, string>();
let serverUrl: string;
let server: ChildProcess;
let browser: Browser;

before(async () => {
  assertBuilt();
  project = await mkdtemp(join(tmpdir(), 'carezone-installed-'));
  const packed = JSON.parse(
    await run(
      'npm',
      [
        'pack',
        ...PACKAGES.flatMap((name) => ['--workspace', `packages/${name}`]),
        '--pack-destination',
        project,
        '--json',
      ],
      REPO_ROOT,
    ),
  ) as { filename: string }[];
  assert.equal(packed.length, PACKAGES.length);
  for (const [index, name] of PACKAGES.entries())
    tarballs.set(name, join(project, packed[index]?.filename ?? ''));
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'a-municipal-site',
      private: true,
      type: 'module',
      allowScripts: { 'better-sqlite3': true },
    }),
  );
  await run(
    'npm',
    ['install', '--no-audit', '--no-fund', ...packed.map(({ filename }) => `./${filename}`)],
    project,
  );

  const port = await freePort();
  // The command npm linked, run by Node itself (not through npx, which would not pass on the
  // signal that stops it).
  const carezone = join(project, 'node_modules', '.bin', 'carezone');
  server = spawn(
    process.execPath,
    [carezone, 'serve', '--port', String(port), '--data', join(project, 'data')],
    {
      cwd: project,
      env: { ...userEnv, NODE_ENV: 'development', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const listening = await waitForLog(server, (line) => line.msg === 'listening', 30_000);
  serverUrl = String(listening.url);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (project) await rm(project, { recursive: true, force: true });
});

describe('installed from the tarballs', () => {
  test('the packages name each other by exact version', async () => {
    for (const name of PACKAGES) {
      const manifest = JSON.parse(
        await readFile(join(project, 'node_modules', '@carezone', name, 'package.json'), 'utf8'),
      ) as { version: string; dependencies?: Record<string, string> };
      for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
        if (!dependency.startsWith('@carezone/')) continue;
        const other = JSON.parse(
          await readFile(join(project, 'node_modules', dependency, 'package.json'), 'utf8'),
        ) as { version: string };
        assert.equal(range, other.version, `${name} → ${dependency}`);
      }
    }
  });

  test('npx carezone serve answers the zone of 1050 and serves the widgets and the embed pages', async () => {
    const version = (await run('npx', ['carezone', '--version'], project)).trim();
    const expected = JSON.parse(
      readFileSync(join(REPO_ROOT, 'packages/server/package.json'), 'utf8'),
    ).version;
    assert.match(version, new RegExp(`\\b${expected.replace(/\./g, '\\.')}\\b`));

    const lookup = (await (await fetch(`${serverUrl}/v1/lookup?postcode=1050`)).json()) as {
      matches: { zone: { id: string } }[];
    };
    assert.deepEqual(
      lookup.matches.map((match) => match.zone.id),
      ['bxl-sud'],
    );
    for (const path of [
      '/widgets/carezone-finder.js',
      '/widgets/carezone-embed.js',
      '/embed/finder?q=1050',
      '/docs',
    ]) {
      const response = await fetch(`${serverUrl}${path}`);
      assert.equal(response.status, 200, path);
      await response.arrayBuffer();
    }
  });

  test('/inbox/ answers the inbox page, whose script the installed @carezone/inbox provides', async () => {
    const response = await fetch(`${serverUrl}/inbox/`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const page = await response.text();
    const script = /<script type="module" src="(\/inbox\/assets\/inbox-[\w-]+\.js)"/.exec(page)?.[1];
    assert.ok(script, 'the page loads the built inbox, not the "not built" message');
    const asset = await fetch(`${serverUrl}${script}`);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
    assert.ok((await asset.arrayBuffer()).byteLength > 10_000);
  });

  test('/docs runs on the copy of Scalar the server package ships, without installing @scalar/* and its dependencies', async () => {
    assert.equal(existsSync(join(project, 'node_modules/@scalar')), false, 'no @scalar package installed');
    const page = await (await fetch(`${serverUrl}/docs`)).text();
    const script = /<script src="(\/docs\/assets\/scalar-api-reference-[^"]+\.js)"/.exec(page)?.[1];
    assert.ok(script, 'the page loads Scalar, not its hand-written fallback');
    const response = await fetch(`${serverUrl}${script}`);
    assert.equal(response.status, 200);
    assert.ok((await response.arrayBuffer()).byteLength > 1_000_000, 'the whole standalone bundle');
  });

  test("the README's SDK example runs in plain Node and type-checks, strict, with node16 and bundler resolution", async () => {
    const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
    const example = readme.split('## The SDK in ten lines')[1]?.match(/```ts\n([\s\S]*?)```/)?.[1];
    assert.ok(example, 'the README has the SDK example');
    assert.match(example, /http:\/\/localhost:3000/, 'the example names the server it talks to');
    const code = example.replace('http://localhost:3000', serverUrl);
    await writeFile(join(project, 'sdk-example.mjs'), code);
    assert.equal((await run(process.execPath, ['sdk-example.mjs'], project)).trim(), 'Zuid');

    await writeFile(join(project, 'sdk-example.ts'), code);
    for (const [module, moduleResolution] of [
      ['node16', 'node16'],
      ['esnext', 'bundler'],
    ]) {
      const config = `tsconfig.${moduleResolution}.json`;
      await writeFile(
        join(project, config),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            module,
            moduleResolution,
            target: 'es2022',
            lib: ['es2022', 'dom'],
            noEmit: true,
          },
          files: ['sdk-example.ts'],
        }),
      );
      await run(
        process.execPath,
        [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', config],
        project,
      );
    }
  });

  test('the finder, imported from the package, bundled by Vite and by rollup, finds the zone of 1050 in Chromium', async () => {
    const web = join(project, 'web');
    await mkdir(web, { recursive: true });
    await writeFile(join(web, 'main.js'), "import '@carezone/widgets/define/carezone-finder';\n");
    const page = (script: string) =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bundled</title>
<script type="module" src="${script}"></script></head>
<body><main><carezone-finder lang="en" api="${serverUrl}"></carezone-finder></main></body></html>`;
    await writeFile(join(web, 'index.html'), page('./main.js'));
    await run(
      process.execPath,
      [
        join(REPO_ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        'web',
        '--base',
        './',
        '--outDir',
        '../vite',
        '--logLevel',
        'warn',
      ],
      project,
    );

    const bundle = await rollup({ input: join(web, 'main.js'), plugins: [nodeResolve({ browser: true })] });
    await bundle.write({ dir: join(project, 'rollup'), format: 'es' });
    await bundle.close();
    await writeFile(join(project, 'rollup', 'index.html'), page('./main.js'));

    const site = await serveFolder(project);
    try {
      for (const built of ['vite', 'rollup']) {
        const context = await browser.newContext();
        const foreign: string[] = [];
        context.on('request', (request) => {
          const { origin } = new URL(request.url());
          if (origin !== site.origin && origin !== serverUrl) foreign.push(request.url());
        });
        const tab = await context.newPage();
        await tab.goto(`${site.origin}/${built}/index.html`);
        const finder = tab.locator('carezone-finder');
        await finder.getByRole('combobox').fill('1050');
        await finder.getByRole('combobox').press('Enter');
        await finder.getByRole('heading', { name: 'South' }).waitFor();
        assert.deepEqual(foreign, [], `${built}: nothing from another origin`);
        await context.close();
      }
    } finally {
      await site.close();
    }
  });

  test('publint and "Are the types wrong?" find no problem in any package', async () => {
    for (const name of PACKAGES) {
      await run(bin('publint'), [join(REPO_ROOT, 'packages', name), '--strict'], REPO_ROOT);
      // ESM only, on purpose: `require` and node10 resolution are not offered.
      await run(
        bin('attw'),
        [tarballs.get(name) ?? '', '--profile', 'esm-only', '--format', 'ascii'],
        project,
      );
    }
  });
});

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** A static server of `root` on another origin than the API, as a municipality's site would be. */
async function serveFolder(root: string): Promise<{ origin: string; close(): Promise<void> }> {
  const site = http.createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://site').pathname;
    try {
      const body = await readFile(join(root, ...path.split('/').filter((part) => part && part !== '..')));
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  const port = await freePort();
  await new Promise<void>((resolve) => site.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => site.close(() => resolve())),
  };
}
