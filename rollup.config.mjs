// Browser bundles: minified ESM with every dependency inlined, for a <script type="module"> or a CDN.
// Packages are compiled from source (the `source` export condition), so one build covers the workspace.
import { readdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { minifyLiterals } from './scripts/rollup-minify-literals.mjs';
import { pureSchemas } from './scripts/rollup-pure-schemas.mjs';

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

/**
 * The widgets' internal reactive state (`_text: { state: true }` in `static properties`): private by
 * the Lit convention, never read from outside the element (no attribute, no test, no page), so terser
 * may shorten their names everywhere they appear. Found in the sources, so a new one is included.
 */
async function widgetStateProperties() {
  const dir = fileURLToPath(new URL('packages/widgets/src', import.meta.url));
  const files = (await readdir(dir, { recursive: true })).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.includes('test-helpers'),
  );
  const names = new Set();
  for (const file of files) {
    const source = await readFile(`${dir}/${file}`, 'utf8');
    for (const [, name] of source.matchAll(/\b(_[a-zA-Z]\w*): \{ state: true \}/g)) names.add(name);
  }
  return [...names];
}
const stateProperties = await widgetStateProperties();

/**
 * Internal names of the libraries the widgets bundle: ky's private members (`_options`…) and a zod
 * schema's internals (`_zod`, and the keys of `_zod` no zod code reads by name). Their own code is
 * the only reader, never through a string key (checked in ky 1.7.5 and zod 4.3.6: zod sets `_zod`
 * with `Object.defineProperty`, whose string terser renames too), so they may be shortened like the
 * widgets' state. Re-check on an upgrade of either; the bundles' end-to-end tests run through both.
 */
const libraryInternals = [
  // ky
  '_options',
  '_input',
  '_retryCount',
  '_calculateRetryDelay',
  '_decorateResponse',
  '_retry',
  '_fetch',
  '_stream',
  // zod
  '_zod',
  'traits',
  'onattach',
  'deferred',
  'keySet',
  'numKeys',
  'optionalKeys',
  'constr',
];
/**
 * The widgets' own internal names, read by no page: CarezoneElement's `localize` (protected), the
 * page client's `transport` and `made` (internal/api-client.ts), the zone details' `layerTitle`
 * option, the finder's ComboboxController (finder/combobox.ts) with its actions and its
 * ZoneLookupController (finder/zone-lookup.ts). Each is a name
 * no library of the bundles uses; one renamed here without its code is merely not shortened.
 */
const widgetInternals = [
  'localize',
  'transport',
  'made',
  'layerTitle',
  'inputText',
  'searchText',
  'listOpen',
  'activeOption',
  'handleInput',
  'handleKeydown',
  'showChosen',
  'searchFor',
  'closeList',
  'listOptions',
  'chooseOption',
  'submitText',
  'lookedUp',
  'pickedZone',
  'answer',
  'lookUp',
  'pickZone',
  'named',
  'level',
];

/**
 * Lit's cross-module internals (`_$AH`, `_$Ei`…): private to Lit, but left unmangled by its build
 * because lit-html, reactive-element and the directives of different versions or packages reach
 * them. A bundle holds one copy of all of these and shares no Lit object with another bundle
 * (a page with two Carezone bundles has two Lits that meet only through the DOM), so they may be
 * shortened here. The markers Lit checks across copies end with `$` (`_$litType$`,
 * `_$litPart$`…) and do not match.
 */
const LIT_INTERNALS = '_\\$\\w+';

/** `mangled`: property names terser may shorten, besides the widgets' state. */
const plugins = (mangled = []) => [
  nodeResolve({
    exportConditions: ['source', 'browser', 'module', 'import', 'default'],
    extensions: ['.ts', '.js'],
  }),
  typescript(typescriptOptions),
  pureSchemas(),
  minifyLiterals(),
  terser({
    ecma: 2022,
    module: true,
    // Property reads have no side effects here (no getter is read for what it does), so an
    // unused read may go even where its object could be null. An anonymous function that uses no
    // `this` may become an arrow: none in the bundles is called with `new` or has its prototype
    // read (zod's constructors are named functions; Lit's are classes). `unsafe` assumes the
    // built-ins are not replaced: `String(x)` and `x.toString()` become `"" + x`, `new Error()`
    // drops its `new`. Checked in the bundles (December 2026): no symbol is ever stringified that
    // way (zod's `coerce`, the one candidate, is not used), and no value has a `valueOf` of its own.
    // `keep_fargs: false` drops unused trailing parameters: nothing in Lit, @lit/task, ky, zod or
    // our code reads a function's `length`. The e2e suite runs these.
    compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe: true, keep_fargs: false },
    mangle: {
      properties: { regex: new RegExp(`^(?:${[...stateProperties, ...mangled, LIT_INTERNALS].join('|')})$`) },
    },
    format: { comments: false },
  }),
];

const CDN_DIR = 'packages/widgets/dist/cdn';

/** Empties the bundles folder first: chunk names carry a hash, and a stale chunk would still be served. */
const cleanCdnDir = () => ({
  name: 'carezone-clean-cdn',
  async buildStart() {
    await rm(CDN_DIR, { recursive: true, force: true });
  },
});

