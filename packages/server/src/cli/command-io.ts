import type { CommandOutput } from './check-pack.js';

/** Where a command prints: lines for people, and `write` for data (a CSV on stdout). */
export interface CommandIO extends CommandOutput {
  write(text: string): void;
}

export const consoleIO: CommandIO = {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
  write: (text) => {
    process.stdout.write(text);
  },
};
