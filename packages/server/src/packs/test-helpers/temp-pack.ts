import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_PACK_DIR } from '../builtin.js';

/** A writable copy of the built-in pack in a temp folder, to break one file at a time. */
export interface TempPack {
  dir: string;
  read(file: string): Promise<string>;
  write(file: string, content: string | Buffer): Promise<void>;
  remove(file: string): Promise<void>;
  dispose(): Promise<void>;
}

export async function tempPack(): Promise<TempPack> {
  const dir = await mkdtemp(join(tmpdir(), 'carezone-pack-'));
  await cp(BUILTIN_PACK_DIR, dir, { recursive: true });
  return {
    dir,
    read: (file) => readFile(join(dir, file), 'utf8'),
    write: (file, content) => writeFile(join(dir, file), content),
    remove: (file) => rm(join(dir, file)),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
