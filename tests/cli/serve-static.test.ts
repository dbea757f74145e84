import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { REPO_ROOT, spawnCli, waitForLog } from '../helpers.js';

describe('carezone serve: widgets and examples', () => {
  test('--examples and CAREZONE_WIDGETS_DIR choose the folders served at /examples/ and /widgets/', async () => {
    const root = await mkdtemp(join(tmpdir(), 'carezone-cli-static-'));
    const widgets = join(root, 'cdn');
    const examples = join(root, 'examples');
    await mkdir(widgets);
    await mkdir(examples);
    await writeFile(join(widgets, 'carezone.js'), 'export{};');
    await writeFile(join(examples, 'index.html'), '<!doctype html><title>Here</title>');
    const child = spawnCli(['serve', '--port', '0', '--data', join(root, 'data'), '--examples', examples], {
      CAREZONE_WIDGETS_DIR: widgets,
    });
    try {
      const url = String((await waitForLog(child, (line) => line.msg === 'listening')).url);
      const page = await fetch(`${url}/examples/`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      assert.match(await page.text(), /<title>Here<\/title>/);
      const script = await fetch(`${url}/widgets/carezone.js`);
      assert.equal(script.status, 200);
      assert.equal(await script.text(), 'export{};');
      // A folder outside a @carezone/widgets package has no known version: only unversioned paths.
      assert.equal((await fetch(`${url}/widgets/0.1.0/carezone.js`)).status, 404);
    } finally {
      child.kill('SIGKILL');
      await rm(root, { recursive: true, force: true });
    }
  });

  test('by default: the bundles of the repository at /widgets/, no /examples/, and / is not redirected', async () => {
    const root = await mkdtemp(join(tmpdir(), 'carezone-cli-static-'));
    const child = spawnCli(['serve', '--port', '0', '--data', root], {
      CAREZONE_EXAMPLES_DIR: '',
      CAREZONE_WIDGETS_DIR: '',
    });
    try {
      const [staticFiles, listening] = await Promise.all([
        waitForLog(child, (line) => line.msg === 'static files'),
        waitForLog(child, (line) => line.msg === 'listening'),
      ]);
      assert.deepEqual(staticFiles.widgets, {
        dir: join(REPO_ROOT, 'packages', 'widgets', 'dist', 'cdn'),
        version: (
          JSON.parse(await readFile(join(REPO_ROOT, 'packages', 'widgets', 'package.json'), 'utf8')) as {
            version: string;
          }
        ).version,
      });
      assert.equal(staticFiles.examples, undefined);
      const url = String(listening.url);
      assert.equal((await fetch(`${url}/examples/`)).status, 404);
      assert.equal((await fetch(`${url}/`, { redirect: 'manual' })).status, 404);
    } finally {
      child.kill('SIGKILL');
      await rm(root, { recursive: true, force: true });
    }
  });
});
