import { parseArgs } from 'node:util';
import { maskSecrets } from '../settings/mask-secrets.js';
import { logLevelOf, serverOptionsOf } from '../settings/read-settings.js';
import {
  type ConfigLayers,
  type ResolvedSetting,
  resolveSettings,
  type Settings,
} from '../settings/resolve-settings.js';
import { SETTINGS } from '../settings/setting-definitions.js';
import { VERSION } from '../version.js';
import type { CommandIO } from './command-io.js';
import { SETTING_FLAGS } from './setting-flags.js';

export interface ConfigRow {
  name: string;
  /** `--port`, for the settings a flag can set. */
  flag: string | undefined;
  source: ResolvedSetting['source'];
  /** As set, secrets masked; `null` when the default applies (unset, or an empty variable). */
  value: string | null;
  /** What applies when it is not set: a value, or in parentheses what the server does instead. */
  default: string;
}

export function configRows(settings: Settings): ConfigRow[] {
  const text = (name: string) => settings.all.find((setting) => setting.definition.name === name)?.value;
  return settings.all.map(({ definition, source, value }) => ({
    name: definition.name,
    flag: 'flag' in definition && definition.flag ? `--${definition.flag}` : undefined,
    source,
    value: value === undefined ? null : maskSecrets(definition.name, value),
    default: typeof definition.fallback === 'string' ? definition.fallback : definition.fallback(text),
  }));
}

/** The first bad value, as `serve` would refuse it (zones named by settings need the packs: not checked). */
async function firstProblem(settings: Settings): Promise<string | undefined> {
  try {
    logLevelOf(settings);
    await serverOptionsOf(settings);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** `CAREZONE_…` variables that are no setting: a typo there would otherwise be ignored in silence. */
function unknownVariables(config: ConfigLayers): string[] {
  const known = new Set<string>(SETTINGS.map((setting) => setting.name));
  const found = [
    ...Object.keys(config.environment).map((name) => ({ name, where: 'environment' })),
    ...Object.keys(config.dotenv?.values ?? {}).map((name) => ({ name, where: '.env' })),
  ];
  return found
    .filter(
      ({ name }) => name.startsWith('CAREZONE_') && !name.startsWith('CAREZONE_TEST_') && !known.has(name),
    )
    .map(({ name, where }) => `${name} (${where})`);
}

function table(rows: ConfigRow[]): string[] {
  const cells = [
    ['SETTING', 'SOURCE', 'VALUE'],
    ...rows.map((row) => [
      row.name,
      row.source,
      row.value === null
        ? row.source === 'default'
          ? row.default
          : `${row.default} (set empty, so the default)`
        : row.value,
    ]),
  ];
  const widths = [0, 1].map((column) => Math.max(...cells.map((cell) => cell[column]?.length ?? 0)));
  return cells.map(([name = '', source = '', value = '']) =>
    `${name.padEnd(widths[0] ?? 0)}  ${source.padEnd(widths[1] ?? 0)}  ${value}`.trimEnd(),
  );
}

/**
 * `carezone config [--json] [flags of serve]`: every setting, where it came from and its value
 * (passwords and secrets masked), then the first bad value if there is one (exit code 1).
 */
export async function configCommand(args: string[], io: CommandIO, config: ConfigLayers): Promise<number> {
  const { values } = parseArgs({ args, options: { ...SETTING_FLAGS, json: { type: 'boolean' } } });
  const { json, ...flags } = values;
  const settings = resolveSettings(config, flags);
  const rows = configRows(settings);
  const problem = await firstProblem(settings);
  const dotenv = config.dotenv?.path ?? null;
  if (json) {
    io.log(JSON.stringify({ version: VERSION, dotenv, settings: rows, problem: problem ?? null }, null, 2));
  } else {
    io.log(
      `carezone ${VERSION}: each setting from its flag, else the environment, else ` +
        `${dotenv ?? '.env (none in this folder)'}, else its default`,
    );
    for (const line of table(rows)) io.log(line);
  }
  for (const variable of unknownVariables(config)) {
    io.error(`carezone: warning: ${variable} is not a setting of carezone, and is ignored`);
  }
  if (problem === undefined) return 0;
  io.error(`carezone: ${problem}`);
  return 1;
}
