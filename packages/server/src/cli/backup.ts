import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { storageOptionsOf } from '../settings/read-settings.js';
import { type ConfigLayers, resolveSettings, setBy } from '../settings/resolve-settings.js';
import { SQLITE_FILE_NAME } from '../storage/open-sqlite.js';
import { STORAGE_OPTIONS } from './cli-storage.js';
import type { CommandIO } from './command-io.js';
import { backupSqlite } from './sqlite-backup.js';
import { InputError, UsageError } from './usage-error.js';

/**
 * `carezone backup --to FILE [--data DIR]`: an online copy of the SQLite database of `serve`, safe
 * while the server runs. PostgreSQL has its own tool for that, and the answer says so.
 */
export async function backupCommand(args: string[], io: CommandIO, config: ConfigLayers): Promise<number> {
  const { values } = parseArgs({ args, options: { ...STORAGE_OPTIONS, to: { type: 'string' } } });
  if (!values.to) throw new UsageError('backup needs --to FILE');
  const settings = resolveSettings(config, values);
  const { dataDir, databaseUrl } = storageOptionsOf(settings);
  if (databaseUrl !== undefined) {
    io.error(
      'carezone: the database is PostgreSQL (DATABASE_URL): back it up with pg_dump, ' +
        'like pg_dump --format=custom --file=carezone.dump "$DATABASE_URL"',
    );
    return 1;
  }
  const dataSetting = settings.get('CAREZONE_DATA_DIR');
  if (dataDir === ':memory:') {
    throw new InputError(
      `${dataSetting.label} is :memory:, a database that lives only inside its server: nothing to back up`,
    );
  }
  const source = resolve(join(dataDir, SQLITE_FILE_NAME));
  if (!existsSync(source)) {
    throw new InputError(
      `no database at ${source} (the data folder ${dataDir} is ${setBy(dataSetting)}; is it the one serve uses?)`,
    );
  }
  const target = resolve(values.to);
  if (target === source || target.startsWith(`${source}-`)) {
    throw new InputError(`--to ${values.to} is the database itself: name a file elsewhere`);
  }
  const folder = await stat(dirname(target)).catch(() => undefined);
  if (!folder?.isDirectory())
    throw new InputError(`--to ${values.to}: the folder ${dirname(target)} does not exist`);
  const { bytes } = await backupSqlite(source, target);
  io.log(`Backed up ${source} to ${target} (${(bytes / 1024 / 1024).toFixed(1)} MB).`);
  return 0;
}
