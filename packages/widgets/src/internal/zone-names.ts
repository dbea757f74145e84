import type { LangMap, PublicClient } from '@carezone/sdk';

// Zone names change only when the server restarts with other packs: one `zones.list` per client
// and page, whatever the number of items that name a zone. A failed request is forgotten, so a
// later render asks again.
const namesByClient = new WeakMap<PublicClient, Promise<Map<string, LangMap>>>();

/** Every zone's name by its id, in all the languages the packs give. */
export function zoneNamesOf(client: PublicClient): Promise<Map<string, LangMap>> {
  let names = namesByClient.get(client);
  if (!names) {
    names = client.zones.list().then((zones) => new Map(zones.map((zone) => [zone.id, zone.name])));
    namesByClient.set(client, names);
    names.catch(() => namesByClient.delete(client));
  }
  return names;
}
