import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { createLogger, type RunningServer, startServer } from '@carezone/server';
import { output, REPO_ROOT } from '../helpers.js';

let server: RunningServer;
before(async () => {
  server = await startServer({ port: 0, dataDir: ':memory:', logger: createLogger('silent') });
});
after(() => server.close());

test('the Node example prints the zones of the built-in pack', async () => {
  const child = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      'examples/sdk-node/index.mjs',
      server.url,
      'Jette',
      '1000',
      'Laken',
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const { code, stdout, stderr } = await output(child);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /^Jette → Jette: one zone per layer: Noord \(bxl-care-zones\)$/m);
  assert.match(stdout, /^1000 → 1000: ambiguous, ask a further question: /m);
  assert.match(stdout, /^Laken → Laken: one zone per layer: Noord/m);
});
