import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { loadingPacks, zonepacksOf } from '../settings/read-settings.js';
import { type Settings, setBy } from '../settings/resolve-settings.js';
import { loadZoneDirectory } from '../zones/load-zone-directory.js';
import { InputError } from './usage-error.js';

/** The pack flag of the commands that check zones, as `serve` takes it. */
export const ZONEPACK_OPTIONS = { zonepack: { type: 'string', multiple: true } } as const;

export interface KnownZones {
  ids: ReadonlySet<string>;
  /** Throws an `InputError` for a zone the packs do not have, naming the packs and what chose them. */
  check(zones: readonly string[]): void;
}

/**
 * The zones of the packs `serve` loads with the same settings (`--zonepack`, `CAREZONE_ZONEPACK`
 * in the environment or `.env`, else the built-in pack), so that a command refuses a zone the API
 * would not know.
 */
export async function knownZones(settings: Settings): Promise<KnownZones> {
  const packs = zonepacksOf(settings);
  const directory = await loadingPacks(settings, () =>
    loadZoneDirectory(packs.length > 0 ? packs : [BUILTIN_PACK_DIR]),
  );
  const ids = new Set(directory.zones({}).map((zone) => zone.id));
  const names = directory.packs.map((pack) => pack.id);
  const packsText = `zone pack${names.length > 1 ? 's' : ''} ${names.join(', ')}`;
  return {
    ids,
    check(zones) {
      const unknown = zones.filter((zone) => !ids.has(zone));
      if (unknown.length === 0) return;
      throw new InputError(
        `unknown zone: ${unknown.join(', ')} (not in the ${packsText}, ${setBy(settings.get('CAREZONE_ZONEPACK'))})`,
      );
    },
  };
}
