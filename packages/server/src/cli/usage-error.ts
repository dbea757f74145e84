/** Bad usage of the CLI (an unknown command or flag, a missing argument): printed with the usage text, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A value a command cannot use (an unknown zone, a language it does not know): one line naming it
 * and what was expected, exit code 1, no usage text, as for a bad setting.
 */
export class InputError extends Error {
  override name = 'InputError';
}
