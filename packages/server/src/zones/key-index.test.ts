import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KeyIndex } from './key-index.js';

/** Optimal string alignment distance: edits, with a swap of two neighbours as one. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      row[j] = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

function fuzzy(index: KeyIndex, query: string, maxEdits: number): Map<string, [number, number]> {
  const found = new Map<string, [number, number]>();
  index.fuzzy(query, maxEdits, (at, distance, whole) => {
    found.set(index.keys[at] ?? '', [distance, whole]);
  });
  return found;
}

describe('KeyIndex', () => {
  const keys = ['genk', 'gent', 'gentbrugge', 'mechelen', 'mechelenaandemaas', 'schaarbeek', 'schaerbeek'];
  const index = new KeyIndex(keys);

  it('finds where a prefix starts', () => {
    assert.equal(keys[index.lowerBound('gen')], 'genk');
    assert.equal(keys[index.lowerBound('mechelen')], 'mechelen');
    assert.equal(index.lowerBound('zz'), keys.length);
  });

  it('counts one edit per insertion, deletion, substitution and swap of neighbours', () => {
    assert.deepEqual(fuzzy(index, 'gnet', 1).get('gent'), [1, 1]);
    assert.deepEqual(fuzzy(index, 'gant', 1).get('gent'), [1, 1]);
    assert.deepEqual(fuzzy(index, 'gen', 1).get('gent'), [0, 1]);
    assert.deepEqual(fuzzy(index, 'schaerbek', 1).get('schaerbeek'), [1, 1]);
    assert.equal(fuzzy(index, 'schaerbek', 1).has('schaarbeek'), false);
    assert.deepEqual(fuzzy(index, 'schaerbek', 2).get('schaarbeek'), [2, 2]);
  });

  it('matches a prefix with typing errors, as the query is still being typed', () => {
    const found = fuzzy(index, 'mechle', 1);
    assert.deepEqual(found.get('mechelen'), [1, 2]);
    assert.deepEqual(found.get('mechelenaandemaas'), [1, 2]);
    assert.deepEqual(fuzzy(index, 'schearb', 1).get('schaerbeek'), [1, 2]);
  });

  it('looks only at keys with the first letter typed', () => {
    assert.equal(fuzzy(index, 'hent', 1).size, 0);
  });

  it('finds exactly what a full scan finds, on many keys and queries', () => {
    // A small deterministic generator: words over few letters share many prefixes, which is
    // what the walk's row sharing and skipping must get right.
    let seed = 12;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const word = (length: number) =>
      Array.from({ length }, () => 'abcde'.charAt(Math.floor(random() * 5))).join('');
    const many = [...new Set(Array.from({ length: 600 }, () => word(1 + Math.floor(random() * 9))))].sort();
    const big = new KeyIndex(many);
    for (let round = 0; round < 150; round++) {
      const query = word(1 + Math.floor(random() * 7));
      const maxEdits = 1 + (round % 2);
      const expected = new Map<string, [number, number]>();
      for (const key of many) {
        if (key[0] !== query[0]) continue;
        let distance = maxEdits + 1;
        for (let end = 0; end <= key.length; end++)
          distance = Math.min(distance, osa(key.slice(0, end), query));
        if (distance <= maxEdits) expected.set(key, [distance, Math.min(osa(key, query), maxEdits + 1)]);
      }
      assert.deepEqual(fuzzy(big, query, maxEdits), expected, `${query} within ${maxEdits}`);
    }
  });
});
