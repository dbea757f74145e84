import type { ConfigLayers } from '../settings/resolve-settings.js';
import type { CommandIO } from './command-io.js';
import { UsageError } from './usage-error.js';

/**
 * A command: its own arguments in, the exit code out. `config` is where settings come from besides
 * the command's flags (the environment and `.env`), resolved the same way for every command.
 */
export type Command = (args: string[], io: CommandIO, config: ConfigLayers) => Promise<number>;

/** `export, purge` → `export or purge`; `create, list, revoke` → `create, list or revoke`. */
function oneOf(names: readonly string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('');
}

/**
 * `carezone <group> <action> …`: runs the action named first with the arguments after it. No
 * action, or one the group does not have, is a usage error naming the actions it has.
 */
export function commandGroup(group: string, actions: Readonly<Record<string, Command>>): Command {
  return async ([action, ...rest], io, config) => {
    // Own keys only: `toString` is no command.
    const command = action !== undefined && Object.hasOwn(actions, action) ? actions[action] : undefined;
    if (command) return command(rest, io, config);
    throw new UsageError(
      action === undefined
        ? `${group} needs ${oneOf(Object.keys(actions))}`
        : `unknown ${group} command: ${action}`,
    );
  };
}
