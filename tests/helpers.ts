import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The reference data of `../shared`, beside the repository (read from there, never copied). */
export const REFERENCE_PACK = fileURLToPath(new URL('../../shared/zonepacks/belgium-2025', import.meta.url));

/** Runs the `carezone` CLI from source, as a separate process. */
export function spawnCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'packages/server/src/cli.ts', ...args],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** Collects the JSON log lines of a process and resolves once one satisfies `until`. */
export function waitForLog(
  child: ChildProcess,
  until: (line: Record<string, unknown>) => boolean,
  timeoutMs = 20_000,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out waiting for a log line')), timeoutMs);
    if (!child.stdout) throw new Error('stdout is not piped');
    createInterface({ input: child.stdout }).on('line', (text) => {
      try {
        const line = JSON.parse(text) as Record<string, unknown>;
        if (until(line)) {
          clearTimeout(timer);
          resolve(line);
        }
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) => reject(new Error(`process exited with ${code} before the log line`)));
  });
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

export async function output(
  child: ChildProcess,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await exitOf(child);
  return { code, stdout, stderr };
}
