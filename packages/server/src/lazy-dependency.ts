import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A dependency loaded on its first use instead of at start. The HTML sanitiser, the feed parser
 * and the mailer take about a third of a second to load, and a server that has just started needs
 * none of them before the first news write, feed or e-mail: its cold start should not pay for
 * them. Loaded with `require` (each ships a CommonJS build), so the code that uses them stays
 * synchronous.
 */
export function lazyDependency<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(id) as T;
    return loaded;
  };
}
