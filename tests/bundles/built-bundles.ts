import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers.js';

/** The script-tag bundles as `npm run build` writes them (the tests read the build, never rebuild). */
export const CDN_DIR = join(REPO_ROOT, 'packages', 'widgets', 'dist', 'cdn');
export const ENTRIES = [
  'carezone-finder.js',
  'carezone-session-request.js',
  'carezone-news.js',
  'carezone.js',
] as const;
export type Entry = (typeof ENTRIES)[number];

/** Fails with the fix when the bundles are not there, instead of a bare ENOENT. */
export function assertBuilt(): void {
  for (const entry of ENTRIES) {
    if (!existsSync(join(CDN_DIR, entry))) {
      throw new Error(`${join(CDN_DIR, entry)} is missing: run \`npm run build\` first`);
    }
  }
}
