import { SETTINGS } from '../settings/setting-definitions.js';

type FlagOption = { type: 'string'; multiple?: boolean };

/** The `parseArgs` options of the settings a flag can set, `--port` to `--public-url`. */
export const SETTING_FLAGS: Readonly<Record<string, FlagOption>> = Object.fromEntries(
  SETTINGS.flatMap((setting) =>
    'flag' in setting
      ? [[setting.flag, 'list' in setting ? { type: 'string', multiple: true } : { type: 'string' }]]
      : [],
  ),
);
