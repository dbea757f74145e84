import type { CommandIO } from './command-io.js';
import { UsageError } from './usage-error.js';

/** A command below `carezone <group>`: its own arguments in, the exit code out. */
export type Command = (args: string[], io: CommandIO, env: NodeJS.ProcessEnv) => Promise<number>;

/** `export, purge` → `export or purge`; `create, list, revoke` → `create, list or revoke`. */
function oneOf(names: readonly string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('');
}

/**
 * `carezone <group> <action> …`: runs the action named first with the arguments after it. No
 * action, or one the group does not have, is a usage error naming the actions it has.
 */
export function commandGroup(group: string, actions: Readonly<Record<string, Command>>): Command {
  return async ([action, ...rest], io, env) => {
    // Own keys only: `toString` is no command.
    const command = action !== undefined && Object.hasOwn(actions, action) ? actions[action] : undefined;
    if (command) return command(rest, io, env);
    throw new UsageError(
      action === undefined
        ? `${group} needs ${oneOf(Object.keys(actions))}`
        : `unknown ${group} command: ${action}`,
    );
  };
}
