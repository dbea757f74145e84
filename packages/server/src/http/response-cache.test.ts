import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LruCache, serializeWithETag } from './response-cache.js';

test('a serialised body carries a weak ETag that changes with the body', () => {
  const one = serializeWithETag({ n: 1 });
  assert.equal(one.body, '{"n":1}');
  assert.match(one.etag, /^W\/"[\w-]+"$/);
  assert.equal(serializeWithETag({ n: 1 }).etag, one.etag);
  assert.notEqual(serializeWithETag({ n: 2 }).etag, one.etag);
});

test('the cache drops the least recently used entry beyond its capacity', () => {
  const cache = new LruCache<number>(2);
  cache.set('a', 1);
  cache.set('b', 2);
  assert.equal(cache.get('a'), 1); // now b is the least recently used
  cache.set('c', 3);
  assert.equal(cache.size, 2);
  assert.equal(cache.get('b'), undefined);
  assert.equal(cache.get('a'), 1);
  assert.equal(cache.get('c'), 3);
});

test('the cache also drops the oldest entries beyond its weight, and keeps a new one that weighs more', () => {
  const cache = new LruCache<string>({ entries: 10, weight: 10, weigh: (value) => value.length });
  cache.set('a', 'aaaa');
  cache.set('b', 'bbbb');
  assert.equal(cache.weight, 8);
  cache.set('c', 'cccc');
  assert.deepEqual([cache.get('a'), cache.get('b'), cache.get('c')], [undefined, 'bbbb', 'cccc']);
  cache.set('b', 'bb');
  assert.equal(cache.weight, 6, 'a replaced entry counts once');
  cache.set('big', 'x'.repeat(25));
  assert.equal(cache.size, 1);
  assert.equal(cache.get('big')?.length, 25);
});
