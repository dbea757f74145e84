// Bench settings: every knob is an environment variable so that `npm run bench` needs no flags
// and a developer on a shared machine can shorten everything (BENCH_SECONDS=2).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Reads a positive number from the environment, falling back to `fallback`; rejects nonsense loudly. */
function numberFromEnv(name, fallback, { integer = false, min = 0 } = {}) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new BenchError(`${name}=${raw} is not a valid ${integer ? 'integer' : 'number'} ≥ ${min}`);
  }
  return value;
}

/** A failure of the bench itself (as opposed to a missed target): exits non-zero. */
export class BenchError extends Error {}

export function readConfig() {
  const seconds = numberFromEnv('BENCH_SECONDS', 10, { min: 1 });
  return {
    packDir: resolve(REPO_ROOT, process.env.BENCH_ZONEPACK ?? '../shared/zonepacks/belgium-2025'),
    cliPath: resolve(REPO_ROOT, 'packages/server/dist/cli.js'),
    libraryPath: resolve(REPO_ROOT, 'packages/server/dist/index.js'),
    /** Duration of each measured load run. */
    seconds,
    /** Warm-up before each load run (JIT, caches); never longer than the run itself. */
    warmupSeconds: Math.min(numberFromEnv('BENCH_WARMUP_SECONDS', 2, { min: 0 }), seconds),
    connections: numberFromEnv('BENCH_CONNECTIONS', 10, { integer: true, min: 1 }),
    importRuns: numberFromEnv('BENCH_IMPORT_RUNS', 5, { integer: true, min: 1 }),
    coldStartRuns: numberFromEnv('BENCH_COLD_RUNS', 5, { integer: true, min: 1 }),
    /** Upper bound for one server start; a server slower than this counts as "did not start". */
    startTimeoutMs: numberFromEnv('BENCH_START_TIMEOUT_MS', 30_000, { integer: true, min: 100 }),
    /** 0 skips the second load server (LOG_LEVEL=warn) that shows what per-request logging costs. */
    compareLogLevels: process.env.BENCH_LOG_COMPARE !== '0',
    /** Comma-separated section ids to run (default: all), e.g. BENCH_ONLY=import,cold-start. */
    only: process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((id) => id.trim()) : undefined,
    /** Optional path of a JSON file receiving every measured value (for comparing runs). */
    jsonPath: process.env.BENCH_JSON ? resolve(process.cwd(), process.env.BENCH_JSON) : undefined,
  };
}

/** Fails clearly, before anything is spawned, when the build or the reference pack is missing. */
export function checkPrerequisites(config) {
  if (!existsSync(resolve(config.packDir, 'pack.json'))) {
    throw new BenchError(
      `zone pack not found: ${config.packDir} (expected pack.json there). ` +
        'The bench uses the reference pack ../shared/zonepacks/belgium-2025 next to the repository; ' +
        'set BENCH_ZONEPACK to use another one.',
    );
  }
  for (const file of [config.cliPath, config.libraryPath]) {
    if (!existsSync(file)) throw new BenchError(`${file} is missing: run \`npm run build\` first`);
  }
}
