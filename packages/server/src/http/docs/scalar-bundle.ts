import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context } from 'hono';
import { matchesTag } from '../caching.js';
import { chooseEncoding, type Encoding } from '../compression.js';
import { IMMUTABLE_CACHE } from '../static-files.js';

/** Scalar's API reference (`@scalar/api-reference`) as one browser script. */
export interface ScalarBundle {
  /** The package's version: part of the script's URL, which is therefore cached for good. */
  version: string;
  /** The standalone script (`dist/browser/standalone.js`): Vue and every component in one file. */
  file: string;
}

/** Where the build (`scripts/vendor-scalar.mjs`) copies the bundle: the same from `src/` and `dist/`. */
const VENDORED = new URL('../../../vendor/scalar-api-reference/', import.meta.url);

/**
 * Scalar's standalone bundle: the copy the build put in `vendor/` (all an installed server has),
 * else the one in the installed `@scalar/api-reference` (a development checkout before its first
 * build). Undefined when neither is there: the page then shows its hand-written fallback.
 */
export function findScalarBundle(
  resolve: (specifier: string) => string = import.meta.resolve,
): ScalarBundle | undefined {
  return (
    bundleIn(new URL('source.json', VENDORED), new URL('standalone.js', VENDORED)) ?? installedBundle(resolve)
  );
}

function installedBundle(resolve: (specifier: string) => string): ScalarBundle | undefined {
  let entry: string;
  try {
    entry = resolve('@scalar/api-reference');
  } catch {
    return undefined;
  }
  // The package's `exports` list neither its manifest nor the bundle: both are found beside its entry.
  return bundleIn(new URL('../package.json', entry), new URL('./browser/standalone.js', entry));
}

function bundleIn(manifestUrl: URL, bundleUrl: URL): ScalarBundle | undefined {
  try {
    const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8')) as { version?: unknown };
    const file = fileURLToPath(bundleUrl);
    return typeof manifest.version === 'string' && existsSync(file)
      ? { version: manifest.version, file }
      : undefined;
  } catch {
    return undefined;
  }
}

interface Encoded {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

interface Loaded {
  identity: Encoded;
  forms: Map<Encoding, Promise<Encoded>>;
}

/**
 * Brotli at quality 6, not the 11 of the widget scripts: for these 3.5 MB, 11 costs about 9 s of
 * CPU on the first visit and saves 1 % (876 KB against 895 KB); 6 takes a quarter of a second.
 */
const compressors: Record<Encoding, (body: Uint8Array) => Promise<Buffer>> = {
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 6,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    }),
  gzip: (body) => promisify(gzip)(body, { level: 6 }),
};

/** Read on the first request for it, kept for the life of the process, per file. */
const loaded = new Map<string, Promise<Loaded>>();

function load(file: string): Promise<Loaded> {
  let entry = loaded.get(file);
  if (!entry) {
    entry = readFile(file).then((buffer) => {
      const body = new Uint8Array(buffer);
      const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
      return { identity: { body, etag }, forms: new Map() };
    });
    // A failed read is tried again on the next request rather than remembered.
    entry.catch(() => loaded.delete(file));
    loaded.set(file, entry);
  }
  return entry;
}

function encoded(file: Loaded, encoding: Encoding): Promise<Encoded> {
  let form = file.forms.get(encoding);
  if (!form) {
    form = compressors[encoding](file.identity.body).then((body) => ({
      body: new Uint8Array(body),
      etag: file.identity.etag.replace(/"$/, `.${encoding}"`),
    }));
    file.forms.set(encoding, form);
  }
  return form;
}

/** The bundle, compressed as the client accepts, or a 304 for the form it has. */
export async function sendScalarBundle(c: Context, bundle: ScalarBundle): Promise<Response> {
  const file = await load(bundle.file);
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  const { body, etag } = encoding ? await encoded(file, encoding) : file.identity;
  const headers: Record<string, string> = {
    etag,
    vary: 'accept-encoding',
    'cache-control': IMMUTABLE_CACHE,
  };
  if (matchesTag(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
  if (encoding) headers['content-encoding'] = encoding;
  return c.body(body, 200, {
    ...headers,
    'content-type': 'text/javascript; charset=utf-8',
    'content-length': String(body.byteLength),
  });
}
