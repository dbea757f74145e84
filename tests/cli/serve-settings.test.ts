import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { describe, test } from 'node:test';
import { spawnCli } from '../helpers.js';

interface Outcome {
  /** The server got as far as listening: the setting was accepted. */
  started: boolean;
  code: number | null;
  stderr: string;
}

/**
 * Runs `carezone serve` until it exits or starts listening. A server that starts is killed at once,
 * so a setting that is wrongly accepted fails the test instead of hanging it.
 */
function serveOutcome(args: string[], env: Record<string, string>): Promise<Outcome> {
  const child: ChildProcess = spawnCli(['serve', '--data', ':memory:', ...args], env);
  let stdout = '';
  let stderr = '';
  return new Promise((resolve) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('"msg":"listening"')) child.kill('SIGKILL');
    });
    child.once('exit', (code) => resolve({ started: stdout.includes('"msg":"listening"'), code, stderr }));
  });
}

describe('carezone serve refuses a bad number in its settings', () => {
  const cases: { what: string; args?: string[]; env?: Record<string, string>; names: string }[] = [
    { what: 'a blank PORT', env: { PORT: ' ' }, names: 'PORT' },
    { what: 'a PORT that is not a number', env: { PORT: '80a' }, names: 'PORT' },
    { what: 'a PORT out of range', env: { PORT: '65536' }, names: 'PORT' },
    { what: 'a --port that is not a number', args: ['--port', 'eighty'], names: '--port' },
    { what: 'a blank --port', args: ['--port', ' '], names: '--port' },
    { what: 'a hexadecimal --port', args: ['--port', '0x10'], names: '--port' },
    {
      what: 'a blank CAREZONE_RETENTION_DAYS',
      env: { CAREZONE_RETENTION_DAYS: ' ' },
      names: 'CAREZONE_RETENTION_DAYS',
    },
    {
      what: 'a CAREZONE_RETENTION_DAYS of 0',
      env: { CAREZONE_RETENTION_DAYS: '0' },
      names: 'CAREZONE_RETENTION_DAYS',
    },
    {
      what: 'a blank CAREZONE_NEWS_POLL_MINUTES',
      env: { CAREZONE_NEWS_POLL_MINUTES: ' ' },
      names: 'CAREZONE_NEWS_POLL_MINUTES',
    },
    {
      what: 'a blank CAREZONE_TRUST_PROXY',
      env: { CAREZONE_TRUST_PROXY: ' ' },
      names: 'CAREZONE_TRUST_PROXY',
    },
    {
      what: 'a fractional CAREZONE_TRUST_PROXY',
      env: { CAREZONE_TRUST_PROXY: '1.5' },
      names: 'CAREZONE_TRUST_PROXY',
    },
  ];

  for (const { what, args, env = {}, names } of cases) {
    test(`${what}: one line on stderr naming ${names}, no usage text, a non-zero exit`, async () => {
      // A free port unless the case is about the port: --port would win over PORT.
      const { started, code, stderr } = await serveOutcome(args ?? (env.PORT ? [] : ['--port', '0']), env);
      assert.equal(started, false, `${what} was accepted and the server started`);
      assert.notEqual(code, 0);
      const lines = stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, `one line, got:\n${stderr}`);
      assert.ok(lines[0]?.startsWith(`carezone: ${names} must be a whole number`), lines[0]);
      assert.doesNotMatch(stderr, /Usage:/);
    });
  }

  test('an empty variable is unset: PORT= starts on the default port, not a random one', async () => {
    // The default port may be taken on a shared machine; what matters is that it is the one tried.
    const child = spawnCli(['serve', '--data', ':memory:'], { PORT: '', LOG_LEVEL: 'info' });
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const outcome = await new Promise<string>((resolve) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const url = /"msg":"listening"/.test(stdout) ? /"url":"([^"]+)"/.exec(stdout)?.[1] : undefined;
        if (url) {
          child.kill('SIGKILL');
          resolve(url);
        }
      });
      child.once('exit', () => resolve(stderr));
    });
    assert.match(outcome, /127\.0\.0\.1:3000\b/);
  });
});

describe('carezone serve refuses an e-mail inbox for a zone the packs do not have', () => {
  test('CAREZONE_ZONE_INBOXES=nozone=… stops the start with one line naming the zone', async () => {
    const { started, code, stderr } = await serveOutcome(['--port', '0'], {
      CAREZONE_ZONE_INBOXES: 'bxl-sud=team@example.org,nozone=a@b.co',
    });
    assert.equal(started, false, 'the server started with an inbox for an unknown zone');
    assert.notEqual(code, 0);
    assert.match(stderr, /^carezone: CAREZONE_ZONE_INBOXES: unknown zone nozone \(.*\)\n$/);
  });
});

describe('carezone serve refuses a public URL that is not a bare origin', () => {
  const cases: { args: string[]; env: Record<string, string>; names: string }[] = [
    {
      args: ['--port', '0'],
      env: { CAREZONE_PUBLIC_URL: 'https://zorgzones.example.be/api' },
      names: 'CAREZONE_PUBLIC_URL',
    },
    { args: ['--port', '0', '--public-url', 'zorgzones.example.be'], env: {}, names: '--public-url' },
  ];
  for (const { args, env, names } of cases) {
    test(`a bad ${names}: one line naming it`, async () => {
      const { started, code, stderr } = await serveOutcome(args, env);
      assert.equal(started, false);
      assert.notEqual(code, 0);
      assert.match(
        stderr,
        new RegExp(`^carezone: ${names} must be the server's public origin, like https://[^\\n]+\\n$`),
      );
    });
  }

  test('a good one is used for the links of the feeds', async () => {
    const child = spawnCli([
      'serve',
      '--data',
      ':memory:',
      '--port',
      '0',
      '--public-url',
      'https://zorgzones.example.be/',
    ]);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        child.stdout?.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const found = /"msg":"listening"[^\n]*/.exec(stdout)?.[0];
          if (found) resolve(/"url":"([^"]+)"/.exec(stdout)?.[1] ?? '');
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      const feed = await (await fetch(`${url}/v1/news/feed.atom`)).text();
      assert.match(feed, /<link href="https:\/\/zorgzones\.example\.be\/v1\/news\/feed\.atom" rel="self"/);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
