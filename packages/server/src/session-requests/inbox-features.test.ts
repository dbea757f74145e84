import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Migrator } from 'kysely';
import { createStaffToken } from '../staff/tokens.js';
import { migrationProvider } from '../storage/migrations/index.js';
import type { Storage } from '../storage/storage.js';
import type { StorageTarget } from '../storage/test-helpers/storage-targets.js';
import { freshStorages, postgresTarget, sqliteTarget } from '../storage/test-helpers/storage-targets.js';
import { createSessionRequest } from './create.js';
import {
  getSessionRequest,
  iterateSessionRequests,
  listSessionRequests,
  type SessionRequestFilter,
} from './read.js';
import { brusselsDayRange, searchPatterns } from './search.js';
import { changeSessionRequestStatus } from './status.js';
import { withoutBotFields } from './stored-input.js';
import { sampleInput } from './test-helpers/sample-input.js';

let keys = 0;
/** Stores a request (the sample, with `overrides`) and returns its id. */
async function storeRequest(
  storage: Storage,
  overrides: Parameters<typeof sampleInput>[0] = {},
  now?: () => Date,
): Promise<string> {
  const outcome = await createSessionRequest(storage, {
    input: withoutBotFields(sampleInput(overrides)),
    idempotencyKey: `key-inbox-${String(++keys).padStart(10, '0')}`,
    now,
  });
  assert.ok(outcome.kind === 'created');
  return outcome.created.id;
}

