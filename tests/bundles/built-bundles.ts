import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parseAst } from 'rollup/parseAst';
import { REPO_ROOT } from '../helpers.js';

/** The script-tag bundles as `npm run build` writes them (the tests read the build, never rebuild). */
export const CDN_DIR = join(REPO_ROOT, 'packages', 'widgets', 'dist', 'cdn');
export const ENTRIES = ['carezone-finder.js', 'carezone.js'] as const;
export type Entry = (typeof ENTRIES)[number];

/** Fails with the fix when the bundles are not there, instead of a bare ENOENT. */
export function assertBuilt(): void {
  for (const entry of ENTRIES) {
    if (!existsSync(join(CDN_DIR, entry))) {
      throw new Error(`${join(CDN_DIR, entry)} is missing: run \`npm run build\` first`);
    }
  }
}

export interface ImportGraph {
  /** Every file the page downloads for the entry, the entry first (paths relative to the CDN folder). */
  files: string[];
  /** Files reached only through `import()` (and what they import): downloaded when needed. */
  lazy: string[];
  /** Imports that are not relative files (`lit`, a URL): the bundle would not run from a script tag. */
  bare: string[];
}

interface Node {
  type: string;
  source?: { value?: unknown } | null;
  [key: string]: unknown;
}

function collect(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) for (const child of node) collect(child, visit);
  else if (node && typeof node === 'object' && typeof (node as Node).type === 'string') {
    visit(node as Node);
    for (const value of Object.values(node)) if (value && typeof value === 'object') collect(value, visit);
  }
}

/** The static and dynamic import specifiers of one built module, read from its syntax tree. */
export function importsOf(code: string): { staticImports: string[]; dynamicImports: string[] } {
  const staticImports: string[] = [];
  const dynamicImports: string[] = [];
  collect(parseAst(code), (node) => {
    const source = node.source?.value;
    if (typeof source !== 'string') return;
    if (node.type === 'ImportExpression') dynamicImports.push(source);
    else if (/^(Import|ExportNamed|ExportAll)Declaration$/.test(node.type)) staticImports.push(source);
  });
  return { staticImports, dynamicImports };
}

/** The static closure of `entry`: what a `<script type=module>` fetches before it runs. */
async function staticClosure(
  entry: string,
  dir: string,
): Promise<{ files: string[]; dynamic: string[]; bare: string[] }> {
  const files: string[] = [];
  const dynamic: string[] = [];
  const bare: string[] = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (files.includes(file)) continue;
    files.push(file);
    const { staticImports, dynamicImports } = importsOf(await readFile(join(dir, file), 'utf8'));
    const resolveImport = (specifier: string) => {
      if (specifier.startsWith('./') || specifier.startsWith('../')) {
        return posix.normalize(posix.join(posix.dirname(file), specifier));
      }
      bare.push(specifier);
      return undefined;
    };
    for (const specifier of staticImports) {
      const resolved = resolveImport(specifier);
      if (resolved) queue.push(resolved);
    }
    for (const specifier of dynamicImports) {
      const resolved = resolveImport(specifier);
      if (resolved) dynamic.push(resolved);
    }
  }
  return { files, dynamic, bare };
}

/** The entry and everything it imports statically, recursively, and what it may import later. */
export async function importGraph(entry: string, dir = CDN_DIR): Promise<ImportGraph> {
  const { files, dynamic, bare } = await staticClosure(entry, dir);
  const lazy: string[] = [];
  for (const root of dynamic) {
    const closure = await staticClosure(root, dir);
    bare.push(...closure.bare);
    for (const file of [...closure.files, ...closure.dynamic]) {
      if (!files.includes(file) && !lazy.includes(file)) lazy.push(file);
    }
  }
  return { files, lazy, bare };
}
