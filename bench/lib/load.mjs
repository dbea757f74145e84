// One load run with autocannon's programmatic API against a running server.
import autocannon from 'autocannon';
import { percentile } from './format.mjs';
import { readCpuSeconds } from './proc.mjs';

/** Latency samples kept per run; far above what 10 connections reach in a minute on this hardware. */
const MAX_SAMPLES = 2_000_000;

/** Runs one autocannon instance for `seconds`; `onResponse(responseTimeMs, statusCode)` sees each reply. */
async function fire(url, requests, seconds, connections, onResponse) {
  const instance = autocannon({
    url,
    requests,
    connections,
    duration: seconds,
    timeout: 10, // seconds; a reply slower than this counts as a timeout (and an error)
  });
  if (onResponse) {
    instance.on('response', (_client, statusCode, _bytes, responseTime) =>
      onResponse(responseTime, statusCode),
    );
  }
  return await instance;
}

/** Sums what several autocannon runs at once counted (one per server process). */
function combine(results) {
  const statusCounts = {};
  for (const result of results) {
    for (const [code, { count: n }] of Object.entries(result.statusCodeStats ?? {})) {
      statusCounts[code] = (statusCounts[code] ?? 0) + Number(n);
    }
  }
  const sum = (key) => results.reduce((total, result) => total + result[key], 0);
  return {
    duration: Math.max(...results.map((result) => result.duration)),
    statusCounts,
    non2xx: sum('non2xx'),
    errors: sum('errors'),
    timeouts: sum('timeouts'),
  };
}

/**
 * Warms up, then measures. Latency percentiles come from our own samples of every reply (2xx and
 * 404 alike: a user waits for both), because autocannon's histogram rounds to whole milliseconds
 * and leaves non-2xx replies out. `url` and `pid` may be lists: server processes behind one
 * balancer, each loaded by its share of the connections at the same time.
 */
export async function measureLoad({ url, pid, workload, seconds, warmupSeconds, connections }) {
  const urls = [url].flat();
  const pids = [pid].flat();
  const share = (i) => Math.floor(connections / urls.length) + (i < connections % urls.length ? 1 : 0);
  const fireAll = (duration, onResponse) =>
    Promise.all(urls.map((each, i) => fire(each, workload.requests, duration, share(i), onResponse)));
  if (warmupSeconds > 0) await fireAll(warmupSeconds);

  const latencies = new Float64Array(MAX_SAMPLES);
  let count = 0;
  const serverSeconds = () => pids.reduce((total, each) => total + readCpuSeconds(each), 0);
  const cpuBefore = serverSeconds();
  const ownCpuBefore = process.cpuUsage();
  const result = combine(
    await fireAll(seconds, (ms) => {
      if (count < MAX_SAMPLES) latencies[count++] = ms;
    }),
  );
  const serverCpu = (serverSeconds() - cpuBefore) / result.duration;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const sorted = latencies.subarray(0, count).sort();

  const { statusCounts } = result;
  const responses = Object.values(statusCounts).reduce((sum, n) => sum + n, 0);
  return {
    id: workload.id,
    label: workload.label,
    durationS: result.duration,
    responses,
    requestsPerSecond: responses / result.duration,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: count > 0 ? sorted[count - 1] : Number.NaN,
    statusCounts,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    /** Share of one core the server processes used together (1 = one full core). */
    serverCpu,
    /** Share of one core autocannon and the bench used: the load generator shares the machine. */
    benchCpu: (ownCpu.user + ownCpu.system) / 1e6 / result.duration,
  };
}
