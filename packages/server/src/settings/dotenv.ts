import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/** The `.env` file of the working directory, as read. */
export interface DotenvFile {
  path: string;
  values: Readonly<Record<string, string>>;
}

/**
 * Reads `text` by the dotenv rules Node implements (`util.parseEnv`: comments, quotes, `export `,
 * multi-line quoted values; a later line wins). A line without `=` is refused, naming it, rather
 * than ignored, since it is almost always a value the operator meant to set. Node's own handling of
 * such a line differs by version (20 glues it to the next name, "PORT\nHOST", 24 drops it), so it
 * is found here, the same on both.
 */
export function parseDotenv(text: string, path: string): DotenvFile {
  const values: Record<string, string> = {};
  const refuse = (line: string) => new Error(`${path}: cannot read the line "${line}": write NAME=value`);
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (/\s/.test(name)) throw refuse(name.split('\n')[0]?.trim() ?? name);
    if (value !== undefined) values[name] = value;
  }
  // A line that is neither blank, a comment nor NAME=…, and not a line of a multi-line value (its
  // first or last line carries the quote).
  const valueLines = new Set(
    Object.values(values).flatMap((value) => value.split('\n').map((line) => line.trim())),
  );
  for (const line of text.split(/\r?\n/).map((line) => line.trim())) {
    if (
      line !== '' &&
      !line.startsWith('#') &&
      !line.includes('=') &&
      !valueLines.has(line.replace(/^["'`]|["'`]$/g, ''))
    ) {
      throw refuse(line);
    }
  }
  return { path, values };
}

/** `.env` in `dir`, or `undefined` when there is none. */
export async function readDotenv(dir: string): Promise<DotenvFile | undefined> {
  const path = join(dir, '.env');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  return parseDotenv(text, path);
}

/**
 * Sets in `env` each variable of the file that `env` does not have, as dotenv does (one already
 * set, even empty, wins), so what reads `process.env` itself (`NODE_ENV`, PostgreSQL's `PG*`)
 * sees the file too.
 */
export function applyDotenv(env: NodeJS.ProcessEnv, file: DotenvFile | undefined): void {
  for (const [name, value] of Object.entries(file?.values ?? {})) {
    if (env[name] === undefined) env[name] = value;
  }
}
