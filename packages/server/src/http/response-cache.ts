import { createHash } from 'node:crypto';

export interface CachedBody {
  body: string;
  etag: string;
}

export function weakETag(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * Serialised answers of read-only endpoints, most recently used first. Zone data never changes
 * while the process runs, and visitors type the same prefixes and postcodes over and over, so a
 * repeated question costs a map lookup instead of a search, a JSON serialisation and a hash.
 */
export class ResponseCache {
  readonly #entries = new Map<string, CachedBody>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): CachedBody | undefined {
    const hit = this.#entries.get(key);
    if (hit) {
      // Re-insert to mark it most recently used: a Map iterates in insertion order.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }

  /** Serialises `data`, keeps it under `key` (dropping the least recently used beyond capacity). */
  set(key: string, data: unknown): CachedBody {
    const body = JSON.stringify(data);
    const entry = { body, etag: weakETag(body) };
    this.#entries.set(key, entry);
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return entry;
  }
}
