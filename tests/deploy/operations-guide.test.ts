// The operator's guide (docs/operations.md) and the settings file it ships
// (deploy/carezone.env.example) against the server's sources: they name only settings the server
// reads, and the guide names every one it reads, so neither can drift from packages/server/src.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { parseEnv } from 'node:util';
import { REPO_ROOT } from '../helpers.js';

const GUIDE = join(REPO_ROOT, 'docs', 'operations.md');
const ENV_EXAMPLE = join(REPO_ROOT, 'deploy', 'carezone.env.example');
const SERVER_SOURCES = join(REPO_ROOT, 'packages', 'server', 'src');
/** The settings without the CAREZONE_ prefix: the usual names of Node.js servers. */
const PLAIN_NAMES = new Set(['PORT', 'HOST', 'DATABASE_URL', 'LOG_LEVEL', 'NODE_ENV']);
const isSettingName = (name: string) => /^CAREZONE_[A-Z0-9_]*[A-Z0-9]$/.test(name) || PLAIN_NAMES.has(name);

/** The server's own code: no tests, no test helpers. */
async function sourceFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'test-helpers' && entry.name !== '__snapshots__')
        files.push(...(await sourceFiles(path)));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      files.push(path);
    }
  }
  return files;
}

/** Code lines only: a name in a comment is not read. */
function withoutComments(source: string): string {
  return source
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .map((line) => line.replace(/\s\/\/\s.*$/, ''))
    .join('\n');
}

/**
 * The variables the server reads: `env.NAME` (`process.env.NAME`, `env?.NAME`), or a string that is
 * the name and nothing else (`name: 'PORT'` in a table of settings, `env['NAME']`, `rateLimit('…')`).
 * A name inside a longer text, such as an error message or the usage text, does not count.
 */
async function settingsTheServerReads(): Promise<Set<string>> {
  const read = new Set<string>();
  for (const file of await sourceFiles(SERVER_SOURCES)) {
    const code = withoutComments(await readFile(file, 'utf8'));
    for (const match of code.matchAll(/\benv\??\.([A-Z][A-Z0-9_]*)\b/g)) read.add(match[1] ?? '');
    for (const match of code.matchAll(/(['"`])([A-Z][A-Z0-9_]*)\1/g)) read.add(match[2] ?? '');
  }
  return new Set([...read].filter(isSettingName));
}

/** Every CAREZONE_ name in `text`, and each plain one written as code (`PORT`, `PORT=`). */
function settingsNamedIn(text: string): Set<string> {
  const named = new Set<string>();
  for (const match of text.matchAll(/\bCAREZONE_[A-Z0-9_]+/g)) named.add(match[0]);
  for (const match of text.matchAll(/(?:`|^#?)([A-Z][A-Z0-9_]*)(?:`|=)/gm)) {
    if (PLAIN_NAMES.has(match[1] ?? '')) named.add(match[1] ?? '');
  }
  return named;
}

/** A heading's anchor as GitHub makes it. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

describe('docs/operations.md and the settings file it ships', () => {
  let guide = '';
  let envExample = '';
  let read = new Set<string>();

  before(async () => {
    guide = await readFile(GUIDE, 'utf8');
    envExample = await readFile(ENV_EXAMPLE, 'utf8');
    read = await settingsTheServerReads();
    // The reading found the server's settings at all (a reader moved elsewhere would empty it).
    for (const name of ['PORT', 'DATABASE_URL', 'CAREZONE_PUBLIC_URL', 'CAREZONE_TRUST_PROXY']) {
      assert.ok(read.has(name), `${name} is found among the settings the server reads`);
    }
  });

  test('the guide names only settings the server reads', () => {
    const unknown = [...settingsNamedIn(guide)].filter((name) => !read.has(name));
    assert.deepEqual(unknown, [], 'named in docs/operations.md, but read nowhere in packages/server/src');
  });

  test('the guide names every setting the server reads', () => {
    const named = settingsNamedIn(guide);
    const missing = [...read].filter((name) => !named.has(name)).sort();
    assert.deepEqual(missing, [], 'read by the server, but not in docs/operations.md');
  });

  test('deploy/carezone.env.example sets only settings the server reads, each meaning the same to systemd and dotenv', () => {
    const lines = envExample.split('\n').filter((line) => /^#?[A-Z][A-Z0-9_]*=/.test(line));
    assert.ok(lines.length > 5, 'the example has settings');
    for (const line of lines) {
      // Commented-out settings are there to be uncommented: they are checked as well.
      const assignment = line.replace(/^#/, '');
      const equals = assignment.indexOf('=');
      const name = assignment.slice(0, equals);
      assert.ok(read.has(name), `${name} is a setting the server reads`);
      // systemd's EnvironmentFile= takes an unquoted value as the rest of the line, trimmed; the
      // .env reader applies quotes, escapes and comments. A value with none reads the same to both.
      const raw = assignment.slice(equals + 1).trim();
      assert.equal(parseEnv(assignment)[name], raw, `${name}: dotenv reads what systemd reads`);
      assert.doesNotMatch(raw, /["'\\$`]/, `${name}: no quotes, escapes or $ in the value`);
    }
  });

  test("the README links to the guide, the guide's links lead somewhere, and the files it names exist", async () => {
    const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
    assert.match(readme, /\]\(docs\/operations\.md\)/, 'README.md links to docs/operations.md');
    const anchors = new Set([...guide.matchAll(/^#{2,4} (.+)$/gm)].map((match) => anchorOf(match[1] ?? '')));
    for (const match of guide.matchAll(/\]\(#([^)]+)\)/g)) {
      assert.ok(anchors.has(match[1] ?? ''), `a heading has the anchor #${match[1]}`);
    }
    for (const match of guide.matchAll(/\b(deploy\/[\w.@-]+)/g)) {
      assert.ok(existsSync(join(REPO_ROOT, match[1] ?? '')), `${match[1]} exists`);
    }
  });
});
