/** Debian's Chromium, or `CHROMIUM_PATH`. */
export const CHROMIUM_PATH: string;
/** The flags every headless run here needs. */
export const CHROMIUM_FLAGS: readonly string[];
