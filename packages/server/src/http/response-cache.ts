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

export interface LruLimits<V> {
  /** Most entries kept. */
  entries: number;
  /** Most weight kept in all, each entry weighing `weigh(value)` (a body's characters, say). */
  weight?: number;
  weigh?: (value: V) => number;
}

/**
 * A bounded map that forgets the least recently used entry. The API keeps answers of read-only
 * endpoints in it: zone data never changes while the process runs, and visitors type the same
 * prefixes and postcodes over and over, so a repeated question costs a map lookup instead of a
 * search, a serialisation and a hash. The bounds keep a flood of distinct queries harmless: a
 * number of entries, and a weight, since fifty suggestions weigh ten times what eight do.
 */
export class LruCache<V> {
  readonly #entries = new Map<string, V>();
  readonly #limits: Required<LruLimits<V>>;
  #weight = 0;

  constructor(limits: number | LruLimits<V>) {
    const {
      entries,
      weight = Number.POSITIVE_INFINITY,
      weigh = () => 0,
    } = typeof limits === 'number' ? { entries: limits } : limits;
    this.#limits = { entries, weight, weigh };
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The weight of every entry kept. */
  get weight(): number {
    return this.#weight;
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
    const { entries, weight, weigh } = this.#limits;
    const previous = this.#entries.get(key);
    if (previous !== undefined) {
      this.#entries.delete(key);
      this.#weight -= weigh(previous);
    }
    this.#entries.set(key, value);
    this.#weight += weigh(value);
    // The newest entry stays even alone over the weight: it is being sent now.
    while (this.#entries.size > 1 && (this.#entries.size > entries || this.#weight > weight)) {
      const [oldestKey, oldest] = this.#entries.entries().next().value as [string, V];
      this.#entries.delete(oldestKey);
      this.#weight -= weigh(oldest);
    }
    return value;
  }
}

/**
 * The answer cache of one read-only endpoint: its last 5,000 answers, and at most 16 million
 * characters of bodies (about 16 MB), so that a run of large distinct answers (fifty suggestions
 * each) cannot grow the process. Other values (a cached problem) count 1,000.
 */
export function answerCache<V extends object>(): LruCache<V> {
  return new LruCache<V>({
    entries: 5000,
    weight: 16_000_000,
    weigh: (value) => ('body' in value && typeof value.body === 'string' ? value.body.length : 1_000),
  });
}
