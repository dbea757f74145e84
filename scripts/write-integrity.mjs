#!/usr/bin/env node
// Writes `integrity.json` beside the widget bundles: the SHA-384 of every script a page may load
// from `/widgets/<version>/` (the entries and every chunk they import, the language chunks
// among them), in the form a `<script integrity>` or an import map's `integrity` takes. The
// server serves it with the bundles; the embed snippets read their hashes from it.
// Usage: node scripts/write-integrity.mjs [dir] (default: packages/widgets/dist/cdn).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const INTEGRITY_FILE = 'integrity.json';

/** `sha384-<base64>` of `bytes`, as Subresource Integrity writes it. */
export function sriHash(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** The integrity manifest of the scripts in `dir`, by file name, in a stable order. */
export function integrityOf(dir, version) {
  const scripts = readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .sort();
  const files = Object.fromEntries(scripts.map((file) => [file, sriHash(readFileSync(join(dir, file)))]));
  return { version, algorithm: 'sha384', files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dir = process.argv[2] ?? join(root, 'packages/widgets/dist/cdn');
  const { version } = JSON.parse(readFileSync(join(root, 'packages/widgets/package.json'), 'utf8'));
  writeFileSync(join(dir, INTEGRITY_FILE), `${JSON.stringify(integrityOf(dir, version), null, 2)}\n`);
}
