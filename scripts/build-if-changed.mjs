#!/usr/bin/env node
// `npm run build`, unless nothing it reads changed since the last build that ran through here and
// what it writes is still there.
// `npm ci` builds once (`prepare`), so `npm start` right after it starts at once instead of
// building a second time; after a `git pull` or an edit, the changed files are newer and it builds.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Inside node_modules: `npm ci` removes it, so a fresh install always builds.
const stamp = join(root, 'node_modules/.cache/carezone/last-build');
/** What the build reads: every package's sources and manifest, the build's configuration and scripts. */
const inputs = [
  'package.json',
  'package-lock.json',
  'tsconfig.base.json',
  'rollup.config.mjs',
  'scripts',
  ...['contract', 'sdk', 'widgets', 'inbox', 'server'].flatMap((name) =>
    ['src', 'package.json', 'tsconfig.json'].map((path) => `packages/${name}/${path}`),
  ),
  'packages/widgets/custom-elements-manifest.config.mjs',
];

/** What the build writes that `carezone serve` needs: a missing one (a deleted dist/) means build. */
const outputs = [
  'packages/server/dist/cli.js',
  'packages/widgets/dist/cdn/integrity.json',
  'packages/inbox/dist/assets/manifest.json',
  'packages/server/vendor/scalar-api-reference/standalone.js',
];

function newestChange(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

const lastBuild = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changed = Math.max(...inputs.map((path) => newestChange(join(root, path))));
const missing = outputs.some((path) => !statSync(join(root, path), { throwIfNoEntry: false }));
if (changed < lastBuild && !missing) {
  console.error('The build is up to date (nothing it reads changed since it ran).');
} else {
  const started = Date.now();
  const { status } = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
  mkdirSync(join(stamp, '..'), { recursive: true });
  // The stamp's time is when the build started: a file saved during the build counts as changed.
  writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
  utimesSync(stamp, new Date(started), new Date(started));
}
