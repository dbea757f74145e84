// Section 1: how long loading the reference pack takes, in-process, without HTTP or storage.
import { pathToFileURL } from 'node:url';
import { fixed, median, table } from '../lib/format.mjs';

export const importTimeSection = {
  id: 'import',
  title: 'Pack import time: loadZoneDirectory([pack]) in the bench process',
  async run(ctx) {
    const { config } = ctx;
    const moduleStarted = performance.now();
    const { loadZoneDirectory } = await import(pathToFileURL(config.libraryPath).href);
    const moduleImportMs = performance.now() - moduleStarted;

    const runsMs = [];
    let directory;
    for (let run = 0; run < config.importRuns; run++) {
      const started = performance.now();
      directory = await loadZoneDirectory([config.packDir]);
      runsMs.push(performance.now() - started);
    }
    const layers = directory.layers();
    const zoneCount = layers.reduce((sum, layer) => sum + layer.zoneCount, 0);
    const result = { moduleImportMs, runsMs, minMs: Math.min(...runsMs), medianMs: median(runsMs) };
    ctx.results.import = result;

    ctx.print(
      `  pack ${directory.packs.map((pack) => `${pack.id} ${pack.dataVersion}`).join(', ')}: ` +
        `${layers.length} layers, ${zoneCount} zones`,
    );
    ctx.print(`  importing @carezone/server itself (module graph, once): ${fixed(moduleImportMs)} ms\n`);
    ctx.print(
      table(
        ['runs', '>first ms', '>min ms', '>median ms', 'all runs (ms)'],
        [
          [
            runsMs.length,
            fixed(runsMs[0]),
            fixed(result.minMs),
            fixed(result.medianMs),
            runsMs.map((ms) => fixed(ms, 0)).join(' '),
          ],
        ],
      ),
    );
    ctx.print('  (the first run includes JIT warm-up of the import code; a server start pays that price)');
  },
};
