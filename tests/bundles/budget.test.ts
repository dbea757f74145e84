// Size budgets of the script-tag bundles, counted the way a visitor pays for them
// (scripts/bundle-sizes.mjs): every file the page downloads for the entry, minified as built, each
// compressed on its own with gzip -9, plus the heaviest language chunk. Brotli is printed beside.
// The embed pages' two scripts are budgeted the same way: each must stay one file, imports none.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { importsOf, languageOf, pageDownload } from '../../scripts/bundle-sizes.mjs';
import { markZodCallsPure } from '../../scripts/rollup-pure-schemas.mjs';
import { REPO_ROOT } from '../helpers.js';
import { assertBuilt, CDN_DIR, ENTRIES } from './built-bundles.js';

const BUDGET_FILE = join(REPO_ROOT, 'packages', 'widgets', 'size-budget.json');
/**
 * The embed scripts (packages/widgets/src/embed/): `carezone-embed.js` on the host page, which sizes
 * the iframes, and `carezone-embed-frame.js` in every embed page. Not widget entries: no tag, no texts.
 */
const EMBED_SCRIPTS = ['carezone-embed.js', 'carezone-embed-frame.js'] as const;
const BUDGETED = [...ENTRIES, ...EMBED_SCRIPTS];

interface Budget {
  gzipBytes: Record<string, number>;
}

let budget: Budget;
before(async () => {
  assertBuilt();
  for (const script of EMBED_SCRIPTS)
    assert.ok(
      existsSync(join(CDN_DIR, script)),
      `${join(CDN_DIR, script)} is missing: run \`npm run build\` first`,
    );
  budget = JSON.parse(await readFile(BUDGET_FILE, 'utf8')) as Budget;
});

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

describe('bundle budgets (min + gzip -9, everything the page downloads)', () => {
  for (const entry of BUDGETED) {
    test(`${entry} stays within its budget`, (t) => {
      const download = pageDownload(entry, CDN_DIR);
      assert.deepEqual(download.bare, [], `${entry} imports modules a browser cannot resolve`);
      const { min, gzip, brotli } = download.total;
      const limit = budget.gzipBytes[entry];
      assert.ok(limit, `${entry} has a budget in packages/widgets/size-budget.json`);
      const line =
        `${entry}: ${download.counted.map((one) => `${one.file} ${one.gzip} B`).join(' + ')} = ` +
        `${min} B min, ${gzip} B gzip (${kb(gzip)}), ${brotli} B brotli (${kb(brotli)}); ` +
        `budget ${limit} B gzip, ${gzip <= limit ? `${limit - gzip} B to spare` : `${gzip - limit} B over`}` +
        (download.lazy.length > 0
          ? `; lazy files (gzip): ${download.lazy.map((one) => `${one.file} ${one.gzip} B`).join(', ')}`
          : '');
      t.diagnostic(line);
      console.log(line);
      assert.ok(
        gzip <= limit,
        `${entry} is ${gzip} B gzip, over its budget of ${limit} B by ${gzip - limit} B`,
      );
    });
  }

  test('every budget is of a file the loop above measures', () => {
    assert.deepEqual(Object.keys(budget.gzipBytes).sort(), [...BUDGETED].sort());
  });

  for (const script of EMBED_SCRIPTS) {
    test(`${script} is one file: it imports nothing, eagerly or lazily`, () => {
      const download = pageDownload(script, CDN_DIR);
      assert.deepEqual(
        [...download.counted, ...download.lazy].map((one) => one.file),
        [script],
      );
    });
  }

  test('a page pays for every chunk of its heaviest language, and the finder for none of the form’s', () => {
    assert.equal(languageOf('nl-C4WjGab0.js'), 'nl');
    assert.equal(languageOf('en-By-7cHhN.js'), 'en');
    assert.equal(languageOf('session-request-fr-pNIrXS-s.js'), 'fr');
    assert.equal(languageOf('carezone.js'), undefined);
    const form = pageDownload('carezone-session-request.js', CDN_DIR);
    const counted = form.counted.slice(1).map((one) => languageOf(one.file));
    assert.equal(counted.length, 2, 'the shared texts and the form’s');
    assert.equal(new Set(counted).size, 1, 'of one language');
    const finder = pageDownload('carezone-finder.js', CDN_DIR);
    assert.deepEqual(
      finder.lazy.filter((one) => one.file.startsWith('session-request-')),
      [],
      'the finder bundle never loads the form’s texts',
    );
    assert.deepEqual(
      finder.lazy.filter((one) => one.file.startsWith('news-')),
      [],
      'the finder bundle never loads the news feed’s texts',
    );
  });

  test('the finder bundle carries none of the form’s schemas nor the staff’s calls', async () => {
    // Nor the news feed: its resource, its schemas' paths and its feed links.
    const finderCode = await readFile(join(CDN_DIR, 'carezone-finder.js'), 'utf8');
    for (const text of ['feed.atom', 'bodyHtml'])
      assert.ok(!finderCode.includes(text), `carezone-finder.js contains "${text}"`);
    // Texts of schemas only the form uses (SessionRequestInput) and of the staff list's query: they
    // stay out only while the contract's zod calls are marked pure (scripts/rollup-pure-schemas.mjs).
    const finder = await readFile(join(CDN_DIR, 'carezone-finder.js'), 'utf8');
    for (const text of ['must be a phone number', 'welfare-service', 'must be 16 to 100'])
      assert.ok(!finder.includes(text), `carezone-finder.js contains "${text}"`);
    const form = await readFile(join(CDN_DIR, 'carezone-session-request.js'), 'utf8');
    assert.ok(form.includes('must be a phone number'), 'the form bundle does carry its own schema');
  });

  test('marking the contract’s zod calls pure reaches every call of a chain', () => {
    assert.equal(
      markZodCallsPure('const A = z.object({ b: z\n  .string()\n  .check(z.trim()) }); zz.x(); a.z.y();'),
      'const A = /* @__PURE__ */ z.object({ b: /* @__PURE__ */ z\n  .string()\n  .check(/* @__PURE__ */ z.trim()) }); zz.x(); a.z.y();',
    );
  });

  test('the import graph follows static imports and leaves dynamic ones out', () => {
    const { staticImports, dynamicImports } = importsOf(
      'import{a as b}from"./chunk-1.js";import"./side.js";export*from"./all.js";export{c}from"./c.js";' +
        'const s="import x from \'./in-a-string.js\'";import("./lazy.js");',
    );
    assert.deepEqual(staticImports, ['./chunk-1.js', './side.js', './all.js', './c.js']);
    assert.deepEqual(dynamicImports, ['./lazy.js']);
  });
});
