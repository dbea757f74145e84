import type { CommandIO } from '../command-io.js';

/** A command's output, kept for assertions. */
export function captureIO(): CommandIO & { out: string[]; err: string[]; written: string } {
  const io = {
    out: [] as string[],
    err: [] as string[],
    written: '',
    log: (line: string) => {
      io.out.push(line);
    },
    error: (line: string) => {
      io.err.push(line);
    },
    write: (text: string) => {
      io.written += text;
    },
  };
  return io;
}
