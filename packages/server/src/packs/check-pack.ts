import { PackError, type PackProblem, type ZonePack } from './pack-types.js';
import { readPack } from './read-pack.js';

/** Every problem of the pack in `dir`, errors and warnings, in file order. */
export async function checkPack(dir: string): Promise<PackProblem[]> {
  return (await readPack(dir)).problems;
}

/** The pack in `dir`; throws a `PackError` listing every problem when it has any error. */
export async function loadPack(dir: string): Promise<ZonePack> {
  const { pack, problems } = await readPack(dir);
  if (!pack) throw new PackError(dir, problems);
  return pack;
}
