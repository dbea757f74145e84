import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseRateLimit } from './rate-limit-setting.js';

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
