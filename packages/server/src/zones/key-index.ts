/**
 * Sorted, distinct search keys, found exactly, by prefix, or within a few typing errors.
 *
 * The fuzzy search walks the sorted keys as if they were a trie: a key shares the rows of the
 * edit-distance table computed for the common prefix it has with the key before it, and once
 * every cell of a row is over the bound, all the keys that share that prefix are skipped. So a
 * query costs about the number of prefixes within reach of it, not the number of keys.
 */
export class KeyIndex {
  readonly keys: readonly string[];
  /** Per key, the length of the prefix it shares with the key before it. */
  readonly #shared: Uint16Array;
  readonly #longest: number;
  // Scratch space of `fuzzy`, kept between calls (they are synchronous) and grown as needed.
  #rows = new Uint8Array(0);
  #best = new Uint8Array(0);
  #query = new Uint16Array(0);

  /** `keys` must be sorted (`<`) and distinct. */
  constructor(keys: readonly string[]) {
    this.keys = keys;
    this.#shared = new Uint16Array(keys.length);
    let longest = 0;
    for (let at = 0; at < keys.length; at++) {
      const key = keys[at] ?? '';
      const previous = keys[at - 1] ?? '';
      let shared = 0;
      while (shared < key.length && key.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
      this.#shared[at] = shared;
      longest = Math.max(longest, key.length);
    }
    this.#longest = longest;
  }

  /** The position of the first key that is not below `text`. */
  lowerBound(text: string): number {
    const keys = this.keys;
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((keys[middle] ?? '') < text) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Calls `visit` with each key that starts with `prefix` (the key equal to it first). */
  withPrefix(prefix: string, visit: (at: number) => void): void {
    const keys = this.keys;
    for (let at = this.lowerBound(prefix); at < keys.length; at++) {
      if (!(keys[at] ?? '').startsWith(prefix)) break;
      visit(at);
    }
  }

  /**
   * Calls `visit` with each key that has a prefix within `maxEdits` of `query` (insertions,
   * deletions, substitutions and swaps of two neighbours, each one edit): `distance` is the best
   * such prefix's, `whole` the whole key's (both at most `maxEdits + 1`, as the bound only tells).
   * Only keys that start with the query's first character are looked at: people rarely mistype
   * the first letter, and it divides the work by the size of the alphabet (Lucene's fuzzy
   * queries make the same trade with their `prefixLength`).
   */
  fuzzy(query: string, maxEdits: number, visit: (at: number, distance: number, whole: number) => void): void {
    const keys = this.keys;
    const n = query.length;
    if (n === 0) return;
    const width = n + 1;
    const cap = maxEdits + 1;
    if (this.#query.length < n) this.#query = new Uint16Array(n);
    const q = this.#query;
    for (let j = 0; j < n; j++) q[j] = query.charCodeAt(j);
    // Row d holds the distances between the key's first d characters and each prefix of `query`,
    // only in the band |d - j| <= maxEdits: every cell outside it is over the bound anyway.
    const size = (this.#longest + 2) * width;
    if (this.#rows.length < size) this.#rows = new Uint8Array(size);
    const rows = this.#rows;
    rows.fill(cap, 0, size);
    /** Per row: the best distance to the whole query over the key's prefixes of up to d characters. */
    if (this.#best.length < this.#longest + 1) this.#best = new Uint8Array(this.#longest + 1);
    const best = this.#best;
    for (let j = 0; j < width; j++) rows[j] = Math.min(j, cap);
    best[0] = rows[n] ?? cap;
    const first = query.charCodeAt(0);
    const end = this.lowerBound(String.fromCharCode(first + 1));
    let valid = 0;
    for (let at = this.lowerBound(query.charAt(0)); at < end; at++) {
      const key = keys[at] ?? '';
      let depth = Math.min(this.#shared[at] ?? 0, valid);
      let dead = false;
      while (depth < key.length) {
        depth++;
        const c = key.charCodeAt(depth - 1);
        const previousChar = depth > 1 ? key.charCodeAt(depth - 2) : -1;
        const row = depth * width;
        const above = row - width;
        const twoAbove = above - width;
        const low = Math.max(1, depth - maxEdits);
        const high = Math.min(n, depth + maxEdits);
        // The cells just outside the band are read as neighbours: they must say "over the bound".
        rows[row + low - 1] = low === 1 ? Math.min(depth, cap) : cap;
        if (high + 1 <= n) rows[row + high + 1] = cap;
        let rowMin = low === 1 ? Math.min(depth, cap) : cap;
        for (let j = low; j <= high; j++) {
          const qc = q[j - 1] ?? -1;
          let value = Math.min(
            (rows[above + j] ?? cap) + 1,
            (rows[row + j - 1] ?? cap) + 1,
            (rows[above + j - 1] ?? cap) + (qc === c ? 0 : 1),
          );
          if (depth > 1 && j > 1 && qc === previousChar && q[j - 2] === c) {
            value = Math.min(value, (rows[twoAbove + j - 2] ?? cap) + 1);
          }
          if (value > cap) value = cap;
          rows[row + j] = value;
          if (value < rowMin) rowMin = value;
        }
        best[depth] = Math.min(best[depth - 1] ?? cap, high === n ? (rows[row + n] ?? cap) : cap);
        if (rowMin > maxEdits) {
          // No key that goes on from here can come back within the bound. Those keys either all
          // start with a prefix that matched already, or none matches: visit them all or none.
          dead = true;
          const reached = best[depth - 1] ?? cap;
          if (reached <= maxEdits) visit(at, reached, cap);
          while (at + 1 < end && (this.#shared[at + 1] ?? 0) >= depth) {
            at++;
            if (reached <= maxEdits) visit(at, reached, cap);
          }
          break;
        }
      }
      valid = depth;
      if (dead) continue;
      const distance = best[depth] ?? cap;
      if (distance <= maxEdits) {
        const whole = depth >= n - maxEdits ? (rows[depth * width + n] ?? cap) : cap;
        visit(at, distance, whole);
      }
    }
  }
}
