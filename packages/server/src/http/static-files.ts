import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import type { Context, Hono } from 'hono';
import { matchesTag } from './caching.js';
import { chooseEncoding, EncodedForms, isCompressible } from './compression.js';
import { ProblemError } from './problem.js';

/** Unversioned widget URLs: a site that pastes `/widgets/carezone.js` gets a fix within minutes. */
export const WIDGETS_CACHE = 'public, max-age=300';
/** `/widgets/<version>/…` never changes: any CDN or browser may keep it for a year. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** The examples are edited while the server runs: always revalidate (cheap, with the ETag). */
export const EXAMPLES_CACHE = 'no-cache';
/** The example pages prove the widgets run with no inline script or style and no other origin. */
export const EXAMPLES_CSP = "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The widget bundles the server serves by default: `dist/cdn` of the `@carezone/widgets` package
 * it depends on, found the way Node finds the package (the workspace in this repository, the
 * installed package elsewhere). Undefined when that package or its build is missing.
 */
export const DEFAULT_WIDGETS_DIR: string | undefined = (() => {
  try {
    const manifest = createRequire(import.meta.url).resolve('@carezone/widgets/package.json');
    const dir = join(dirname(manifest), 'dist', 'cdn');
    return existsSync(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
})();

/**
 * The version of the widgets in `dir`, from the `@carezone/widgets` package that holds the build
 * (`<package>/dist/cdn`), read once at start. Undefined for a folder outside such a package: the
 * versioned paths are then not served unless the version is given.
 */
export function widgetsVersionOf(dir: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, '..', '..', 'package.json'), 'utf8')) as {
      name?: unknown;
      version?: unknown;
    };
    return manifest.name === '@carezone/widgets' && typeof manifest.version === 'string'
      ? manifest.version
      : undefined;
  } catch {
    return undefined;
  }
}

export interface WidgetFiles {
  /** The folder of the built bundles; undefined answers every `/widgets/…` with a 404 problem. */
  dir: string | undefined;
  /** Served also under `/widgets/<version>/…` with immutable caching. */
  version: string | undefined;
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  /** Brotli and gzip forms of this version, made on demand. */
  encoded: EncodedForms;
}

/**
 * Files read from disk once and kept while unchanged (same mtime and size), so a rebuild while the
 * server runs is picked up and a busy page does not re-read and re-hash its script every time.
 */
export class FileCache {
  readonly #files = new Map<string, CachedFile>();

  /** The file, or undefined when it is missing or not a regular file. */
  async get(path: string): Promise<CachedFile | undefined> {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const cached = this.#files.get(path);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    const body = await readFile(path).catch(() => undefined);
    if (!body) return undefined;
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const file = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      body: new Uint8Array(body),
      etag,
      encoded: new EncodedForms(body, etag),
    };
    this.#files.set(path, file);
    return file;
  }
}

/**
 * The path below `prefix` as decoded segments, or undefined when it could leave the folder or
 * name a hidden file: `..` and `.` (also percent-encoded), encoded slashes or backslashes, NUL,
 * empty segments and dot-files are all refused. `directory` tells a trailing slash.
 */