/**
 * Puts the custom elements manifest (`cem analyze`, run before rollup by `npm run build`) beside
 * the bundles, so the server can serve it at `/widgets/custom-elements.json` from the one folder.
 */
const copyManifest = () => ({
  name: 'carezone-copy-manifest',
  async generateBundle() {
    const source = await readFile('packages/widgets/custom-elements.json', 'utf8').catch(() => undefined);
    if (source === undefined) this.warn('no packages/widgets/custom-elements.json: run `npm run build`');
    else this.emitFile({ type: 'asset', fileName: 'custom-elements.json', source });
  },
});

/**
 * Language chunks are named by their catalogue: `nl-….js` for the texts every widget shares (and
 * the finder's), `session-request-nl-….js` for `localization/session-request/nl.ts`.
 * scripts/bundle-sizes.mjs reads the language from these names.
 */
const chunkFileNames = ({ facadeModuleId }) => {
  const catalogue = facadeModuleId?.match(/[/\\]localization[/\\]([\w-]+)[/\\](nl|fr|en|de)\.ts$/)?.[1];
  return catalogue ? `${catalogue}-[name]-[hash].js` : '[name]-[hash].js';
};

/**
 * One build per widget entry, apart on purpose: a page pastes one script tag and downloads that
 * file, with no chunk shared with another entry to fetch after it (its only other files are the
 * language chunks it imports lazily, one set per language the page speaks). A page that loads two
 * bundles gets two copies of Lit, and the tags stay defined by the first (`internal/define.ts`).
 * ESM output keeps `import.meta.url`, from which the widgets find the API that served them.
 * `treeshake: 'smallest'` assumes modules without used exports have no side effects: the entries'
 * own `defineElement` calls are kept, and tests/bundles check the result in Chromium.
 */
const widgetBundle = (name, extraPlugins = []) => ({
  input: { [name]: `packages/widgets/src/define/${name}.ts` },
  output: {
    dir: CDN_DIR,
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames,
  },
  // `localization/preload.ts` exports nothing: it is kept for what it does when it runs.
  treeshake: { preset: 'smallest', moduleSideEffects: (id) => /[/\\]localization[/\\]preload\.ts$/.test(id) },
  // Only in the widget bundles: the SDK's own browser bundle keeps every name it had.
  plugins: [...plugins([...libraryInternals, ...widgetInternals]), ...extraPlugins],
});

/**
 * The small scripts of the iframe embeds (`packages/widgets/src/embed/`): `carezone-embed.js`
 * for the host page, `carezone-embed-frame.js` for the embed pages, and the configurator's
 * `carezone-embed-configurator.js`. Classic scripts (an IIFE), so
 * that a CMS that takes `<script src>` but not `type="module"` can use them; no Lit, no SDK.
 */
const embedScript = (name, source) => ({
  input: { [name]: `packages/widgets/src/embed/${source}.ts` },
  output: { dir: CDN_DIR, format: 'iife', sourcemap: true, entryFileNames: '[name].js' },
  plugins: plugins(),
});

const INBOX_DIR = 'packages/inbox/dist/assets';

/**
 * The inbox's script (`@carezone/inbox`, served at `/inbox/assets/`): every file named by its
 * content's hash, so the server may let browsers keep them for good; `manifest.json` names the
 * entry for the page the server writes. The folder is emptied first, as the widgets' is.
 */
const inboxBundle = () => ({
  input: { inbox: 'packages/inbox/src/define.ts' },
  output: {
    dir: INBOX_DIR,
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name]-[hash].js',
    chunkFileNames,
  },
  treeshake: { preset: 'smallest', moduleSideEffects: (id) => /[/\\]inbox[/\\]src[/\\]define\.ts$/.test(id) },
  plugins: [
    {
      name: 'carezone-inbox-manifest',
      async buildStart() {
        await rm(INBOX_DIR, { recursive: true, force: true });
      },
      generateBundle(_options, bundle) {
        const entry = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry);
        this.emitFile({
          type: 'asset',
          fileName: 'manifest.json',
          source: `${JSON.stringify({ entry: entry?.fileName }, null, 2)}\n`,
        });
      },
    },
    ...plugins([...libraryInternals, ...widgetInternals]),
  ],
});

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: { 'carezone-sdk': 'packages/sdk/src/index.ts' },
    output: { dir: 'packages/sdk/dist/browser', format: 'es', sourcemap: true, entryFileNames: '[name].js' },
    plugins: plugins(),
  },
  // Built one after the other (rollup runs a config array in order): clean first, then the others.
  widgetBundle('carezone', [cleanCdnDir(), copyManifest()]),
  widgetBundle('carezone-finder'),
  widgetBundle('carezone-session-request'),
  widgetBundle('carezone-news'),
  embedScript('carezone-embed', 'host'),
  embedScript('carezone-embed-frame', 'frame'),
  embedScript('carezone-embed-configurator', 'configurator'),
  inboxBundle(),
];
