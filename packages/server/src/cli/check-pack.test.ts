import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { tempPack } from '../packs/test-helpers/temp-pack.js';
import { checkPackCommand } from './check-pack.js';

function capture() {
  const lines = { log: [] as string[], error: [] as string[] };
  return {
    lines,
    out: { log: (line: string) => lines.log.push(line), error: (line: string) => lines.error.push(line) },
  };
}

describe('checkPackCommand', () => {
  it('exits 0 with a summary for a valid pack', async () => {
    const { lines, out } = capture();
    assert.equal(await checkPackCommand([BUILTIN_PACK_DIR], out), 0);
    assert.deepEqual(lines.error, []);
    assert.deepEqual(lines.log, [`${BUILTIN_PACK_DIR}: 0 error(s), 0 warning(s): ok`]);
  });

  it('prints each problem compiler-style and exits 1', async () => {
    const pack = await tempPack();
    try {
      const text = await pack.read('municipalities.csv');
      await pack.write('municipalities.csv', text.replace(',brussels,1090', ',bruxelles,1090'));
      const { lines, out } = capture();
      assert.equal(await checkPackCommand([pack.dir], out), 1);
      assert.deepEqual(lines.error, [
        `${join(pack.dir, 'municipalities.csv')}:11:5: error: region: "bruxelles" is not one of flanders, wallonia, brussels`,
        `${pack.dir}: 1 error(s), 0 warning(s): the pack cannot be loaded`,
      ]);
    } finally {
      await pack.dispose();
    }
  });
});
