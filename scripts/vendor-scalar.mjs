#!/usr/bin/env node
// Copies the one file the server needs from `@scalar/api-reference` (its prebuilt standalone browser
// script, 3.5 MB) into `packages/server/vendor/scalar-api-reference/`, with its name, version and
// licence. The package itself, with the ~300 packages it depends on (TypeScript, an AI SDK, …), is
// a development dependency only: an installed `@carezone/server` ships this copy and nothing else of it.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const server = fileURLToPath(new URL('../packages/server/', import.meta.url));
const require = createRequire(join(server, 'package.json'));
// The package's `exports` list neither its manifest nor the bundle: both are found beside its entry.
const packageDir = join(dirname(require.resolve('@scalar/api-reference')), '..');
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

const target = join(server, 'vendor/scalar-api-reference');
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
copyFileSync(join(packageDir, 'dist/browser/standalone.js'), join(target, 'standalone.js'));
const { name, version, license, homepage, repository } = manifest;
writeFileSync(
  join(target, 'source.json'),
  `${JSON.stringify({ name, version, license, homepage, repository }, null, 2)}\n`,
);
