import { fileURLToPath } from 'node:url';

/**
 * The Brussels pack shipped with the server. `src/packs/` and `dist/packs/` are at the same
 * depth, so the same relative path works from source and from the build.
 */
export const BUILTIN_PACK_DIR = fileURLToPath(new URL('../../packs/brussels/', import.meta.url));
