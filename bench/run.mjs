// `npm run bench`: measures the reference server with the reference zone pack and prints a report.
// It is a report, not a test: it exits 0 when it ran, even when a target is missed, and non-zero
// only when the bench itself failed (pack missing, build missing, server did not start).
//
// To add a benchmark, write a section ({ id, title, run(ctx) }) under bench/sections and list it
// in SECTIONS. A section prints with ctx.print, stores numbers in ctx.results[id], and records
// targets with ctx.check({ target, variant, measured, met }) for the summary.
import { writeFileSync } from 'node:fs';
import { BenchError, checkPrerequisites, readConfig } from './lib/config.mjs';
import { fixed, table } from './lib/format.mjs';
import { machineFacts } from './lib/proc.mjs';
import { killAllServersNow } from './lib/server.mjs';
import { coldStartSection } from './sections/cold-start.mjs';
import { httpLoadSection, loggingCostSection } from './sections/http-load.mjs';
import { importTimeSection } from './sections/import-time.mjs';
import { newsSection } from './sections/news.mjs';
import { sessionRequestsSection } from './sections/session-requests.mjs';
import { widgetsSection } from './sections/widgets.mjs';

function sections(config) {
  return [
    importTimeSection,
    coldStartSection,
    httpLoadSection({ logLevel: 'info' }),
    ...(config.compareLogLevels ? [httpLoadSection({ logLevel: 'warn' }), loggingCostSection] : []),
    sessionRequestsSection,
    newsSection,
    widgetsSection,
  ];
}

// Never leave a server behind: Ctrl-C, a kill, or an unexpected exit stop every child at once.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\nbench: ${signal}, stopping the servers it started`);
    killAllServersNow();
    process.exit(130);
  });
}
process.on('exit', killAllServersNow);

const print = (line = '') => console.log(line);

function printHeader(config) {
  const machine = machineFacts();
  print('Carezone bench');
  print('==============');
  print(
    `machine     ${machine.cores} cores (${machine.cpuModel}), ${fixed(machine.memoryGB)} GB, ${machine.platform}`,
  );
  print(`node        ${machine.node}`);
  print(
    `load avg    ${machine.loadAverage.map((n) => n.toFixed(2)).join(' ')} (1/5/15 min, before the bench)`,
  );
  print(`zone pack   ${config.packDir}`);
  print(
    `load        ${config.connections} connections, ${config.seconds} s per run, ${config.warmupSeconds} s warm-up, ` +
      `127.0.0.1 only (BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_CONNECTIONS)`,
  );
  print(
    `repeats     ${config.importRuns} pack imports, ${config.coldStartRuns} cold starts (BENCH_IMPORT_RUNS, BENCH_COLD_RUNS)`,
  );
  return machine;
}

function printSummary(checks) {
  print('\nSummary: the issue’s targets');
  print('============================\n');
  if (checks.length === 0) {
    print('  no target was measured');
    return;
  }
  print(
    table(
      ['target', 'LOG_LEVEL', 'measured', 'result'],
      checks.map((check) => [check.target, check.variant, check.measured, check.met ? 'met' : 'NOT MET']),
    ),
  );
}

async function main() {
  const config = readConfig();
  const machine = printHeader(config);
  checkPrerequisites(config);

  const ctx = { config, print, results: {}, checks: [], check: (entry) => ctx.checks.push(entry) };
  const failures = [];
  const selected = sections(config).filter((section) => !config.only || config.only.includes(section.id));
  for (const section of selected) {
    print(`\n${section.title}\n${'-'.repeat(section.title.length)}\n`);
    const started = performance.now();
    try {
      await section.run(ctx);
    } catch (error) {
      // Report and go on: the other sections still say something useful.
      failures.push(section.id);
      print(`  FAILED: ${error instanceof BenchError ? error.message : (error?.stack ?? error)}`);
    } finally {
      // A section must not leave a server running for the next one to compete with.
      killAllServersNow();
    }
    print(`\n  (section took ${fixed((performance.now() - started) / 1000)} s)`);
  }

  printSummary(ctx.checks);
  print(
    `\nload avg after: ${machineFacts()
      .loadAverage.map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  if (config.jsonPath) {
    writeFileSync(
      config.jsonPath,
      `${JSON.stringify({ machine, config, results: ctx.results, checks: ctx.checks }, null, 2)}\n`,
    );
    print(`results written to ${config.jsonPath}`);
  }
  if (failures.length > 0) {
    print(`\nbench failed in: ${failures.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(`bench: ${error instanceof BenchError ? error.message : (error?.stack ?? error)}`);
  killAllServersNow();
  process.exitCode = 1;
});
