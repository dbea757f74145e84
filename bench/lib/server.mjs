// Starts and stops the real server CLI as a child process. Every child is tracked so that the
// bench never leaves a server behind: not on success, not on a failure, not on Ctrl-C.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BenchError } from './config.mjs';

const HOST = '127.0.0.1';
const READY_POLL_INTERVAL_MS = 5;
const STOP_GRACE_MS = 5_000;

/** Servers started and not yet stopped: { child, dataDir }. */
const running = new Set();

/** Kills every server still running, at once and synchronously (for SIGINT and process exit). */
export function killAllServersNow() {
  for (const entry of running) {
    if (entry.child.exitCode === null && entry.child.signalCode === null) entry.child.kill('SIGKILL');
    rmSync(entry.dataDir, { recursive: true, force: true });
  }
  running.clear();
}

/**
 * Asks the OS for a free port, then releases it for the server. Knowing the port before the
 * spawn lets the cold-start timer poll /readyz from the very first millisecond, and lets a
 * server whose log level hides the "listening" line be found too.
 */
async function freePort() {
  const probe = net.createServer();
  await new Promise((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, HOST, resolve);
  });
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** One GET; resolves to the status code, or 0 when the server is not reachable yet. */
function getStatus(url, timeoutMs) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: timeoutMs }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', () => resolve(0));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
  });
}

/**
 * Spawns `carezone serve` on a fresh temporary data folder and waits for the first 200 of /readyz.
 * Resolves to { url, pid, dataDir, spawnToReadyMs, startupMs, logBytes(), stop() }. `startupMs` is what the
 * server itself logged (NaN when the log level hides the line).
 */
export async function startServer(config, { logLevel = 'info', env = {} } = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(os.tmpdir(), 'carezone-bench-'));
  const args = [config.cliPath, 'serve', '--port', String(port), '--host', HOST];
  args.push('--zonepack', config.packDir, '--data', dataDir);

  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: os.tmpdir(), // nothing may depend on the bench's working directory
    env: { ...process.env, ...env, LOG_LEVEL: logLevel },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const entry = { child, dataDir };
  running.add(entry);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  // stdout: parse JSON lines only until "listening", then just count bytes and drop them. The
  // pipe must keep being drained, or a server logging every request would block on a full pipe.
  let startupMs = Number.NaN;
  let logBytes = 0;
  let pending = '';
  let listening = false;
  child.stdout.on('data', (chunk) => {
    logBytes += chunk.length;
    if (listening) return;
    pending += chunk.toString('utf8');
    let newline = pending.indexOf('\n');
    while (newline >= 0 && !listening) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
      try {
        const record = JSON.parse(line);
        if (record.msg === 'listening') {
          listening = true;
          startupMs = Number(record.startupMs);
        }
      } catch {
        // not a JSON log line: ignore
      }
    }
    if (listening) pending = '';
  });
  let stderrTail = '';
  child.stderr.on('data', (chunk) => {
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4_000);
  });

  const stop = async () => {
    if (!running.has(entry)) return;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = sleep(STOP_GRACE_MS).then(() => 'timeout');
      if ((await Promise.race([exited, timer])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    }
    running.delete(entry);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const url = `http://${HOST}:${port}`;
  const deadline = started + config.startTimeoutMs;
  let exitedEarly = false;
  exited.then(() => {
    exitedEarly = true;
  });
  let ready = false;
  while (!ready && !exitedEarly && performance.now() < deadline) {
    ready = (await getStatus(`${url}/readyz`, 1_000)) === 200;
    if (!ready) await sleep(READY_POLL_INTERVAL_MS);
  }
  const spawnToReadyMs = performance.now() - started;
  if (!ready) {
    await stop();
    const why = exitedEarly
      ? `it exited with code ${child.exitCode}`
      : `no 200 from /readyz in ${config.startTimeoutMs} ms`;
    throw new BenchError(`the server did not start: ${why}\n${stderrTail.trim()}`);
  }
  if (Number.isNaN(startupMs) && logLevel === 'info') await sleep(50); // the line may trail the socket

  return { url, pid: child.pid, dataDir, spawnToReadyMs, startupMs, logBytes: () => logBytes, stop };
}
