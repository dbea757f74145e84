import type { Kysely } from 'kysely';
import { createStaffToken, revokeStaffToken } from '../staff/tokens.js';
import type { Database } from '../storage/database.js';

/** The staff tokens the HTTP tests act with: two zone teams, the network, and one revoked. */
export interface TestStaffTokens {
  sud: string;
  nord: string;
  network: string;
  /** A bxl-sud token, revoked: refused like none. */
  revoked: string;
}

export async function createTestStaffTokens(db: Kysely<Database>): Promise<TestStaffTokens> {
  const revoked = await createStaffToken(db, { zone: 'bxl-sud', label: 'Old' });
  await revokeStaffToken(db, revoked.id);
  return {
    sud: (await createStaffToken(db, { zone: 'bxl-sud', label: 'Sud' })).token,
    nord: (await createStaffToken(db, { zone: 'bxl-nord', label: 'Nord' })).token,
    network: (await createStaffToken(db, { zone: null, label: 'Network' })).token,
    revoked: revoked.token,
  };
}
