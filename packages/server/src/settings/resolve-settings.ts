import { delimiter } from 'node:path';
import type { DotenvFile } from './dotenv.js';
import { SETTINGS, type SettingDefinition, type SettingName } from './setting-definitions.js';

/** Where a setting's value came from, highest first. */
export type SettingSource = 'flag' | 'environment' | '.env' | 'default';

/** What settings are read from besides a command's own flags. */
export interface ConfigLayers {
  /** The process's environment as it was before `.env` was read. */
  environment: Readonly<Record<string, string | undefined>>;
  /** The `.env` file of the working directory, when there is one. */
  dotenv?: DotenvFile | undefined;
}

/** A command's flags as `parseArgs` gives them. */
export type FlagValues = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

export interface ResolvedSetting {
  definition: SettingDefinition;
  source: SettingSource;
  /** As written; `undefined` from the default. An empty variable is kept as `''`. */
  text: string | undefined;
  /** What applies: `text`, except that an empty variable counts as unset (`undefined`). */
  value: string | undefined;
  /** Of a list setting: each value (flags as given, a variable split on the path delimiter). */
  values: readonly string[];
  /** How a message names it: `--port`, `PORT`, or `PORT (from .env)`. */
  label: string;
}

/** Every setting in force for one command, with where it came from. */
export interface Settings {
  readonly all: readonly ResolvedSetting[];
  readonly dotenv: DotenvFile | undefined;
  get(name: SettingName): ResolvedSetting;
  /** The value in force, `undefined` when the default applies. */
  value(name: SettingName): string | undefined;
  /** The values in force by variable name, for the readers that take an environment. */
  asEnvironment(): Record<string, string>;
  /**
   * Runs `read` (or awaits it, when it returns a promise); an error whose message starts with the
   * name of a setting is rethrown as a `SettingError` naming the setting as the operator set it
   * (`PORT (from .env) must be …`), so they know where to look.
   */
  read<T>(read: () => T): T;
}

/** A setting's value cannot be used: one line naming it, exit code 1, no usage text. */
export class SettingError extends Error {
  override name = 'SettingError';
}

function resolveOne(definition: SettingDefinition, flags: FlagValues, layers: ConfigLayers): ResolvedSetting {
  const fromFlag = definition.flag === undefined ? undefined : flags[definition.flag];
  if (typeof fromFlag === 'string' || Array.isArray(fromFlag)) {
    const values = typeof fromFlag === 'string' ? [fromFlag] : (fromFlag as readonly string[]);
    const text = values.join(delimiter);
    return { definition, source: 'flag', text, value: text, values, label: `--${definition.flag}` };
  }
  const fromEnvironment = layers.environment[definition.name];
  const fromDotenv = layers.dotenv?.values[definition.name];
  // dotenv's rule: a variable set in the environment, even empty, wins over the file.
  const [source, text] =
    fromEnvironment !== undefined
      ? (['environment', fromEnvironment] as const)
      : fromDotenv !== undefined
        ? (['.env', fromDotenv] as const)
        : (['default', undefined] as const);
  const value = text === '' ? undefined : text;
  const values =
    value === undefined ? [] : definition.list ? value.split(delimiter).filter(Boolean) : [value];
  const label = source === '.env' ? `${definition.name} (from .env)` : definition.name;
  return { definition, source, text, value, values, label };
}

/** `set by --data`, `set by CAREZONE_DATA_DIR in .env`, …: for a message about what the setting chose. */
export function setBy({ source, definition }: ResolvedSetting): string {
  if (source === 'flag') return `set by --${definition.flag}`;
  if (source === '.env') return `set by ${definition.name} in .env`;
  if (source === 'environment') return `set by ${definition.name}`;
  const flag = definition.flag === undefined ? '' : `--${definition.flag} or `;
  return `the default; ${flag}${definition.name} (environment or .env) sets it`;
}

/** Resolves every setting: `flags` first, then the environment, then `.env`, then the default. */
export function resolveSettings(layers: ConfigLayers, flags: FlagValues = {}): Settings {
  const all = SETTINGS.map((definition) => resolveOne(definition, flags, layers));
  const byName = new Map(all.map((setting) => [setting.definition.name, setting]));
  const get = (name: SettingName): ResolvedSetting => {
    const setting = byName.get(name);
    if (!setting) throw new Error(`no setting ${name}`);
    return setting;
  };
  return {
    all,
    dotenv: layers.dotenv,
    get,
    value: (name) => get(name).value,
    asEnvironment: () =>
      Object.fromEntries(
        all.flatMap((setting) =>
          setting.value === undefined ? [] : [[setting.definition.name, setting.value]],
        ),
      ),
    read(read) {
      try {
        const result = read();
        if (!(result instanceof Promise)) return result;
        return result.catch((error: unknown) => {
          throw nameTheSource(error, all);
        }) as typeof result;
      } catch (error) {
        throw nameTheSource(error, all);
      }
    },
  };
}

function nameTheSource(error: unknown, all: readonly ResolvedSetting[]): unknown {
  if (!(error instanceof Error) || error instanceof SettingError) return error;
  const startsWith = (name: string) =>
    error.message.startsWith(name) && !/^\w/.test(error.message.slice(name.length));
  // Already named as set (`--port`, `PORT (from .env)`), or by its variable alone.
  const named = all.find((setting) => startsWith(setting.label) || startsWith(setting.definition.name));
  if (!named) return error;
  const rest = startsWith(named.label)
    ? error.message.slice(named.label.length)
    : error.message.slice(named.definition.name.length);
  return new SettingError(named.label + rest);
}
