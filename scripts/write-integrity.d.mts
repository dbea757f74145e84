export const INTEGRITY_FILE: string;
export function sriHash(bytes: Uint8Array | string): string;
export function integrityOf(
  dir: string,
  version: string,
): { version: string; algorithm: 'sha384'; files: Record<string, string> };
