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

/**
 * The write policy from configuration: a list of origins (`CAREZONE_ALLOWED_ORIGINS`,
 * comma-separated), `*` for every origin, or nothing. Nothing means every origin in development,
 * so examples and local pages just work, and no origin in production (`NODE_ENV=production`),
 * so a forgotten setting fails closed.
 */
export function resolveAllowedOrigins(
  configured: string | readonly string[] | undefined,
  nodeEnv: string | undefined = process.env.NODE_ENV,
): AllowedOrigins {
  const list = typeof configured === 'string' ? configured.split(',') : (configured ?? []);
  const entries = list.map((entry) => entry.trim()).filter(Boolean);
  if (configured === undefined || (typeof configured === 'string' && entries.length === 0)) {
    return nodeEnv === 'production' ? new Set() : 'any';
  }
  if (entries.includes('*')) return 'any';
  return new Set(entries.map(normaliseOrigin));
}

/** For the start-up log: what the policy allows. */
export function describeAllowedOrigins(allowed: AllowedOrigins): string | string[] {
  return allowed === 'any' ? 'any origin' : [...allowed];
}
