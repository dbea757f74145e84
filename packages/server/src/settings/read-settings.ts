import type { Topic } from '@carezone/contract';
import { intakeSettingsFromEnv } from '../http/intake-settings.js';
import { parsePublicUrl } from '../http/public-origin.js';
import { mailSettingsFromEnv } from '../mail/mail-settings.js';
import { newsPollSettingsFromEnv } from '../news/poll/poll-settings.js';
import { isPackError } from '../packs/pack-types.js';
import { retentionDaysFromEnv } from '../retention/retention-settings.js';
import type { ServerOptions } from '../server.js';
import { DEFAULT_TOPICS, loadTopicsFile } from '../session-requests/topics.js';
import type { StorageOptions } from '../storage/storage.js';
import { parseIntegerSetting } from './integer-setting.js';
import { SettingError, type Settings } from './resolve-settings.js';
import { DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_LOG_LEVEL, DEFAULT_PORT } from './setting-definitions.js';

// Typed readers of the resolved settings: every command reads a setting through these, so that a
// pack or a database set in one place (flag, environment, .env) is the same for all of them.

/** 0 is a free port the system picks, as the tests use it. */
const PORT = { min: 0, max: 65535 } as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The database `serve` uses: `DATABASE_URL` (PostgreSQL), else SQLite in the data folder. */
export function storageOptionsOf(settings: Settings): StorageOptions {
  return {
    dataDir: settings.value('CAREZONE_DATA_DIR') ?? DEFAULT_DATA_DIR,
    databaseUrl: settings.value('DATABASE_URL'),
  };
}

/** The zone pack folders; none means the built-in pack. */
export function zonepacksOf(settings: Settings): string[] {
  return [...settings.get('CAREZONE_ZONEPACK').values];
}

/**
 * Runs `load`, which loads the zone packs; a pack that cannot be loaded is named with the setting
 * that chose it (`CAREZONE_ZONEPACK (from .env): zone pack … has 2 error(s) …`).
 */
export async function loadingPacks<T>(settings: Settings, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const { source, label } = settings.get('CAREZONE_ZONEPACK');
    if (source === 'default' || !isPackError(error)) throw error;
    throw new SettingError(`${label}: ${error.message}`);
  }
}

export function logLevelOf(settings: Settings): string {
  const { value, label } = settings.get('LOG_LEVEL');
  if (value === undefined) return DEFAULT_LOG_LEVEL;
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new SettingError(`${label} must be one of ${LOG_LEVELS.join(', ')}, not ${JSON.stringify(value)}`);
  }
  return value;
}

export function retentionDaysOf(settings: Settings): number {
  return settings.read(() => retentionDaysFromEnv(settings.asEnvironment()));
}

/** The session topics: `CAREZONE_TOPICS` (a JSON file, read and checked now), else the built-in ones. */
export async function topicsOf(settings: Settings): Promise<readonly Topic[]> {
  const { value, label } = settings.get('CAREZONE_TOPICS');
  if (value === undefined) return DEFAULT_TOPICS;
  try {
    return await loadTopicsFile(value);
  } catch (error) {
    throw new SettingError(`${label}: ${(error as Error).message}`);
  }
}

/**
 * Everything `serve` takes from its settings, checked: the first bad value throws a `SettingError`
 * naming the setting as the operator set it. Zones named by settings are checked by `startServer`,
 * once the packs are loaded.
 */
export async function serverOptionsOf(settings: Settings): Promise<ServerOptions> {
  const env = settings.asEnvironment();
  const port = settings.get('PORT');
  const publicUrl = settings.get('CAREZONE_PUBLIC_URL');
  const storage = storageOptionsOf(settings);
  const intake = settings.read(() => intakeSettingsFromEnv(env));
  const topics = await topicsOf(settings);
  return settings.read(() => ({
    port:
      port.value === undefined
        ? DEFAULT_PORT
        : parseIntegerSetting(port.value, { ...PORT, name: port.label }),
    host: settings.value('HOST') ?? DEFAULT_HOST,
    zonepacks: zonepacksOf(settings),
    ...storage,
    widgetsDir: settings.value('CAREZONE_WIDGETS_DIR'),
    examplesDir: settings.value('CAREZONE_EXAMPLES_DIR'),
    publicUrl: publicUrl.value === undefined ? undefined : parsePublicUrl(publicUrl.value, publicUrl.label),
    ...intake,
    topics,
    mail: mailSettingsFromEnv(env, storage.dataDir),
    retentionDays: retentionDaysFromEnv(env),
    newsPolling: newsPollSettingsFromEnv(env),
  }));
}
