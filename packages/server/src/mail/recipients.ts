import type { ZoneDirectory } from '../zones/zone-directory.js';
import type { InboxSettings } from './mail-settings.js';

/**
 * The zone team's inbox: the operator's per-zone inbox first (an operator who sets one means it,
 * e.g. an intake address rather than the team's public one), else the zone pack's address (packs
 * leave unknown addresses empty, never invented), else the network-wide one. Empty when none is known.
 */
export function zoneTeamInbox(
  zoneId: string,
  directory: Pick<ZoneDirectory, 'zone'>,
  inboxes: InboxSettings,
): string[] {
  const configured = inboxes.zoneInboxes.get(zoneId);
  if (configured) return [...configured];
  const fromPack = directory.zone(zoneId)?.contact.email;
  return fromPack ? [fromPack] : [...inboxes.notifyTo];
}
