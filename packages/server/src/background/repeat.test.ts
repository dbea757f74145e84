import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { repeatAfterEachRun } from './repeat.js';

describe('repeatAfterEachRun', () => {
  test('runs at start, again an interval after each run ends, never two at once, a failure included', async () => {
    let runs = 0;
    let concurrent = 0;
    let most = 0;
    const job = repeatAfterEachRun(5, async () => {
      runs++;
      concurrent++;
      most = Math.max(most, concurrent);
      await sleep(15);
      concurrent--;
      if (runs === 2) throw new Error('a failing run');
    });
    job.start();
    job.start();
    assert.equal(runs, 1, 'the first run starts at once, and once');
    for (let waited = 0; runs < 4 && waited < 2000; waited += 5) await sleep(5);
    assert.ok(runs >= 4, 'it goes on after a failing run');
    assert.equal(most, 1);
    await job.stop();
  });

  test('stop waits for the run under way and starts none after it', async () => {
    let runs = 0;
    let ended = false;
    const job = repeatAfterEachRun(1, async () => {
      runs++;
      await sleep(30);
      ended = true;
    });
    job.start();
    await job.stop();
    assert.equal(ended, true, 'stop resolved after the run ended');
    await sleep(20);
    assert.equal(runs, 1);
    job.start();
    assert.equal(runs, 1, 'a stopped job does not start again');
  });
});
