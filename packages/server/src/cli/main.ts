import { applyDotenv, readDotenv } from '../settings/dotenv.js';
import type { ConfigLayers } from '../settings/resolve-settings.js';
import { VERSION } from '../version.js';
import type { Command } from './command-group.js';
import type { CommandIO } from './command-io.js';
import { USAGE } from './usage.js';
import { UsageError } from './usage-error.js';

// Loaded when run, so `--version` and `config` do not load the HTTP server and its dependencies.
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  serve: async () => (await import('./serve.js')).serveCommand,
  config: async () => (await import('./config.js')).configCommand,
  token: async () => (await import('./token.js')).tokenCommand,
  requests: async () => (await import('./requests.js')).requestsCommand,
  news: async () => (await import('./news-import.js')).newsCommand,
  backup: async () => (await import('./backup.js')).backupCommand,
};

export interface CliContext {
  /** The process's environment: `.env` fills in what it does not set, as dotenv does. */
  env: NodeJS.ProcessEnv;
  /** Where `.env` is looked for. */
  cwd: string;
}

/** `parseArgs` refuses an unknown flag or a flag without its value with a coded TypeError. */
function isUsageError(error: unknown): error is Error {
  return (
    error instanceof UsageError ||
    (error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS'))
  );
}

async function dispatch(argv: string[], io: CommandIO, context: CliContext): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case '--version':
    case '-v':
      io.log(VERSION);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.log(USAGE);
      return 0;
    case 'check-pack': {
      if (rest.length === 0) throw new UsageError('check-pack needs at least one folder');
      const { checkPackCommand } = await import('./check-pack.js');
      return checkPackCommand(rest, io);
    }
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) throw new UsageError(`unknown command: ${command}`);
  const config: ConfigLayers = { environment: { ...context.env }, dotenv: await readDotenv(context.cwd) };
  // What reads process.env itself (NODE_ENV, PostgreSQL's PG* variables) sees .env too.
  applyDotenv(context.env, config.dotenv);
  return (await load())(rest, io, config);
}

/**
 * Runs `carezone …` and answers its exit code: 0 done, 1 failed (one line naming what, such as a
 * bad setting), 2 bad usage (with the usage text, which a bad value alone never prints).
 */
export async function runCli(argv: string[], io: CommandIO, context: CliContext): Promise<number> {
  try {
    return await dispatch(argv, io, context);
  } catch (error) {
    if (isUsageError(error)) {
      io.error(`carezone: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.error(`carezone: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
