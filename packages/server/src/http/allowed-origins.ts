/**
 * Which web origins may send writes (POST, PATCH) from a browser. `any`: every origin; otherwise
 * the listed ones. Reads stay open to every origin whatever this says.
 */
export type AllowedOrigins = 'any' | ReadonlySet<string>;

/** `https://www.example.be/` → `https://www.example.be`; anything that is not an http(s) origin throws. */
function normaliseOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`allowed origin "${text}" is not a URL like https://www.example.be`);
  }
  const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '';
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !bare) {
    throw new Error(`allowed origin "${text}" must be just a scheme and host, like https://www.example.be`);
  }
  return url.origin;
}

/** The only `NODE_ENV` values that open writes to every origin when none are configured. */
const OPEN_ENVIRONMENTS: ReadonlySet<string> = new Set(['development', 'test']);

/**
 * The write policy from configuration: a list of origins (`CAREZONE_ALLOWED_ORIGINS`,
 * comma-separated), `*` for every origin, or nothing. Nothing means every origin only when
 * `NODE_ENV` is exactly `development` or `test`, so local pages elsewhere just work there; any other
 * value, a misspelt `Production` as much as none at all, is production: no other origin, so a
 * forgotten or mistyped setting fails closed. Pages of the server itself (the example pages of
 * `npm start`, which runs without NODE_ENV) are not cross-origin and post whatever this says.
 */
export function resolveAllowedOrigins(
  configured: string | readonly string[] | undefined,
  nodeEnv: string | undefined = process.env.NODE_ENV,
): AllowedOrigins {
  const list = typeof configured === 'string' ? configured.split(',') : (configured ?? []);
  const entries = list.map((entry) => entry.trim()).filter(Boolean);
  if (configured === undefined || (typeof configured === 'string' && entries.length === 0)) {
    return nodeEnv !== undefined && OPEN_ENVIRONMENTS.has(nodeEnv) ? 'any' : new Set();
  }
  if (entries.includes('*')) return 'any';
  return new Set(entries.map(normaliseOrigin));
}

/** For the start-up log: what the policy allows. */
export function describeAllowedOrigins(allowed: AllowedOrigins): string | string[] {
  return allowed === 'any' ? 'any origin' : [...allowed];
}
