// Sections 3 and 4: resident memory and throughput/latency of ONE server instance under load.
// The same section runs at LOG_LEVEL=info (the default, what operators run) and, for comparison,
// at LOG_LEVEL=warn, which shows what the per-request log line costs.
import { fixed, integer, megabytes, percent, table } from '../lib/format.mjs';
import { measureLoad } from '../lib/load.mjs';
import { readMemory } from '../lib/proc.mjs';
import { startServer } from '../lib/server.mjs';
import { HEALTHZ, WORKLOADS } from '../lib/workloads.mjs';

const MIN_SHARE_OF_HEALTHZ = 0.7;
const MAX_P99_MS = 10;
const MAX_RESIDENT_KB = 200 * 1024;

const formatStatuses = (counts) =>
  Object.entries(counts)
    .map(([code, n]) => `${code}: ${integer(n)}`)
    .join(' · ');

export function httpLoadSection({ logLevel }) {
  const key = `load-${logLevel}`;
  return {
    id: key,
    title: `Memory, throughput and latency of one server (LOG_LEVEL=${logLevel})`,
    async run(ctx) {
      const { config } = ctx;
      const server = await startServer(config, { logLevel });
      try {
        const afterStart = readMemory(server.pid);
        const logBytesBefore = server.logBytes();
        const measure = async (workload) => {
          const run = await measureLoad({
            url: server.url,
            pid: server.pid,
            workload,
            seconds: config.seconds,
            warmupSeconds: config.warmupSeconds,
            connections: config.connections,
          });
          // Resident memory after each run shows whether it levels off or keeps growing.
          run.rssAfterKB = readMemory(server.pid).rssKB;
          return run;
        };
        // /healthz, then each endpoint followed by /healthz again (see HEALTHZ): each endpoint is
        // compared with the baseline measured just before and just after it.
        const baselines = [await measure(HEALTHZ)];
        const runs = [baselines[0]];
        for (const workload of WORKLOADS) {
          const run = await measure(workload);
          const after = await measure(HEALTHZ);
          run.baseline = (baselines.at(-1).requestsPerSecond + after.requestsPerSecond) / 2;
          baselines.push(after);
          runs.push(run, after);
        }
        const afterLoad = readMemory(server.pid);
        const totalResponses = runs.reduce((sum, run) => sum + run.responses, 0);
        const logBytesPerRequest = (server.logBytes() - logBytesBefore) / totalResponses;

        const baseline = baselines.reduce((sum, run) => sum + run.requestsPerSecond, 0) / baselines.length;
        for (const run of runs) run.shareOfHealthz = run.requestsPerSecond / (run.baseline ?? baseline);
        const rates = baselines.map((run) => run.requestsPerSecond);
        ctx.results[key] = {
          logLevel,
          memory: { afterStart, afterLoad },
          baseline,
          logBytesPerRequest,
          runs,
        };

        ctx.print('  Resident memory of the server process (/proc/PID/status):\n');
        ctx.print(
          table(
            ['when', '>VmRSS', '>VmHWM (peak)'],
            [
              ['after start', megabytes(afterStart.rssKB), megabytes(afterStart.peakKB)],
              ['after the load runs', megabytes(afterLoad.rssKB), megabytes(afterLoad.peakKB)],
            ],
          ),
        );
        ctx.print(
          `\n  Load: ${config.connections} connections, ${config.seconds} s per run after ` +
            `${config.warmupSeconds} s of warm-up; rotating request lists; latency over every reply.\n`,
        );
        ctx.print(
          table(
            [
              'endpoint',
              '>req/s',
              '>vs /healthz',
              '>p50 ms',
              '>p99 ms',
              '>max ms',
              'replies by status',
              '>errors',
              '>timeouts',
              '>server CPU',
              '>bench CPU',
              '>RSS after',
            ],
            runs.map((run) => [
              run.label,
              integer(run.requestsPerSecond),
              percent(run.shareOfHealthz),
              fixed(run.p50Ms, 2),
              fixed(run.p99Ms, 2),
              fixed(run.maxMs, 1),
              formatStatuses(run.statusCounts),
              integer(run.errors),
              integer(run.timeouts),
              percent(run.serverCpu),
              percent(run.benchCpu),
              megabytes(run.rssAfterKB),
            ]),
          ),
        );
        ctx.print(
          `\n  /healthz: ${integer(Math.min(...rates))}–${integer(Math.max(...rates))} req/s over ${rates.length} runs ` +
            `(mean ${integer(baseline)}); each endpoint's share is of the mean of the /healthz runs just before and after it. ` +
            `Server stdout: ${fixed(logBytesPerRequest, 0)} bytes per request.`,
        );
        ctx.print(
          '  404s on lookups are OUT_OF_COVERAGE answers for places outside Flanders/Brussels (expected).',
        );
        ctx.print('  CPU: 100 % = one full core; the load generator runs on the same machine as the server.');

        const targets = {
          places: 'Place search',
          'places-fuzzy': 'Fuzzy place search',
          'lookup-postcode': 'Postcode lookup',
        };
        for (const run of runs.filter((r) => r.id in targets)) {
          const name = targets[run.id];
          ctx.check({
            target: `${name} ≥ ${percent(MIN_SHARE_OF_HEALTHZ)} of /healthz req/s`,
            variant: logLevel,
            measured: `${percent(run.shareOfHealthz)} (${integer(run.requestsPerSecond)} vs ${integer(run.baseline)})`,
            met: run.shareOfHealthz >= MIN_SHARE_OF_HEALTHZ,
          });
          ctx.check({
            target: `${name} p99 ≤ ${MAX_P99_MS} ms at that load`,
            variant: logLevel,
            measured: `${fixed(run.p99Ms, 2)} ms`,
            met: run.p99Ms <= MAX_P99_MS,
          });
        }
        ctx.check({
          target: 'Resident memory ≤ 200 MB (peak VmHWM after the load runs)',
          variant: logLevel,
          measured: megabytes(afterLoad.peakKB),
          met: afterLoad.peakKB <= MAX_RESIDENT_KB,
        });
      } finally {
        await server.stop();
      }
    },
  };
}

/** Side by side: what the per-request log line costs, once both load sections have run. */
export const loggingCostSection = {
  id: 'log-cost',
  title: 'Cost of per-request logging: LOG_LEVEL=info vs LOG_LEVEL=warn',
  async run(ctx) {
    const info = ctx.results['load-info'];
    const warn = ctx.results['load-warn'];
    if (!info || !warn) {
      ctx.print('  skipped: needs both load sections (BENCH_LOG_COMPARE=0 or a failed section)');
      return;
    }
    ctx.print(
      table(
        ['endpoint', '>info req/s', '>warn req/s', '>info vs warn', '>info p99 ms', '>warn p99 ms'],
        // Both ran the same runs in the same order (every /healthz included).
        info.runs.map((run, index) => {
          const quiet = warn.runs[index];
          return [
            run.label,
            integer(run.requestsPerSecond),
            integer(quiet?.requestsPerSecond),
            percent(run.requestsPerSecond / (quiet?.requestsPerSecond ?? Number.NaN)),
            fixed(run.p99Ms, 2),
            fixed(quiet?.p99Ms, 2),
          ];
        }),
      ),
    );
    ctx.print(
      '  (different server instances run one after the other: a few per cent is noise on a shared machine)',
    );
  },
};
