import type { CommandIO } from './command-io.js';
import { requestsExportCommand } from './requests-export.js';
import { requestsPurgeCommand } from './requests-purge.js';
import { UsageError } from './usage-error.js';

/** `carezone requests export|purge …` */
export async function requestsCommand(
  args: string[],
  io: CommandIO,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const [action, ...rest] = args;
  switch (action) {
    case 'export':
      return requestsExportCommand(rest, io, env);
    case 'purge':
      return requestsPurgeCommand(rest, io, env);
    default:
      throw new UsageError(
        action === undefined ? 'requests needs export or purge' : `unknown requests command: ${action}`,
      );
  }
}
