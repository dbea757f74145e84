export interface FileSizes {
  /** Bytes as built (minified). */
  min: number;
  gzip: number;
  brotli: number;
}

export interface MeasuredFile extends FileSizes {
  /** Path relative to the bundles folder. */
  file: string;
}

export function importsOf(code: string): { staticImports: string[]; dynamicImports: string[] };

export function importGraph(
  entry: string,
  dir: string,
): {
  /** What the page fetches before the entry runs, the entry first. */
  files: string[];
  /** What it reaches only through `import()`, and what that imports. */
  lazy: string[];
  /** Imports that are not relative files: the bundle would not run from a script tag. */
  bare: string[];
};

/** `nl`, `fr`, `en` or `de` for a language chunk (`nl-<hash>.js`, `session-request-nl-<hash>.js`), else undefined. */
export function languageOf(file: string): string | undefined;

export function sizesOf(buffer: Uint8Array): FileSizes;

export function pageDownload(
  entry: string,
  dir: string,
): {
  eager: MeasuredFile[];
  lazy: MeasuredFile[];
  /** The eager files and the chunks of the heaviest language: what the budgets count. */
  counted: MeasuredFile[];
  total: FileSizes;
  bare: string[];
};
