import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commandGroup } from './command-group.js';
import { captureIO } from './test-helpers/capture-io.js';
import { configLayers } from './test-helpers/config-layers.js';
import { UsageError } from './usage-error.js';

describe('commandGroup', () => {
  const ran: string[][] = [];
  const token = commandGroup('token', {
    create: async (args) => {
      ran.push(['create', ...args]);
      return 0;
    },
    list: async () => 3,
    revoke: async () => 0,
  });

  test('runs the action named first with the arguments after it, and answers its exit code', async () => {
    assert.equal(await token(['create', '--zone', 'bxl-sud'], captureIO(), configLayers()), 0);
    assert.deepEqual(ran, [['create', '--zone', 'bxl-sud']]);
    assert.equal(await token(['list'], captureIO(), configLayers()), 3);
  });

  test('no action, or one the group does not have, is a usage error naming the actions', async () => {
    await assert.rejects(
      token([], captureIO(), configLayers()),
      new UsageError('token needs create, list or revoke'),
    );
    await assert.rejects(
      token(['archive'], captureIO(), configLayers()),
      new UsageError('unknown token command: archive'),
    );
    await assert.rejects(token(['toString'], captureIO(), configLayers()), UsageError);
    const news = commandGroup('news', { import: async () => 0 });
    await assert.rejects(news([], captureIO(), configLayers()), new UsageError('news needs import'));
  });
});