export function safeSegments(
  pathname: string,
  prefix: string,
): { segments: string[]; directory: boolean } | undefined {
  if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return undefined;
  let rest = pathname.slice(prefix.length + 1);
  const directory = rest === '' || rest.endsWith('/');
  if (rest.endsWith('/')) rest = rest.slice(0, -1);
  if (rest === '') return { segments: [], directory };
  const segments: string[] = [];
  for (const raw of rest.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '' || segment.startsWith('.') || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return { segments, directory };
}

/** `dir` joined with `segments`, checked once more to stay inside `dir`. */
export function inside(dir: string, segments: readonly string[]): string | undefined {
  const root = resolve(dir);
  const path = resolve(root, ...segments);
  return path === root || path.startsWith(root + sep) ? path : undefined;
}

function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file, compressed with Brotli or gzip when the client takes it and the type is text (a 65 KB
 * script travels as 22 KB: what the bundle budgets count), or a 304 for the form the client has.
 */
export async function send(
  c: Context,
  file: CachedFile,
  path: string,
  headers: Record<string, string>,
): Promise<Response> {
  const contentType = contentTypeOf(path);
  const compressible = isCompressible(contentType, file.size);
  const encoding = compressible ? chooseEncoding(c.req.header('accept-encoding')) : undefined;
  const encoded = encoding ? await file.encoded.get(encoding) : null;
  const etag = encoded?.etag ?? file.etag;
  const body = encoded?.body ?? file.body;
  const common: Record<string, string> = { etag, ...headers };
  if (compressible) common.vary = 'accept-encoding';
  if (matchesTag(c.req.header('if-none-match'), etag)) return c.body(null, 304, common);
  if (encoded && encoding) common['content-encoding'] = encoding;
  return c.body(body, 200, {
    ...common,
    'content-type': contentType,
    'content-length': String(body.byteLength),
  });
}

function notFound(c: Context, detail?: string): never {
  throw new ProblemError(404, 'NOT_FOUND', detail ?? `nothing at ${c.req.path}`);
}

const VERSION_SEGMENT = /^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;

/**
 * `GET /widgets/<file>` (cached 5 minutes, revalidated with the ETag) and
 * `GET /widgets/<version>/<file>` (immutable) from the folder of the built bundles. Scripts are
 * readable from any origin: `<script type="module">` fetches with CORS.
 */
export function registerWidgetFiles(app: Hono, { dir, version }: WidgetFiles): void {
  const files = new FileCache();
  // On every answer, problems included: a page that loads a wrong URL should read why.
  app.use('/widgets/*', async (c, next) => {
    await next();
    c.res.headers.set('access-control-allow-origin', '*');
  });
  app.get('/widgets/*', async (c) => {
    const parsed = safeSegments(new URL(c.req.url).pathname, '/widgets');
    if (!parsed || parsed.directory) notFound(c);
    if (!dir) notFound(c, 'this server serves no widget bundles (set CAREZONE_WIDGETS_DIR)');
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) {
      notFound(c, 'the widget bundles are not built: run `npm run build` and reload');
    }
    let segments = parsed.segments;
    let cacheControl = WIDGETS_CACHE;
    const [first, ...rest] = segments;
    if (first !== undefined && rest.length > 0 && VERSION_SEGMENT.test(first)) {
      if (first !== version) {
        notFound(
          c,
          version
            ? `widgets ${first} are not served here; this server has ${version} at /widgets/${version}/`
            : `widgets ${first} are not served here; this server serves only unversioned /widgets/ paths`,
        );
      }
      segments = rest;
      cacheControl = IMMUTABLE_CACHE;
    }
    const path = inside(dir, segments);
    const file = path ? await files.get(path) : undefined;
    if (!path || !file) notFound(c);
    return send(c, file, path, { 'cache-control': cacheControl });
  });
  app.all('/widgets/*', (c) => {
    throw new ProblemError(405, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}`);
  });
}

/**
 * `GET /examples/…` from a folder of plain pages, each under a strict Content-Security-Policy
 * (no inline script or style, nothing from another origin), with `index.html` for a folder.
 */
export function registerExampleFiles(app: Hono, dir: string): void {
  const files = new FileCache();
  app.use('/examples', async (c, next) => {
    await next();
    c.res.headers.set('content-security-policy', EXAMPLES_CSP);
  });
  app.use('/examples/*', async (c, next) => {
    await next();
    c.res.headers.set('content-security-policy', EXAMPLES_CSP);
  });
  app.get('/', (c) => c.redirect('/examples/', 302));
  app.get('/examples', (c) => c.redirect(`/examples/${new URL(c.req.url).search}`, 301));
  app.get('/examples/*', async (c) => {
    const url = new URL(c.req.url);
    const parsed = safeSegments(url.pathname, '/examples');
    if (!parsed) notFound(c);
    const path = inside(dir, parsed.segments);
    if (!path) notFound(c);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      // Relative links of an index page resolve against its folder only with the trailing slash.
      if (!parsed.directory) return c.redirect(`${url.pathname}/${url.search}`, 301);
      const index = join(path, 'index.html');
      const file = await files.get(index);
      if (!file) notFound(c);
      return send(c, file, index, { 'cache-control': EXAMPLES_CACHE });
    }
    const file = parsed.directory ? undefined : await files.get(path);
    if (!file) notFound(c);
    return send(c, file, path, { 'cache-control': EXAMPLES_CACHE });
  });
  app.all('/examples/*', (c) => {
    throw new ProblemError(405, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}`);
  });
}
