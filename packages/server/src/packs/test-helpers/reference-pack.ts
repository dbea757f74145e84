import { fileURLToPath } from 'node:url';

/** The reference pack of `../shared`, beside the repository; read in place, never copied. */
export const REFERENCE_PACK_DIR = fileURLToPath(
  new URL('../../../../../../shared/zonepacks/belgium-2025/', import.meta.url),
);
