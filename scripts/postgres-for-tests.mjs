// A PostgreSQL for tests. With CAREZONE_TEST_DATABASE_URL set, each call makes a fresh database on
// that server; otherwise each call starts a throwaway cluster from the installed binaries.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const POSTGRES_ROOT = '/usr/lib/postgresql';

/**
 * @typedef {object} TestPostgres
 * @property {string} url  a fresh, empty database
 * @property {() => Promise<string>} createDatabase  another fresh database on the same server
 * @property {() => Promise<void>} stop  drops what was made (or stops the cluster); idempotent
 */

/**
 * @typedef {TestPostgres & { halt: () => Promise<void>, resume: () => Promise<void> }} OwnPostgres
 *   a cluster of the caller's own, which it may stop (`halt`, a fast shutdown as an operator's
 *   restart does) and start again on the same port (`resume`)
 */

/**
 * @param {{ durable?: boolean }} [options] `durable: true` keeps fsync on (a local cluster runs
 *   with fsync off otherwise, which is fast but loses data on power loss, not on a process kill).
 * @returns {Promise<TestPostgres>}
 */
export async function startTestPostgres(options = {}) {
  const external = process.env.CAREZONE_TEST_DATABASE_URL;
  if (external) return onExternalServer(external);
  return startCluster(options.durable === true);
}

/**
 * A throwaway cluster of the caller's own, even where CAREZONE_TEST_DATABASE_URL names a shared
 * server: for the fault suites, which stop PostgreSQL under a running Carezone server.
 * @returns {Promise<OwnPostgres>}
 */
export function startOwnPostgres() {
  return startCluster(false);
}

function randomName() {
  return `carezone_test_${randomBytes(6).toString('hex')}`;
}

function withDatabase(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function onServer(adminUrl, statement) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Databases made on a server, each dropped by `stop`. */
function databaseMaker(adminUrl) {
  const made = [];
  return {
    made,
    async create() {
      const name = randomName();
      await onServer(adminUrl, `create database "${name}"`);
      made.push(name);
      return withDatabase(adminUrl, name);
    },
  };
}

async function onExternalServer(adminUrl) {
  const databases = databaseMaker(adminUrl);
  const url = await databases.create();
  let stopped = false;
  return {
    url,
    createDatabase: databases.create,
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const name of databases.made) {
        // `with (force)` ends the connections a failed test left open (PostgreSQL 13+).
        await onServer(adminUrl, `drop database if exists "${name}" with (force)`);
      }
    },
  };
}

function findBinaries() {
  const versions = existsSync(POSTGRES_ROOT)
    ? readdirSync(POSTGRES_ROOT)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const bin = join(POSTGRES_ROOT, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  throw new Error(
    `No PostgreSQL binaries under ${POSTGRES_ROOT}/*/bin. Install PostgreSQL ` +
      '(apt-get install -y postgresql) or set CAREZONE_TEST_DATABASE_URL to a server where the ' +
      'tests may create and drop databases.',
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

// initdb and postgres refuse to run as root.
const asRoot = process.getuid?.() === 0;

/** @param {string} command @param {string[]} args */
function asPostgresUser(command, args) {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

/** Clusters of this process still running, stopped on exit if a test forgot or crashed. */
const running = new Map();
let exitHooksInstalled = false;

function stopSync(cluster) {
  const [command, args] = asPostgresUser(join(cluster.bin, 'pg_ctl'), [
    '-D',
    cluster.data,
    '-m',
    'immediate',
    'stop',
  ]);
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 10_000 });
  } catch {
    // Already stopped, or never fully started: the directory still goes.
  }
  rmSync(cluster.dir, { recursive: true, force: true });
  try {
    process.kill(cluster.watchdogPid);
  } catch {}
  running.delete(cluster.dir);
}

function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const cluster of [...running.values()]) stopSync(cluster);
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    const onSignal = () => {
      for (const cluster of [...running.values()]) stopSync(cluster);
      process.off(signal, onSignal);
      // Listening replaced the default "exit on signal"; re-raise it unless someone else handles it.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/**
 * Exit hooks do not run on SIGKILL or a crash of node itself, and a daemonised postmaster outlives
 * its parent. A small detached process polls the test process and stops the cluster when it is gone.
 */
function startWatchdog(stopCommand, stopArgs, dir) {
  const source = `
    const { execFileSync } = require('node:child_process');
    const { rmSync } = require('node:fs');
    const [parent, command, args, dir] = [Number(process.argv[1]), process.argv[2], JSON.parse(process.argv[3]), process.argv[4]];
    setInterval(() => {
      try { process.kill(parent, 0); return; } catch {}
      try { execFileSync(command, args, { stdio: 'ignore', timeout: 10000 }); } catch {}
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    }, 1000);`;
  const child = spawn(
    process.execPath,
    ['-e', source, String(process.pid), stopCommand, JSON.stringify(stopArgs), dir],
    { detached: true, stdio: 'ignore' },
  );
  child.unref();
  return child.pid;
}

async function startCluster(durable) {
  const bin = findBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'carezone-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const [stopCommand, stopArgs] = asPostgresUser(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-m',
    'immediate',
    'stop',
  ]);
  const cluster = { bin, dir, data, watchdogPid: startWatchdog(stopCommand, stopArgs, dir) };
  installExitHooks();
  running.set(dir, cluster);
  try {
    const initdbArgs = ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale'];
    if (!durable) initdbArgs.push('--no-sync');
    await run(...asPostgresUser(join(bin, 'initdb'), initdbArgs));
    const settings = [
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${dir}`,
      '-c max_connections=60',
      ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ];
    const port = await startOnFreePort(bin, data, log, settings);
    const databases = databaseMaker(`postgres://postgres@127.0.0.1:${port}/postgres`);
    const url = await databases.create();
    return {
      url,
      createDatabase: databases.create,
      async halt() {
        await run(...asPostgresUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']));
      },
      async resume() {
        await pgCtlStart(bin, data, log, port, settings);
      },
      async stop() {
        if (!running.has(dir)) return;
        running.delete(dir);
        try {
          await run(...asPostgresUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']));
        } finally {
          stopSync(cluster);
        }
      },
    };
  } catch (error) {
    stopSync(cluster);
    throw error;
  }
}

/** Starts the cluster in `data` on `port`, waiting (30 s at most) until it takes connections. */
function pgCtlStart(bin, data, log, port, settings) {
  const args = ['-D', data, '-l', log, '-w', '-t', '30', '-o', `-p ${port} ${settings.join(' ')}`, 'start'];
  return run(...asPostgresUser(join(bin, 'pg_ctl'), args));
}

/** A port found free can be taken before postgres binds it: then try another. */
async function startOnFreePort(bin, data, log, settings) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      await pgCtlStart(bin, data, log, port, settings);
      return port;
    } catch (error) {
      if (attempt >= 3) {
        const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
        throw new Error(`PostgreSQL did not start: ${error.message}\n${tail}`, { cause: error });
      }
    }
  }
}
