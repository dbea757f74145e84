// Browser bundles: minified ESM with every dependency inlined, for a <script type="module"> or a CDN.
// Packages are compiled from source (the `source` export condition), so one build covers the workspace.
// The widgets' entries join this list with the next issue.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const typescriptOptions = {
  tsconfig: 'tsconfig.base.json',
  include: ['packages/*/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/test-helpers/**'],
  compilerOptions: {
    lib: ['ES2023', 'DOM'],
    composite: false,
    declaration: false,
    declarationMap: false,
    sourceMap: true,
    module: 'ESNext',
    moduleResolution: 'Bundler',
    outDir: undefined,
  },
};

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: { 'carezone-sdk': 'packages/sdk/src/index.ts' },
    output: { dir: 'packages/sdk/dist/browser', format: 'es', sourcemap: true, entryFileNames: '[name].js' },
    plugins: [
      nodeResolve({
        exportConditions: ['source', 'browser', 'module', 'import', 'default'],
        extensions: ['.ts', '.js'],
      }),
      typescript(typescriptOptions),
      terser({ ecma: 2022, module: true, format: { comments: false } }),
    ],
  },
];
