import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../cli.ts', import.meta.url));
// Resolved here, so that the CLI runs from any working directory (a temp folder with its .env).
const TSX = import.meta.resolve('tsx');

/**
 * `carezone …` from source as its own process, in `cwd`, with only `env` (and PATH) in its
 * environment: what the test runner itself was given (LOG_LEVEL, a test database) stays out.
 */
export function spawnCliIn(cwd: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--conditions=source', '--import', TSX, CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
