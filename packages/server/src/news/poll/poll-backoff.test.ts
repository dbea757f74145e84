import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failureDelayMs, NEWS_BACKOFF_CAP_MS } from './poll-backoff.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

test('a failing source waits one to two intervals, doubling per failure, up to 6–12 hours', () => {
  const interval = 30 * MINUTE;
  const [least, most] = [() => 0, () => 1];
  assert.equal(failureDelayMs(1, interval, least), 30 * MINUTE, 'never sooner than the interval');
  assert.equal(failureDelayMs(1, interval, most), 60 * MINUTE);
  assert.equal(failureDelayMs(2, interval, least), 60 * MINUTE);
  assert.equal(failureDelayMs(3, interval, most), 4 * HOUR);
  assert.equal(failureDelayMs(50, interval, least), 6 * HOUR);
  assert.equal(failureDelayMs(50, interval, most), NEWS_BACKOFF_CAP_MS);
  assert.equal(NEWS_BACKOFF_CAP_MS, 12 * HOUR);
});

test('an interval longer than the cap still is the least wait', () => {
  assert.equal(
    failureDelayMs(1, 24 * HOUR, () => 0),
    24 * HOUR,
  );
  assert.equal(
    failureDelayMs(9, 24 * HOUR, () => 0),
    24 * HOUR,
  );
});
