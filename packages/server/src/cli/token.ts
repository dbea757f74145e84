import { parseArgs } from 'node:util';
import { type ConfigLayers, resolveSettings } from '../settings/resolve-settings.js';
import { createStaffToken, listStaffTokens, revokeStaffToken } from '../staff/tokens.js';
import { STORAGE_OPTIONS, withCliStorage } from './cli-storage.js';
import { commandGroup } from './command-group.js';
import type { CommandIO } from './command-io.js';
import { knownZones, ZONEPACK_OPTIONS } from './known-zones.js';
import { UsageError } from './usage-error.js';

async function createCommand(args: string[], io: CommandIO, config: ConfigLayers): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...STORAGE_OPTIONS,
      ...ZONEPACK_OPTIONS,
      zone: { type: 'string' },
      'all-zones': { type: 'boolean' },
      label: { type: 'string' },
    },
  });
  const settings = resolveSettings(config, values);
  const allZones = values['all-zones'] === true;
  if ((values.zone === undefined) === !allZones) {
    throw new UsageError('token create needs either --zone ZONE or --all-zones');
  }
  const zone = values.zone ?? null;
  if (zone !== null) (await knownZones(settings)).check([zone]);
  const scope = zone === null ? 'all zones' : `zone ${zone}`;
  const label = values.label?.trim() || `${scope}, created ${new Date().toISOString().slice(0, 10)}`;
  const { id, token } = await withCliStorage(settings, (storage) =>
    createStaffToken(storage.db, { zone, label }),
  );
  // The token alone on stdout, so `TOKEN=$(carezone token create …)` captures just it.
  io.log(token);
  io.error(`Created token ${id} for ${scope} ("${label}").`);
  io.error('This is the only time the token is shown: only its hash is stored. Keep it somewhere safe now.');
  return 0;
}

async function listCommand(args: string[], io: CommandIO, config: ConfigLayers): Promise<number> {
  const { values } = parseArgs({ args, options: STORAGE_OPTIONS });
  const tokens = await withCliStorage(resolveSettings(config, values), (storage) =>
    listStaffTokens(storage.db),
  );
  if (tokens.length === 0) {
    io.error('No staff tokens yet: carezone token create --zone ZONE');
    return 0;
  }
  const rows = [
    ['ID', 'ZONE', 'CREATED', 'REVOKED', 'LABEL'],
    ...tokens.map((token) => [
      token.id,
      token.zone ?? '(all zones)',
      token.createdAt.slice(0, 19).replace('T', ' '),
      token.revokedAt === null ? '-' : token.revokedAt.slice(0, 19).replace('T', ' '),
      token.label,
    ]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  for (const row of rows) {
    io.log(
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
        .join('  '),
    );
  }
  return 0;
}

async function revokeCommand(args: string[], io: CommandIO, config: ConfigLayers): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: STORAGE_OPTIONS, allowPositionals: true });
  const [id, ...extra] = positionals;
  if (id === undefined || extra.length > 0) throw new UsageError('token revoke needs exactly one token id');
  const revoked = await withCliStorage(resolveSettings(config, values), (storage) =>
    revokeStaffToken(storage.db, id),
  );
  if (!revoked) {
    io.error(`No active token with id ${id} (see carezone token list).`);
    return 1;
  }
  io.log(`Revoked token ${id}.`);
  return 0;
}

/** `carezone token create|list|revoke …`: the zone teams' bearer tokens. */
export const tokenCommand = commandGroup('token', {
  create: createCommand,
  list: listCommand,
  revoke: revokeCommand,
});
