import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { loadZoneDirectory } from './load-zone-directory.js';
import { BUILTIN_QUERIES, type RankingQuery, REFERENCE_QUERIES } from './test-helpers/ranking-queries.js';

const TOP_1_TARGET = 0.95;

async function misses(packs: string[], queries: readonly RankingQuery[]): Promise<string[]> {
  const directory = await loadZoneDirectory(packs);
  const missed: string[] = [];
  for (const query of queries) {
    const [first] = directory.searchPlaces(query.q, 10);
    const meant =
      first?.municipality.nis === query.nis &&
      first.kind === (query.kind ?? 'municipality') &&
      (query.postcode === undefined || first.postcode === query.postcode);
    if (!meant) {
      const got = first ? `${first.kind} ${first.label} ${first.municipality.nis}` : 'nothing';
      missed.push(`${query.q} (${query.why}): ${got}`);
    }
  }
  return missed;
}

describe('ranking of real-world queries', () => {
  it(`puts the place meant first for at least ${TOP_1_TARGET * 100} % of them`, async () => {
    const reference = await misses([REFERENCE_PACK_DIR], REFERENCE_QUERIES);
    const builtin = await misses([BUILTIN_PACK_DIR], BUILTIN_QUERIES);
    const total = REFERENCE_QUERIES.length + BUILTIN_QUERIES.length;
    const share = 1 - (reference.length + builtin.length) / total;
    const percent = (missed: number, of: number) => `${(100 * (1 - missed / of)).toFixed(1)} %`;
    console.log(
      `place search top-1: ${percent(reference.length + builtin.length, total)} of ${total} queries ` +
        `(reference pack ${percent(reference.length, REFERENCE_QUERIES.length)} of ${REFERENCE_QUERIES.length}, ` +
        `built-in pack ${percent(builtin.length, BUILTIN_QUERIES.length)} of ${BUILTIN_QUERIES.length})`,
    );
    for (const miss of [...reference, ...builtin]) console.log(`  missed: ${miss}`);
    assert.ok(total >= 60, `only ${total} queries`);
    assert.ok(share >= TOP_1_TARGET, [...reference, ...builtin].join('\n'));
  });

  it('covers every kind of query people type', () => {
    for (const why of ['typo', 'other language', 'abbreviation', 'prefix'] as const) {
      assert.ok(
        REFERENCE_QUERIES.filter((query) => query.why === why).length >= 5,
        `fewer than 5 queries of kind ${why}`,
      );
    }
  });
});
