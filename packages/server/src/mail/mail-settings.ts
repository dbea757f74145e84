import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where e-mails to a zone team go when its zone pack gives no e-mail address. */
export interface InboxSettings {
  /** Per zone id (`CAREZONE_ZONE_INBOXES`). */
  zoneInboxes: ReadonlyMap<string, readonly string[]>;
  /** Network-wide fallback (`CAREZONE_NOTIFY_TO`); empty: none. */
  notifyTo: readonly string[];
}

export interface MailSettings {
  /** `smtp://…` or `smtps://…`; `undefined`: write `.eml` files to `dir` instead of sending. */
  smtpUrl: string | undefined;
  from: string;
  /** The folder of `.eml` files when there is no SMTP server. */
  dir: string;
  /** The folder belongs to this server alone (an in-memory database): removed when it stops. */
  throwawayDir?: boolean;
  inboxes: InboxSettings;
}

/** `.invalid` (RFC 2606) says plainly that nobody reads it; fine for files, refused for SMTP. */
export const DEFAULT_MAIL_FROM = 'Carezone <noreply@carezone.invalid>';
export const MAIL_DIR_NAME = 'outbox-mail';

const SMTP_URL = /^smtps?:\/\/[^/]/i;
const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;
const SENDER = /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;

function addresses(list: string, variable: string): string[] {
  const found = list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const address of found) {
    if (!ADDRESS.test(address)) throw new Error(`${variable}: "${address}" is not an e-mail address`);
  }
  return found;
}

/** `bxl-sud=team@example.org,bxl-nord=a@example.org,bxl-nord=b@example.org`: a zone may repeat. */
export function parseZoneInboxes(text: string): Map<string, string[]> {
  const inboxes = new Map<string, string[]>();
  for (const entry of text.split(',')) {
    if (entry.trim() === '') continue;
    const [zone, address, ...rest] = entry.split('=').map((part) => part.trim());
    if (!zone || !address || rest.length > 0 || !ADDRESS.test(address)) {
      throw new Error(`CAREZONE_ZONE_INBOXES: "${entry.trim()}" is not zone=address`);
    }
    inboxes.set(zone, [...(inboxes.get(zone) ?? []), address]);
  }
  return inboxes;
}

/**
 * Reads the mail settings from the environment. Throws on a setting that would make mail go
 * nowhere silently (a malformed URL or address), so the server refuses to start instead.
 */
export function mailSettingsFromEnv(env: NodeJS.ProcessEnv, dataDir: string): MailSettings {
  const smtpUrl = env.CAREZONE_SMTP_URL?.trim() || undefined;
  if (smtpUrl !== undefined && !SMTP_URL.test(smtpUrl)) {
    throw new Error('CAREZONE_SMTP_URL must start with smtp:// or smtps://');
  }
  const from = env.CAREZONE_MAIL_FROM?.trim() || undefined;
  if (smtpUrl !== undefined && from === undefined) {
    throw new Error(
      'CAREZONE_SMTP_URL is set but CAREZONE_MAIL_FROM is not: say which address mail comes from',
    );
  }
  if (from !== undefined && !SENDER.test(from)) {
    throw new Error(
      `CAREZONE_MAIL_FROM: "${from}" is not an address (name@example.org or Name <name@example.org>)`,
    );
  }
  // An in-memory database keeps nothing: its mail goes to a folder of its own, readable while the
  // server runs and removed with it, so throwaway servers (tests, demos) leave no mail behind.
  const configuredDir = env.CAREZONE_MAIL_DIR?.trim() || undefined;
  const throwawayDir = configuredDir === undefined && dataDir === ':memory:';
  const defaultDir = throwawayDir
    ? join(tmpdir(), `carezone-outbox-mail-${process.pid}-${randomBytes(4).toString('hex')}`)
    : join(dataDir, MAIL_DIR_NAME);
  return {
    smtpUrl,
    from: from ?? DEFAULT_MAIL_FROM,
    dir: configuredDir ?? defaultDir,
    throwawayDir,
    inboxes: {
      zoneInboxes: parseZoneInboxes(env.CAREZONE_ZONE_INBOXES ?? ''),
      notifyTo: addresses(env.CAREZONE_NOTIFY_TO ?? '', 'CAREZONE_NOTIFY_TO'),
    },
  };
}

/**
 * Throws when `CAREZONE_ZONE_INBOXES` names a zone the loaded packs do not have: a typo there
 * would send the zone's mail to the pack's address or the network's instead, with nothing said.
 * Checked at start, once the packs are loaded.
 */
export function checkZoneInboxZones(inboxes: InboxSettings, knownZones: ReadonlySet<string>): void {
  const unknown = [...inboxes.zoneInboxes.keys()].filter((zone) => !knownZones.has(zone));
  if (unknown.length > 0) {
    throw new Error(
      `CAREZONE_ZONE_INBOXES: unknown zone ${unknown.join(', ')} ` +
        '(see GET /v1/zones for the ids of the loaded packs)',
    );
  }
}
