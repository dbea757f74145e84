import { createHash } from 'node:crypto';

/** A serialised answer and its weak ETag, ready to send. */
export interface CachedBody {
  body: string;
  etag: string;
}

export function weakETag(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

export function serializeWithETag(data: unknown): CachedBody {
  const body = JSON.stringify(data);
  return { body, etag: weakETag(body) };
}

/**
 * A bounded map that forgets the least recently used entry. The API keeps answers of read-only
 * endpoints in it: zone data never changes while the process runs, and visitors type the same
 * prefixes and postcodes over and over, so a repeated question costs a map lookup instead of a
 * search, a serialisation and a hash. The bound keeps a flood of distinct queries harmless.
 */
export class LruCache<V> {
  readonly #entries = new Map<string, V>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): V | undefined {
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      // Re-insert to mark it most recently used: a Map iterates in insertion order.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: V): V {
    this.#entries.set(key, value);
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return value;
  }
}
