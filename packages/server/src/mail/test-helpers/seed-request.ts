import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CONFIRM_REQUESTER, NOTIFY_ZONE } from '../../session-requests/outbox-kinds.js';
import type { StoredSessionRequestInput } from '../../session-requests/stored-input.js';
import type { Database } from '../../storage/database.js';

/** A complete form, every optional field filled, with values a test can look for. */
export function sampleRequest(overrides: Partial<StoredSessionRequestInput> = {}): StoredSessionRequestInput {
  return {
    organisation: { name: 'CPAS de Forest', kind: 'municipal-social-service' },
    zone: 'bxl-sud',
    contact: { name: 'Éloïse Dupont', email: 'eloise.dupont@example.org', phone: '+32 2 555 01 23' },
    topics: ['diabetes', 'palliative-care', 'other'],
    otherTopic: 'Santé des aînés',
    format: 'on-site',
    preferredPeriod: 'Printemps 2026',
    participants: 25,
    language: 'bilingual',
    locale: 'fr',
    message: 'Bonjour,\nNous aimerions une séance pour notre équipe.',
    consent: true,
    ...overrides,
  };
}

export interface SeededRequest {
  id: string;
  reference: string;
  notifyZoneId: string;
  confirmRequesterId: string;
}

let counter = 0;

/** Stores a request and its two outbox rows the way the intake does, in one transaction. */
export async function seedRequest(
  db: Kysely<Database>,
  request: StoredSessionRequestInput = sampleRequest(),
  at: Date = new Date(),
): Promise<SeededRequest> {
  const id = randomUUID();
  const reference = `CZ-TEST-${String(++counter).padStart(4, '0')}`;
  const notifyZoneId = randomUUID();
  const confirmRequesterId = randomUUID();
  const time = at.toISOString();
  const payload = JSON.stringify({ requestId: id });
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('session_requests')
      .values({
        id,
        reference,
        zone_id: request.zone,
        status: 'received',
        request: JSON.stringify(request),
        created_at: time,
        updated_at: time,
      })
      .execute();
    await trx
      .insertInto('session_request_history')
      .values({ request_id: id, seq: 0, status: 'received', note: null, at: time })
      .execute();
    await trx
      .insertInto('outbox')
      .values(
        [
          [notifyZoneId, NOTIFY_ZONE],
          [confirmRequesterId, CONFIRM_REQUESTER],
        ].map(([rowId, kind]) => ({
          id: rowId as string,
          kind: kind as string,
          payload,
          created_at: time,
          next_attempt_at: time,
          delivered_at: null,
          last_error: null,
          request_id: id,
        })),
      )
      .execute();
  });
  return { id, reference, notifyZoneId, confirmRequesterId };
}
