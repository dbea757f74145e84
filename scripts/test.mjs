#!/usr/bin/env node
// The one test command (`npm test`): type-check, lint, then every test suite, ending with the
// line `N passed, N failed` that CI reads. PostgreSQL is started once here (a throwaway cluster
// unless CAREZONE_TEST_DATABASE_URL is set) and shared by the suites through that variable.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestPostgres } from './postgres-for-tests.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);

async function findTests(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await findTests(path)));
    // Widget and inbox tests run in the browser (web-test-runner.config.mjs), not in Node.
    else if (entry.name.endsWith('.test.ts') && !/packages[\\/](widgets|inbox)[\\/]/.test(path))
      found.push(path);
  }
  return found;
}

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Like `run`, but also keeps what the command printed, for its closing count line. */
function runCapturing(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

async function browserTests() {
  const { code, output } = await runCapturing('npx', [
    'web-test-runner',
    '--config',
    'web-test-runner.config.mjs',
  ]);
  const counts = output.match(/^wtr: (\d+) passed, (\d+) failed$/m);
  const passed = Number(counts?.[1] ?? 0);
  const failed = Number(counts?.[2] ?? 0);
  return { passed, failed: code !== 0 && failed === 0 ? 1 : failed };
}

async function nodeTests(files, env) {
  const dir = await mkdtemp(join(tmpdir(), 'carezone-test-'));
  const tap = join(dir, 'report.tap');
  const code = await run(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    env,
  );
  const report = await readFile(tap, 'utf8').catch(() => '');
  await rm(dir, { recursive: true, force: true });
  const count = (name) => Number(report.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  return { passed, failed: code !== 0 && failed === 0 ? 1 : failed };
}

const totals = { passed: 0, failed: 0 };
const step = async (name, fn) => {
  console.log(`\n=== ${name}`);
  const result = await fn();
  totals.passed += result.passed;
  totals.failed += result.failed;
  console.log(`=== ${name}: ${result.passed} passed, ${result.failed} failed`);
};

if (only.length === 0) {
  await step('type-check', async () => {
    const code = await run('npx', [
      'tsc',
      '-b',
      'packages/server',
      'packages/sdk',
      'packages/widgets',
      'packages/inbox',
      'tests',
      'stories',
      'examples/react',
      'examples/vue',
    ]);
    return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
  });
  await step('lint and format', async () => {
    const code = await run('npx', ['biome', 'check', '--error-on-warnings', '.']);
    return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
  });
}

if (only.length === 0) await step('widget components in headless Chromium (@web/test-runner)', browserTests);

const files =
  only.length > 0
    ? only
    : [...(await findTests(join(root, 'packages'))), ...(await findTests(join(root, 'tests')))];
console.log(`\nTest files:\n${files.map((file) => `  ${relative(root, file)}`).join('\n')}`);
// The bundle budgets, the manifest test, the packaging test and the end-to-end suite read the built bundles, so build
// them first (also when only some files are named and one of them reads the build).
const needsBuild =
  only.length === 0 || files.some((file) => /tests[\\/](bundles|e2e|packaging)[\\/]/.test(file));
if (needsBuild) {
  await step('build bundles (npm run build)', async () => {
    const code = await run('npm', ['run', 'build', '--silent']);
    return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
  });
}

const postgres = await startTestPostgres();
try {
  await step('unit, integration and storage suites (node:test)', () =>
    nodeTests(files, {
      CAREZONE_TEST_DATABASE_URL: postgres.url,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    }),
  );
} finally {
  await postgres.stop();
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;
