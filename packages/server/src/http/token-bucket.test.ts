import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTokenBuckets, parseRateLimit } from './token-bucket.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('token buckets', () => {
  test('a key may spend its capacity at once, then waits for the refill', () => {
    const time = clock();
    const buckets = createTokenBuckets({ capacity: 3, windowMs: 60_000 }, { now: time.now });
    for (let i = 0; i < 3; i++) assert.deepEqual(buckets.take('a'), { allowed: true });
    // One token comes back every 20 s.
    assert.deepEqual(buckets.take('a'), { allowed: false, retryAfterSeconds: 20 });
    time.advance(15_000);
    assert.deepEqual(buckets.take('a'), { allowed: false, retryAfterSeconds: 5 });
    time.advance(5_000);
    assert.deepEqual(buckets.take('a'), { allowed: true });
    assert.equal(buckets.take('a').allowed, false);
  });

  test('keys have their own buckets', () => {
    const buckets = createTokenBuckets({ capacity: 1, windowMs: 1000 }, { now: clock().now });
    assert.equal(buckets.take('a').allowed, true);
    assert.equal(buckets.take('a').allowed, false);
    assert.equal(buckets.take('b').allowed, true);
  });

  test('a bucket never refills beyond its capacity', () => {
    const time = clock();
    const buckets = createTokenBuckets({ capacity: 2, windowMs: 1000 }, { now: time.now });
    buckets.take('a');
    time.advance(3_600_000);
    assert.equal(buckets.take('a').allowed, true);
    assert.equal(buckets.take('a').allowed, true);
    assert.equal(buckets.take('a').allowed, false);
  });

  test('Retry-After is whole seconds and at least 1', () => {
    const buckets = createTokenBuckets({ capacity: 10, windowMs: 1000 }, { now: clock().now });
    for (let i = 0; i < 10; i++) buckets.take('a');
    assert.deepEqual(buckets.take('a'), { allowed: false, retryAfterSeconds: 1 });
  });

  test('memory is bounded: the least recently seen key is forgotten first', () => {
    const buckets = createTokenBuckets({ capacity: 1, windowMs: 60_000 }, { now: clock().now, maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) buckets.take(key);
    buckets.take('a'); // a is now the most recent
    buckets.take('d'); // forgets b
    assert.equal(buckets.size, 3);
    assert.equal(buckets.take('a').allowed, false, 'a is still remembered');
    assert.equal(buckets.take('b').allowed, true, 'b was forgotten, so it has a full bucket');
  });

  test('a limit below one request is refused', () => {
    assert.throws(() => createTokenBuckets({ capacity: 0, windowMs: 1000 }));
    assert.throws(() => createTokenBuckets({ capacity: 1, windowMs: 0 }));
  });
});

describe('parseRateLimit', () => {
  test('reads count per unit, with an optional unit multiple, or off', () => {
    assert.deepEqual(parseRateLimit('30/hour'), { capacity: 30, windowMs: 3_600_000 });
    assert.deepEqual(parseRateLimit('5/min'), { capacity: 5, windowMs: 60_000 });
    assert.deepEqual(parseRateLimit('100/10s'), { capacity: 100, windowMs: 10_000 });
    assert.deepEqual(parseRateLimit(' 2 / 15 minutes '), { capacity: 2, windowMs: 900_000 });
    assert.deepEqual(parseRateLimit('1000000/s'), { capacity: 1_000_000, windowMs: 1000 });
    assert.deepEqual(parseRateLimit('3/day'), { capacity: 3, windowMs: 86_400_000 });
    assert.equal(parseRateLimit('OFF'), undefined);
  });

  test('refuses anything else with a message that shows the form', () => {
    for (const bad of ['', '30', '0/min', '30/fortnight', '-1/s', '30/0s', 'x/s', '1.5/s']) {
      assert.throws(() => parseRateLimit(bad), /write it like 30\/hour/, bad);
    }
  });
});
