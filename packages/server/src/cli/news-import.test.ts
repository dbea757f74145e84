import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { deleteNewsItem, updateNewsItem } from '../news/publish/store.js';
import { newsRowCounts } from '../news/test-helpers/news-storage.js';
import { REFERENCE_FEEDS } from '../news/test-helpers/reference-news.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { openStorage } from '../storage/open-storage.js';
import { newsCommand } from './news-import.js';
import { captureIO } from './test-helpers/capture-io.js';
import { configLayers } from './test-helpers/config-layers.js';
import { InputError, UsageError } from './usage-error.js';

describe('carezone news import', () => {
  let data = '';
  const env = configLayers();
  const counts = async () => {
    const storage = await openStorage({ dataDir: data });
    try {
      return await newsRowCounts(storage);
    } finally {
      await storage.close();
    }
  };
  const run = (args: string[]) => {
    const io = captureIO();
    return newsCommand(['import', ...args, '--zonepack', REFERENCE_PACK_DIR, '--data', data], io, env).then(
      (code) => ({ code, io }),
    );
  };

  before(async () => {
    data = await mkdtemp(join(tmpdir(), 'carezone-news-cli-'));
  });
  after(() => rm(data, { recursive: true, force: true }));

  test('imports a feed, then updates rather than duplicates', async () => {
    const first = await run([REFERENCE_FEEDS.json, '--zone', 'bxl-sud', '--language', 'nl']);
    assert.equal(first.code, 0, first.io.err.join('\n'));
    assert.match(
      first.io.out.join('\n'),
      /Imported 5 item\(s\) of json feed .*: 5 new, 0 updated, 0 unchanged/,
    );
    const again = await run([REFERENCE_FEEDS.rss, '--zone', 'bxl-sud']);
    assert.equal(again.code, 0);
    assert.match(again.io.out.join('\n'), /: 0 new, \d updated/);
    assert.equal((await counts()).items, 5);
  });

  test('says which items it left as staff left them', async () => {
    const storage = await openStorage({ dataDir: data });
    try {
      const [edited, deleted] = await storage.db
        .selectFrom('news_items')
        .select('id')
        .orderBy('id')
        .execute();
      assert.ok(edited && deleted);
      await updateNewsItem(storage, edited.id, (current) => ({ ...current, title: 'Door het zoneteam' }));
      assert.ok(await deleteNewsItem(storage, deleted.id));
    } finally {
      await storage.close();
    }
    const result = await run([REFERENCE_FEEDS.json, '--zone', 'bxl-sud']);
    assert.equal(result.code, 0, result.io.err.join('\n'));
    assert.match(
      result.io.out.join('\n'),
      /: 0 new, \d updated, \d unchanged, 1 kept as staff edited them, 1 left out as staff deleted them\./,
    );
    assert.equal((await counts()).items, 4);
  });

  test('a broken feed or an item without zone: one clear line, exit 1, nothing stored', async () => {
    const before = await counts();
    const broken = join(data, 'broken.xml');
    await writeFile(broken, '<rss version="2.0"><channel><item><title>x</item></channel></rss>');
    const result = await run([broken]);
    assert.equal(result.code, 1);
    assert.match(result.io.err.join('\n'), /nothing imported: .*broken\.xml is not well-formed XML/);
    const zoneless = await run([REFERENCE_FEEDS.atom]);
    assert.equal(zoneless.code, 1);
    assert.match(zoneless.io.err.join('\n'), /5 item\(s\) have no zone.*--zone/);
    assert.deepEqual(await counts(), before);
  });

  test('the demo news of `npm start` imports into the built-in pack: four items, in Dutch and French', async () => {
    const demo = fileURLToPath(new URL('../../demo/news.json', import.meta.url));
    const io = captureIO();
    const demoData = join(data, 'demo');
    const code = await newsCommand(['import', demo, '--data', demoData], io, env);
    assert.equal(code, 0, io.err.join('\n'));
    assert.match(io.out.join('\n'), /Imported 4 item\(s\) of json feed .*: 4 new/);
    const storage = await openStorage({ dataDir: demoData });
    try {
      const languages = await storage.db.selectFrom('news_items').select('language').execute();
      assert.deepEqual(languages.map((row) => row.language).sort(), ['fr', 'fr', 'nl', 'nl']);
    } finally {
      await storage.close();
    }
  });

  test('refuses bad usage, and bad values without the usage text', async () => {
    for (const args of [[], ['a', 'b']]) {
      await assert.rejects(run(args), UsageError, JSON.stringify(args));
    }
    await assert.rejects(run([REFERENCE_FEEDS.json, '--zone', 'atlantis']), {
      name: 'InputError',
      message: /^unknown zone: atlantis \(not in the zone pack be-2025, set by --zonepack\)$/,
    });
    await assert.rejects(run([REFERENCE_FEEDS.json, '--language', 'xx']), InputError);
    await assert.rejects(newsCommand(['export'], captureIO(), env), UsageError);
  });
});
