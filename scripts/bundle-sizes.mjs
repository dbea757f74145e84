// What a page downloads for a script-tag entry of the widgets, and its size as served: the entry and
// its static imports, recursively, plus the heaviest file it reaches only through `import()` (the
// language chunks: every page loads at least one; a page in two languages loads two). Each file is
// compressed on its own, as each is its own response. Read from the syntax tree of the built files.
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
  const heaviestLazy = [...lazy].sort((a, b) => b.gzip - a.gzip)[0];
  const counted = heaviestLazy ? [...eager, heaviestLazy] : eager;
  const total = counted.reduce(
    (sum, one) => ({ min: sum.min + one.min, gzip: sum.gzip + one.gzip, brotli: sum.brotli + one.brotli }),
    { min: 0, gzip: 0, brotli: 0 },
  );
  return { eager, lazy, counted, total, bare: graph.bare };
}
