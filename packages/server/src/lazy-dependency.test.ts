import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { lazyDependency } from './lazy-dependency.js';

const require = createRequire(import.meta.url);

/** The dependencies the server loads on first use, to keep them out of its cold start. */
const LOADED_ON_FIRST_USE = ['sanitize-html', 'feedsmith', 'fast-xml-parser', 'nodemailer'];

async function sourceFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'test-helpers') files.push(...(await sourceFiles(path)));
    else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      files.push(path);
  }
  return files;
}

describe('lazyDependency', () => {
  test('loads the module at the first call, not before, and hands out that one instance', () => {
    const loaded = () =>
      Object.keys(require.cache).some((file) => file.includes('/node_modules/sanitize-html/'));
    const load = lazyDependency<typeof import('sanitize-html')>('sanitize-html');
    assert.equal(loaded(), false, 'not loaded by asking for it');
    const first = load();
    assert.equal(loaded(), true);
    assert.equal(typeof first, 'function');
    assert.equal(load(), first);
  });

  test('the server imports the heavy dependencies only as types; values come through lazyDependency', async () => {
    const src = fileURLToPath(new URL('.', import.meta.url));
    const offenders: string[] = [];
    for (const file of await sourceFiles(src)) {
      const text = await readFile(file, 'utf8');
      for (const id of LOADED_ON_FIRST_USE) {
        const valueImport = new RegExp(`^import (?!type )[^;]*from '${id}(/[^']*)?';`, 'm');
        if (valueImport.test(text)) offenders.push(`${file.slice(src.length)}: ${id}`);
      }
    }
    assert.deepEqual(
      offenders,
      [],
      'load these with lazyDependency, so the cold start does not pay for them',
    );
  });
});
