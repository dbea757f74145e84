// Browser bundles: minified ESM with every dependency inlined, for a <script type="module"> or a CDN.
// Packages are compiled from source (the `source` export condition), so one build covers the workspace.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const typescriptOptions = {
  tsconfig: 'tsconfig.base.json',
  include: ['packages/*/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/test-helpers/**'],
  compilerOptions: {
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    composite: false,
    declaration: false,
    declarationMap: false,
    sourceMap: true,
    module: 'ESNext',
    moduleResolution: 'Bundler',
    outDir: undefined,
  },
};

const plugins = () => [
  nodeResolve({
    exportConditions: ['source', 'browser', 'module', 'import', 'default'],
    extensions: ['.ts', '.js'],
  }),
  typescript(typescriptOptions),
  terser({ ecma: 2022, module: true, format: { comments: false } }),
];

/**
 * One self-contained file per widget entry, built apart on purpose: a page pastes one script tag
 * and downloads exactly one file (no shared chunk to fetch after it). A page that loads both
 * bundles gets two copies of Lit, and the tags stay defined by the first (`internal/define.ts`).
 * ESM output keeps `import.meta.url`, from which the widgets find the API that served them.
 * `treeshake: 'smallest'` assumes modules without used exports have no side effects: the entries'
 * own `defineElement` calls are kept, and tests/bundles check the result in Chromium.
 */
const widgetBundle = (name) => ({
  input: { [name]: `packages/widgets/src/define/${name}.ts` },
  output: {
    dir: 'packages/widgets/dist/cdn',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
  },
  treeshake: { preset: 'smallest' },
  plugins: plugins(),
});

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: { 'carezone-sdk': 'packages/sdk/src/index.ts' },
    output: { dir: 'packages/sdk/dist/browser', format: 'es', sourcemap: true, entryFileNames: '[name].js' },
    plugins: plugins(),
  },
  widgetBundle('carezone'),
  widgetBundle('carezone-finder'),
];
