import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { spawnCliIn } from './test-helpers/spawn-cli.js';

describe('carezone serve, as a process in a folder with a .env', () => {
  let cwd = '';
  before(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'carezone-serve-'));
    await writeFile(
      join(cwd, '.env'),
      `# the reference pack, a free port\nPORT=0\nCAREZONE_ZONEPACK=${REFERENCE_PACK_DIR}\nCAREZONE_DATA_DIR=:memory:\n`,
    );
  });
  after(() => rm(cwd, { recursive: true, force: true }));

  test('runs with the settings of .env, tells a person where to look on stderr, and keeps stdout JSON', async () => {
    const child = spawnCliIn(cwd, ['serve'], { LOG_LEVEL: 'info' });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        child.stderr?.on('data', () => {
          const found =
            /is listening at (http:\/\/127\.0\.0\.1:\d+)\.\n(?:.*\n)*Stop it with Ctrl\+C\.\n/.exec(stderr);
          if (found?.[1]) resolve(found[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
      });
      assert.notEqual(new URL(origin).port, '0', 'the port the server got, not the one asked for');
      for (const path of ['/v1/', '/docs', '/embed/']) assert.ok(stderr.includes(`${origin}${path}`), path);
      const zones = (await (await fetch(`${origin}/v1/zones`)).json()) as { data: { id: string }[] };
      assert.ok(
        zones.data.some((zone) => zone.id === 'elz-herkenrode'),
        'the pack of .env is loaded',
      );
      const lines = stdout.trimEnd().split('\n');
      assert.ok(lines.length > 1);
      for (const line of lines) assert.doesNotThrow(() => JSON.parse(line), line);
      assert.ok(lines.some((line) => (JSON.parse(line) as { msg?: string }).msg === 'listening'));
    } finally {
      child.kill('SIGKILL');
    }
  });
});
