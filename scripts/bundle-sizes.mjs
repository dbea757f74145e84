// What a page downloads for a script-tag entry of the widgets, and its size as served: the entry and
// its static imports, recursively, plus the heaviest language it reaches only through `import()`:
// every chunk of that language the entry may load (the texts every widget shares, and those of a
// widget with a catalogue of its own, such as the form); every page loads at least one language.
// A lazy file that is no language chunk counts as a language of its own. Each file is compressed
// on its own, as each is its own response. Read from the syntax tree of the built files.
// One definition for the budget test (tests/bundles) and the bench (bench/sections/widgets.mjs).
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import zlib from 'node:zlib';
import { parseAst } from 'rollup/parseAst';

/** Every `type`d node of an ESTree, depth first. */
function walk(node, visit) {
  if (Array.isArray(node)) for (const child of node) walk(child, visit);
  else if (node && typeof node === 'object') {
    if (typeof node.type === 'string') visit(node);
    for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value, visit);
  }
}

/** The static and dynamic import specifiers of one built module. */
export function importsOf(code) {
  const staticImports = [];
  const dynamicImports = [];
  walk(parseAst(code), (node) => {
    const source = node.source?.value;
    if (typeof source !== 'string') return;
    if (node.type === 'ImportExpression') dynamicImports.push(source);
    else if (/^(Import|ExportNamed|ExportAll)Declaration$/.test(node.type)) staticImports.push(source);
  });
  return { staticImports, dynamicImports };
}

/** The files `entry` (relative to `dir`) fetches before it runs, those it may fetch later, and any bare import. */
export function importGraph(entry, dir) {
  const files = [];
  const lazy = [];
  const bare = [];
  const queue = [{ file: entry, isLazy: false }];
  while (queue.length > 0) {
    const { file, isLazy } = queue.shift();
    if (files.includes(file) || (isLazy && lazy.includes(file))) continue;
    (isLazy ? lazy : files).push(file);
    const { staticImports, dynamicImports } = importsOf(readFileSync(join(dir, file), 'utf8'));
    for (const [specifiers, dynamic] of [
      [staticImports, false],
      [dynamicImports, true],
    ]) {
      for (const specifier of specifiers) {
        if (!/^\.{1,2}\//.test(specifier)) bare.push(specifier);
        else
          queue.push({
            file: posix.normalize(posix.join(posix.dirname(file), specifier)),
            isLazy: isLazy || dynamic,
          });
      }
    }
  }
  return { files, lazy: lazy.filter((file) => !files.includes(file)), bare };
}

/**
 * The language of a language chunk, from the names rollup.config.mjs gives them (`nl-<hash>.js`,
 * `session-request-nl-<hash>.js`; rollup's hashes are 8 characters); undefined for another file.
 */
export function languageOf(file) {
  return posix.basename(file).match(/^(?:[a-z-]+-)?(nl|fr|en|de)-[\w-]{8}\.js$/)?.[1];
}

/** Minified, gzip -9 and brotli (best quality) sizes of one file. */
export function sizesOf(buffer) {
  return {
    min: buffer.length,
    gzip: zlib.gzipSync(buffer, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buffer, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  };
}

/** What a page downloads for `entry`, file by file, and the total that the budgets count. */
export function pageDownload(entry, dir) {
  const graph = importGraph(entry, dir);
  const measure = (file) => ({ file, ...sizesOf(readFileSync(join(dir, file))) });
  const eager = graph.files.map(measure);
  const lazy = graph.lazy.map(measure);
  // Map.groupBy needs Node 21.
  const byLanguage = new Map();
  for (const one of lazy) {
    const language = languageOf(one.file) ?? one.file;
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), one]);
  }
  const gzipOf = (files) => files.reduce((sum, one) => sum + one.gzip, 0);
  const heaviestLanguage = [...byLanguage.values()].sort((a, b) => gzipOf(b) - gzipOf(a))[0] ?? [];
  const counted = [...eager, ...heaviestLanguage];
  const total = counted.reduce(
    (sum, one) => ({ min: sum.min + one.min, gzip: sum.gzip + one.gzip, brotli: sum.brotli + one.brotli }),
    { min: 0, gzip: 0, brotli: 0 },
  );
  return { eager, lazy, counted, total, bare: graph.bare };
}
