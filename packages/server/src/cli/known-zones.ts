import { delimiter } from 'node:path';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { loadZoneDirectory } from '../zones/load-zone-directory.js';

/**
 * The zone ids of the packs `serve` would load (`--zonepack`, else `CAREZONE_ZONEPACK`, else the
 * built-in pack), so that a command refuses a zone the API would not know.
 */
export async function knownZones(
  zonepacks: string[] | undefined,
  env: NodeJS.ProcessEnv,
): Promise<Set<string>> {
  const packs = zonepacks ?? env.CAREZONE_ZONEPACK?.split(delimiter).filter(Boolean) ?? [];
  const directory = await loadZoneDirectory(packs.length > 0 ? packs : [BUILTIN_PACK_DIR]);
  return new Set(directory.zones({}).map((zone) => zone.id));
}
