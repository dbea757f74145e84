import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResponseCache } from './response-cache.js';

test('keeps the serialised body with its weak ETag', () => {
  const cache = new ResponseCache(2);
  const entry = cache.set('a', { n: 1 });
  assert.equal(entry.body, '{"n":1}');
  assert.match(entry.etag, /^W\/"[\w-]+"$/);
  assert.deepEqual(cache.get('a'), entry);
  assert.equal(cache.get('b'), undefined);
});

test('drops the least recently used entry beyond its capacity', () => {
  const cache = new ResponseCache(2);
  cache.set('a', 1);
  cache.set('b', 2);
  cache.get('a'); // now b is the least recently used
  cache.set('c', 3);
  assert.equal(cache.size, 2);
  assert.equal(cache.get('b'), undefined);
  assert.equal(cache.get('a')?.body, '1');
  assert.equal(cache.get('c')?.body, '3');
});
