import { join } from 'node:path';
import { checkPack } from '../packs/check-pack.js';
import type { PackProblem } from '../packs/pack-types.js';

export interface CommandOutput {
  log(line: string): void;
  error(line: string): void;
}

/** Compiler style (`file:line:column: error: message`), so editors and CI can jump to the cell. */
export function formatProblem(dir: string, problem: PackProblem): string {
  const where = [
    join(dir, problem.file),
    problem.line,
    problem.line === undefined ? undefined : problem.column,
  ]
    .filter((part) => part !== undefined)
    .join(':');
  return `${where}: ${problem.severity}: ${problem.message}`;
}

/** `carezone check-pack DIR...`: 0 when no pack has an error (warnings allowed), 1 otherwise. */
export async function checkPackCommand(dirs: string[], out: CommandOutput): Promise<number> {
  let failed = false;
  for (const dir of dirs) {
    const problems = await checkPack(dir);
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    const warnings = problems.length - errors;
    for (const problem of problems) {
      if (problem.severity === 'error') out.error(formatProblem(dir, problem));
      else out.log(formatProblem(dir, problem));
    }
    const summary = `${dir}: ${errors} error(s), ${warnings} warning(s)`;
    if (errors > 0) {
      failed = true;
      out.error(`${summary}: the pack cannot be loaded`);
    } else {
      out.log(`${summary}: ok`);
    }
  }
  return failed ? 1 : 0;
}
