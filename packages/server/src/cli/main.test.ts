import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REFERENCE_FEEDS } from '../news/test-helpers/reference-news.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { VERSION } from '../version.js';
import { runCli } from './main.js';
import { captureIO } from './test-helpers/capture-io.js';

describe('carezone, as a whole', () => {
  let cwd = '';
  before(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'carezone-main-'));
  });
  after(() => rm(cwd, { recursive: true, force: true }));

  /** Runs `carezone …` in `cwd`, with `.env` holding `dotenv` (none when undefined). */
  async function run(argv: string[], dotenv?: string, env: NodeJS.ProcessEnv = {}) {
    await rm(join(cwd, '.env'), { force: true });
    if (dotenv !== undefined) await writeFile(join(cwd, '.env'), dotenv);
    const io = captureIO();
    const code = await runCli(argv, io, { env, cwd });
    return { code, io, env };
  }

  test('--version prints the version alone', async () => {
    const { code, io } = await run(['--version']);
    assert.equal(code, 0);
    assert.deepEqual(io.out, [VERSION]);
  });

  test('a usage error prints the usage and exits 2', async () => {
    for (const argv of [['deploy'], ['config', '--colour'], ['backup'], ['token', 'create', '--zone']]) {
      const { code, io } = await run(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(io.err.join('\n'), /^carezone: .+\n\ncarezone .+\n\nUsage:\n/, argv.join(' '));
    }
  });

  test('a bad value in .env is one line naming it and where it was set, exit 1, no usage', async () => {
    const { code, io } = await run(['config'], 'PORT=abc\n');
    assert.equal(code, 1);
    assert.equal(
      io.err.at(-1),
      'carezone: PORT (from .env) must be a whole number from 0 to 65535, not "abc"',
    );
    assert.doesNotMatch(io.err.join('\n'), /Usage:/);
  });

  test('an unreadable .env is one line naming the file', async () => {
    const { code, io } = await run(['token', 'list'], 'CAREZONE_DATA_DIR\nPORT=1\n');
    assert.equal(code, 1);
    assert.deepEqual(io.err, [
      `carezone: ${join(cwd, '.env')}: cannot read the line "CAREZONE_DATA_DIR": write NAME=value`,
    ]);
  });

  test('.env fills in what the environment does not set, for what reads the environment itself', async () => {
    const { code, env } = await run(['config'], 'NODE_ENV=development\nLOG_LEVEL=debug\n', {
      LOG_LEVEL: 'warn',
    });
    assert.equal(code, 0);
    assert.deepEqual(env, { NODE_ENV: 'development', LOG_LEVEL: 'warn' });
  });

  test('the pack and data folder of .env are those of token and news, as of serve', async () => {
    const dotenv = `CAREZONE_ZONEPACK=${REFERENCE_PACK_DIR}\nCAREZONE_DATA_DIR=${join(cwd, 'data')}\n`;
    const token = await run(['token', 'create', '--zone', 'elz-herkenrode'], dotenv);
    assert.equal(token.code, 0, token.io.err.join('\n'));
    assert.match(token.io.out[0] ?? '', /^cz_/);
    const imported = await run(['news', 'import', REFERENCE_FEEDS.json, '--zone', 'elz-herkenrode'], dotenv);
    assert.equal(imported.code, 0, imported.io.err.join('\n'));
    const listed = await run(['token', 'list'], dotenv);
    assert.match(listed.io.out.join('\n'), /\selz-herkenrode\s/, 'the token is in the data folder of .env');

    const unknown = await run(['news', 'import', REFERENCE_FEEDS.json, '--zone', 'bxl-atlantis'], dotenv);
    assert.equal(unknown.code, 1);
    assert.deepEqual(unknown.io.err, [
      'carezone: unknown zone: bxl-atlantis (not in the zone pack be-2025, set by CAREZONE_ZONEPACK in .env)',
    ]);
  });
});
