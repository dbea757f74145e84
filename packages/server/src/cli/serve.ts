import { parseArgs } from 'node:util';
import { createLogger } from '../logger.js';
import { startServer } from '../server.js';
import { loadingPacks, logLevelOf, serverOptionsOf } from '../settings/read-settings.js';
import { type ConfigLayers, resolveSettings } from '../settings/resolve-settings.js';
import type { CommandIO } from './command-io.js';
import { SETTING_FLAGS } from './setting-flags.js';
import { bannerStream, startBanner } from './start-banner.js';

/**
 * `carezone serve`: checks every setting before anything starts, serves, says where in a few
 * plain lines, and stops gracefully on SIGTERM or SIGINT (a second signal stops at once).
 */
export async function serveCommand(args: string[], io: CommandIO, config: ConfigLayers): Promise<number> {
  const { values } = parseArgs({ args, options: SETTING_FLAGS });
  const settings = resolveSettings(config, values);
  const options = await serverOptionsOf(settings);
  const logger = createLogger(logLevelOf(settings));
  // Zones named by settings are checked once the packs are loaded: name the setting then too.
  const server = await loadingPacks(settings, () => settings.read(() => startServer({ ...options, logger })));

  const print = bannerStream(process.stdout) === 'stdout' ? io.log : io.error;
  const banner = startBanner({
    listening: server.url,
    publicUrl: options.publicUrl,
    examples: server.examplesDir !== undefined,
    widgets: server.widgetsDir !== undefined,
  });
  for (const line of banner) print(line);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1); // a second signal means "now"
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Never hang forever on a stuck connection.
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return 0;
}