function inboxSuite(target: StorageTarget) {
  describe(`the inbox's session request features on ${target.kind}`, () => {
    const fresh = freshStorages(target);

    test('each status change records the token that made it; the history shows its label', async () => {
      const storage = await fresh();
      const team = await createStaffToken(storage.db, { zone: 'bxl-sud', label: 'Team Zuid' });
      const network = await createStaffToken(storage.db, { zone: null, label: 'Network office' });
      const id = await storeRequest(storage);
      await changeSessionRequestStatus(storage, {
        id,
        status: 'planned',
        visibleZone: 'bxl-sud',
        by: team.id,
      });
      await changeSessionRequestStatus(storage, { id, status: 'done', visibleZone: null, by: network.id });
      const request = await getSessionRequest(storage.db, id);
      assert.deepEqual(
        request?.history.map(({ status, by }) => [status, by]),
        [
          ['received', null],
          ['planned', 'Team Zuid'],
          ['done', 'Network office'],
        ],
      );
      const rows = await storage.db
        .selectFrom('session_request_history')
        .select(['seq', 'by_token'])
        .where('request_id', '=', id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        rows.map((row) => row.by_token),
        [null, team.id, network.id],
        'the token id is stored, the label joined when read',
      );
    });

    /** Ids of every request matching `filter`, newest first, read two at a time through the cursor. */
    async function idsPaged(storage: Storage, filter: SessionRequestFilter): Promise<string[]> {
      const ids: string[] = [];
      let after: { createdAt: string; id: string } | undefined;
      for (let pages = 0; pages < 20; pages++) {
        const page = await listSessionRequests(storage.db, { ...filter, after, limit: 2 });
        ids.push(...page.data.map((request) => request.id));
        const last = page.data.at(-1);
        if (page.nextCursor === null || !last) return ids;
        after = { createdAt: last.createdAt, id: last.id };
      }
      throw new Error('too many pages');
    }

    test('filters by topic, Brussels day and text, alone and together, and pages with the cursor', async () => {
      const storage = await fresh();
      const at = (iso: string) => () => new Date(iso);
      // 23:30 in Brussels (winter, UTC+1) on 1 March; 00:30 on 2 March; 00:30 on 1 July (summer, UTC+2).
      const lateMarch1 = await storeRequest(
        storage,
        { topics: ['diabetes'], organisation: { name: 'CPAS d’Ixelles', kind: 'municipal-social-service' } },
        at('2026-03-01T22:30:00.000Z'),
      );
      const earlyMarch2 = await storeRequest(
        storage,
        {
          topics: ['mental-health', 'diabetes'],
          contact: { name: 'Éloïse Dupont', email: 'eloise.dupont@example.org' },
        },
        at('2026-03-01T23:30:00.000Z'),
      );
      const july1 = await storeRequest(
        storage,
        { topics: ['mental-health'], organisation: { name: 'ÅLBORG 100%_zorg', kind: 'other' } },
        at('2026-06-30T22:30:00.000Z'),
      );
      const otherZone = await storeRequest(
        storage,
        {
          zone: 'bxl-nord',
          topics: ['diabetes'],
          contact: { name: 'Eloise Martin', email: 'em@example.org' },
        },
        at('2026-03-02T09:00:00.000Z'),
      );
      const ids = async (filter: SessionRequestFilter) => {
        const paged = await idsPaged(storage, filter);
        const all: string[] = [];
        for await (const request of iterateSessionRequests(storage.db, filter, 1)) all.push(request.id);
        assert.deepEqual(all, paged, 'the iterator reads what the pages read');
        return paged;
      };

      assert.deepEqual(await ids({ topic: 'diabetes' }), [otherZone, earlyMarch2, lateMarch1]);
      assert.deepEqual(await ids({ topic: 'diabetes', zone: 'bxl-sud' }), [earlyMarch2, lateMarch1]);
      assert.deepEqual(await ids({ topic: 'no-such-topic' }), []);

      assert.deepEqual(await ids({ from: '2026-03-02' }), [july1, otherZone, earlyMarch2]);
      assert.deepEqual(await ids({ to: '2026-03-01' }), [lateMarch1]);
      assert.deepEqual(await ids({ from: '2026-03-01', to: '2026-03-01' }), [lateMarch1]);
      assert.deepEqual(await ids({ from: '2026-07-01', to: '2026-07-01' }), [july1]);
      assert.deepEqual(await ids({ from: '2026-06-30', to: '2026-06-30' }), []);

      assert.deepEqual(await ids({ q: 'eloise' }), [otherZone, earlyMarch2], 'accents do not matter');
      assert.deepEqual(await ids({ q: 'ÉLOÏSE dupont' }), [earlyMarch2], 'nor case; every word must match');
      assert.deepEqual(await ids({ q: 'dupont@example' }), [earlyMarch2], 'the e-mail is searched');
      assert.deepEqual(await ids({ q: 'ixelles' }), [lateMarch1], 'the organisation is searched');
      assert.deepEqual(await ids({ q: 'alborg' }), [july1]);
      assert.deepEqual(await ids({ q: '100%_' }), [july1], 'wildcards are searched as text');
      assert.deepEqual(await ids({ q: '%' }), [july1]);
      assert.deepEqual(await ids({ q: '_' }), [july1]);
      assert.deepEqual(await ids({ q: 'martin', topic: 'diabetes', from: '2026-03-02', to: '2026-03-02' }), [
        otherZone,
      ]);
      assert.deepEqual(await ids({ q: 'Anna' }), [july1, lateMarch1], 'the sample contact of the others');
    });

    test('many requests in one second page without loss or repeat under a filter', async () => {
      const storage = await fresh();
      const same = () => new Date('2026-03-05T10:00:00.000Z');
      const wanted: string[] = [];
      for (let i = 0; i < 7; i++) {
        const topics = i % 2 === 0 ? ['diabetes'] : ['mental-health'];
        const id = await storeRequest(storage, { topics }, same);
        if (i % 2 === 0) wanted.push(id);
      }
      const paged = await idsPaged(storage, {
        topic: 'diabetes',
        from: '2026-03-05',
        to: '2026-03-05',
        q: 'anna',
      });
      assert.deepEqual([...paged].sort(), [...wanted].sort());
      assert.equal(new Set(paged).size, paged.length);
    });

    test('migration 0008 fills the search text and topics of requests stored before it', async () => {
      const storage = await fresh();
      const migrator = new Migrator({ db: storage.db, provider: migrationProvider });
      const down = await migrator.migrateTo('0007_history_by');
      assert.equal(down.error, undefined);
      const request = {
        ...withoutBotFields(sampleInput({ topics: ['diabetes', 'diabetes', 'other'] })),
        organisation: { name: 'Maison Médicale Ŝud', kind: 'health-service' },
      };
      await storage.db
        .insertInto('session_requests')
        .values({
          id: 'old-1',
          reference: 'CZ-OLD1-OLD1',
          zone_id: 'bxl-sud',
          status: 'received',
          request: JSON.stringify(request),
          created_at: '2025-01-01T10:00:00.000Z',
          updated_at: '2025-01-01T10:00:00.000Z',
        } as never)
        .execute();
      const up = await migrator.migrateToLatest();
      assert.equal(up.error, undefined);
      const row = await storage.db
        .selectFrom('session_requests')
        .select('search_text')
        .where('id', '=', 'old-1')
        .executeTakeFirstOrThrow();
      assert.equal(row.search_text, 'maison medicale sud\nanna peeters\nanna.peeters@example.be');
      const topics = await storage.db
        .selectFrom('session_request_topics')
        .select('topic')
        .where('request_id', '=', 'old-1')
        .orderBy('topic')
        .execute();
      assert.deepEqual(
        topics.map((t) => t.topic),
        ['diabetes', 'other'],
      );
      assert.deepEqual(
        (await listSessionRequests(storage.db, { q: 'médicale', topic: 'other', limit: 5 })).data.map(
          (r) => r.id,
        ),
        ['old-1'],
      );
    });
  });
}

describe('search helpers', () => {
  test('Brussels days: midnight in winter (UTC+1) and summer (UTC+2), the end exclusive', () => {
    assert.deepEqual(brusselsDayRange('2026-03-01', '2026-03-01'), {
      start: '2026-02-28T23:00:00.000Z',
      end: '2026-03-01T23:00:00.000Z',
    });
    assert.deepEqual(brusselsDayRange('2026-07-01', '2026-07-31'), {
      start: '2026-06-30T22:00:00.000Z',
      end: '2026-07-31T22:00:00.000Z',
    });
    // The day the clocks go forward (29 March 2026) is 23 hours long.
    assert.deepEqual(brusselsDayRange('2026-03-29', '2026-03-29'), {
      start: '2026-03-28T23:00:00.000Z',
      end: '2026-03-29T22:00:00.000Z',
    });
    assert.deepEqual(brusselsDayRange('2026-12-31', undefined), {
      start: '2026-12-30T23:00:00.000Z',
      end: undefined,
    });
  });

  test('search patterns: one per word, normalised, wildcards escaped', () => {
    assert.deepEqual(searchPatterns('  Éloïse   DUPONT '), ['%eloise%', '%dupont%']);
    assert.deepEqual(searchPatterns('100%_a\\b'), ['%100\\%\\_a\\\\b%']);
  });
});

inboxSuite(sqliteTarget());
inboxSuite(postgresTarget());
