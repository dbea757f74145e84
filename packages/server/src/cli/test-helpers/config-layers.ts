import type { ConfigLayers } from '../../settings/resolve-settings.js';

/** Settings from `environment` and, when given, a `.env` file holding `dotenv`, as a command gets them. */
export function configLayers(
  environment: Record<string, string> = {},
  dotenv?: Record<string, string>,
): ConfigLayers {
  return { environment, dotenv: dotenv && { path: '/work/.env', values: dotenv } };
}
