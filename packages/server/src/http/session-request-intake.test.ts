import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MIN_FILL_TIME_MS, SessionRequestCreated, TopicList } from '@carezone/contract';
import type { Hono } from 'hono';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { REFERENCE_PATTERN } from '../session-requests/reference.js';
import { SAMPLE_PERSONAL_DATA, sampleInput } from '../session-requests/test-helpers/sample-input.js';
import { DEFAULT_TOPICS } from '../session-requests/topics.js';
import type { Storage } from '../storage/storage.js';
import { createTestApp, withTestApp } from '../test-helpers/app.js';
import { uncachedProblemOf } from '../test-helpers/http.js';
import { memoryLogger } from '../test-helpers/memory-logger.js';
import { newKey, postSessionRequest } from '../test-helpers/session-request-requests.js';

let app: Hono;
let storage: Storage;
let close: () => Promise<void>;
const log = memoryLogger();
before(async () => {
  ({ app, storage, close } = await createTestApp([REFERENCE_PACK_DIR], {
    logger: log.logger,
    rateLimits: { perAddress: 'off', perZone: 'off' },
  }));
});
after(async () => {
  // Whatever the requests above did, not a word of the form reached the log.
  const text = log.text();
  assert.ok(log.lines.length > 20, 'the requests were logged');
  for (const personal of SAMPLE_PERSONAL_DATA)
    assert.ok(!text.includes(personal), `"${personal}" in the log`);
  assert.ok(!text.includes('OCMW'), 'the organisation is not logged');
  await close();
});

async function storedCount() {
  const rows = await storage.db.selectFrom('session_requests').select('id').execute();
  return rows.length;
}

describe('GET /v1/topics', () => {
  test('lists the default topics, complete in four languages, with an ETag', async () => {
    const response = await app.request('/v1/topics');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('etag') ?? '', /^W\//);
    const list = TopicList.parse(await response.json());
    assert.deepEqual(list.data, DEFAULT_TOPICS);
    for (const id of [
      'diabetes',
      'palliative-care',
      'mental-health',
      'addiction',
      'care-pathway',
      'access-to-care',
      'insurability',
    ]) {
      assert.ok(
        list.data.some((topic) => topic.id === id),
        id,
      );
    }
    for (const topic of list.data)
      for (const label of Object.values(topic.label)) assert.ok(label.length > 0);
    const again = await app.request('/v1/topics', {
      headers: { 'if-none-match': response.headers.get('etag') ?? '' },
    });
    assert.equal(again.status, 304);
  });

  test('a deployment’s own topics replace the default', async () => {
    const topics = [
      { id: 'vaccination', label: { nl: 'Vaccinatie', fr: 'Vaccination', en: 'Vaccination', de: 'Impfung' } },
    ];
    await withTestApp({ topics }, async (custom) => {
      assert.deepEqual(TopicList.parse(await (await custom.request('/v1/topics')).json()).data, topics);
      const refused = await postSessionRequest(custom, sampleInput({ topics: ['diabetes'] }));
      assert.equal((await uncachedProblemOf(refused, 422)).errors?.[0]?.path, 'topics.0');
      assert.equal((await postSessionRequest(custom, sampleInput({ topics: ['vaccination'] }))).status, 201);
    });
  });
});

describe('POST /v1/session-requests', () => {
  test('a valid form is stored and answered 201 with a reference, not cached', async () => {
    const response = await postSessionRequest(app, sampleInput());
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const created = SessionRequestCreated.parse(await response.json());
    assert.equal(created.status, 'received');
    assert.match(created.reference, REFERENCE_PATTERN);
    const row = await storage.db
      .selectFrom('session_requests')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirst();
    assert.equal(row?.reference, created.reference);
    const outbox = await storage.db
      .selectFrom('outbox')
      .select('kind')
      .where('payload', '=', JSON.stringify({ requestId: created.id }))
      .execute();
    assert.equal(outbox.length, 2);
  });

  test('a form without the optional fields and without fill time is accepted', async () => {
    const { phone: _phone, ...contact } = sampleInput().contact;
    const {
      website: _w,
      fillTimeMs: _f,
      message: _m,
      preferredPeriod: _p,
      participants: _n,
      locale: _l,
      ...minimal
    } = sampleInput();
    const response = await postSessionRequest(app, { ...minimal, contact });
    assert.equal(response.status, 201);
  });

  test('validation problems name each field', async () => {
    const before = await storedCount();
    const body = {
      ...sampleInput(),
      organisation: { name: '   ', kind: 'bank' },
      contact: { name: 'A', email: 'not-an-email' },
      topics: [],
      consent: false,
      participants: 0,
    };
    const problem = await uncachedProblemOf(await postSessionRequest(app, body), 422);
    assert.equal(problem.code, 'VALIDATION_FAILED');
    const paths = (problem.errors ?? []).map((error) => error.path).sort();
    assert.deepEqual(paths, [
      'consent',
      'contact.email',
      'organisation.kind',
      'organisation.name',
      'participants',
      'topics',
    ]);
    for (const error of problem.errors ?? []) assert.ok(error.code && error.message, JSON.stringify(error));
    assert.equal(await storedCount(), before);
  });

  test('a body that is not an object, or a missing field, is a validation problem', async () => {
    assert.equal((await uncachedProblemOf(await postSessionRequest(app, '[]'), 422)).errors?.[0]?.path, '');
    const { zone: _zone, ...withoutZone } = sampleInput();
    const problem = await uncachedProblemOf(await postSessionRequest(app, withoutZone), 422);
    assert.deepEqual(problem.errors, [{ path: 'zone', code: 'invalid_type', message: 'is required' }]);
  });

  test('an unknown zone or topic is refused with its path', async () => {
    const problem = await uncachedProblemOf(
      await postSessionRequest(
        app,
        sampleInput({ zone: 'atlantis', topics: ['diabetes', 'astrology', 'diabetes'] }),
      ),
      422,
    );
    assert.deepEqual(
      problem.errors?.map(({ path, code }) => ({ path, code })),
      [
        { path: 'zone', code: 'unknown_zone' },
        { path: 'topics.1', code: 'unknown_topic' },
        { path: 'topics.2', code: 'duplicate_topic' },
      ],
    );
  });

  test('"other" is always a topic, and then says what it is', async () => {
    const missing = await uncachedProblemOf(
      await postSessionRequest(app, sampleInput({ topics: ['other'] })),
      422,
    );
    assert.equal(missing.errors?.[0]?.path, 'otherTopic');
    const response = await postSessionRequest(
      app,
      sampleInput({ topics: ['other'], otherTopic: 'Oral health' }),
    );
    assert.equal(response.status, 201);
  });

  test('malformed JSON is 400 VALIDATION_FAILED', async () => {
    for (const text of ['{"zone": ', '', 'null x', '\u0000']) {
      const problem = await uncachedProblemOf(await postSessionRequest(app, text), 400);
      assert.equal(problem.code, 'VALIDATION_FAILED', JSON.stringify(text));
      assert.equal(problem.errors?.[0]?.code, 'invalid_json');
    }
  });

  test('the Idempotency-Key is required and must look like one', async () => {
    const missing = await uncachedProblemOf(await postSessionRequest(app, sampleInput(), { key: null }), 400);
    assert.equal(missing.code, 'INVALID_QUERY');
    assert.equal(missing.errors?.[0]?.path, 'Idempotency-Key');
    for (const key of ['short', 'x'.repeat(101), 'has spaces in it, sixteen+', 'key/with/slashes/0123456']) {
      const response = await postSessionRequest(app, sampleInput(), { key });
      assert.equal((await uncachedProblemOf(response, 400)).errors?.[0]?.path, 'Idempotency-Key', key);
    }
  });

  test('the same key and body replays the first answer; another body is 409', async () => {
    const key = newKey();
    const first = await postSessionRequest(app, sampleInput(), { key });
    const firstBody = await first.text();
    const before = await storedCount();
    // The bot fields do not count: a retry measures the fill time again.
    const again = await postSessionRequest(app, sampleInput({ fillTimeMs: 99_000 }), { key });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await again.text(), firstBody);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const other = await postSessionRequest(app, sampleInput({ participants: 99 }), { key });
    const problem = await uncachedProblemOf(other, 409);
    assert.equal(problem.code, 'CONFLICT');
    assert.match(problem.detail ?? '', /Idempotency-Key/);
    assert.equal(await storedCount(), before);
  });

  test('concurrent posts with one key store one request', async () => {
    const key = newKey();
    const before = await storedCount();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => postSessionRequest(app, sampleInput(), { key })),
    );
    const bodies = new Set(await Promise.all(responses.map((r) => r.text())));
    assert.ok(responses.every((r) => r.status === 201));
    assert.equal(bodies.size, 1);
    assert.equal(await storedCount(), before + 1);
  });

  test('a bot (honeypot filled at once or with no fill time, or a too-fast form) is answered 201 but nothing is stored', async () => {
    const before = await storedCount();
    const outboxBefore = (await storage.db.selectFrom('outbox').select('id').execute()).length;
    const linesBefore = log.lines.length;
    for (const input of [
      sampleInput({ website: 'https://spam.example', fillTimeMs: 0 }),
      sampleInput({ website: 'https://spam.example', fillTimeMs: undefined }),
      sampleInput({ fillTimeMs: MIN_FILL_TIME_MS - 1 }),
      sampleInput({ fillTimeMs: 0 }),
    ]) {
      const response = await postSessionRequest(app, input);
      assert.equal(response.status, 201);
      const created = SessionRequestCreated.parse(await response.json());
      assert.match(created.reference, REFERENCE_PATTERN);
    }
    assert.equal(await storedCount(), before);
    assert.equal((await storage.db.selectFrom('outbox').select('id').execute()).length, outboxBefore);
    assert.equal(
      (await storage.db.selectFrom('idempotency_keys').select('key').execute()).length,
      await storedCount(),
    );
    const caught = log.lines.slice(linesBefore).filter((line) => line.includes('bot'));
    assert.equal(caught.length, 4);
    assert.match(caught[0] ?? '', /"reason":"honeypot"/);
    assert.match(caught[1] ?? '', /"reason":"honeypot"/);
    assert.match(caught[2] ?? '', /"reason":"too-fast"/);
    assert.ok(!caught.join('').includes('spam.example'));
    // A bot that retries is answered as a person retrying would be: the same body, marked replayed.
    const key = newKey();
    const spam = sampleInput({ website: 'https://spam.example', fillTimeMs: 10 });
    const first = await postSessionRequest(app, spam, { key });
    const again = await postSessionRequest(app, spam, { key });
    assert.equal(again.status, 201);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await again.text(), await first.text());
    assert.equal(await storedCount(), before);
    // Exactly the minimum is a person.
    assert.equal((await postSessionRequest(app, sampleInput({ fillTimeMs: MIN_FILL_TIME_MS }))).status, 201);
    assert.equal(await storedCount(), before + 1);
  });

  test('a body over 64 KiB is 413, with or without Content-Length', async () => {
    const big = sampleInput({ message: 'x'.repeat(70 * 1024) });
    const problem = await uncachedProblemOf(await postSessionRequest(app, big), 413);
    assert.equal(problem.code, 'PAYLOAD_TOO_LARGE');
    const chunks = new TextEncoder().encode(JSON.stringify(big));
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < chunks.length; i += 8192) controller.enqueue(chunks.slice(i, i + 8192));
        controller.close();
      },
    });
    const chunked = await app.request('/v1/session-requests', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': newKey(),
        'transfer-encoding': 'chunked',
      },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    assert.equal((await uncachedProblemOf(chunked, 413)).code, 'PAYLOAD_TOO_LARGE');
  });

  test('a content type other than application/json is 415: a plain HTML form cannot post', async () => {
    const body = JSON.stringify(sampleInput());
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain',
      'application/jsonp',
    ]) {
      const response = await postSessionRequest(app, body, { headers: { 'content-type': type } });
      assert.equal((await uncachedProblemOf(response, 415)).code, 'UNSUPPORTED_MEDIA_TYPE', type);
    }
    const none = await app.request('/v1/session-requests', {
      method: 'POST',
      headers: { 'idempotency-key': newKey() },
      body,
    });
    assert.equal((await uncachedProblemOf(none, 415)).code, 'UNSUPPORTED_MEDIA_TYPE');
    const withCharset = await postSessionRequest(app, body, {
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    assert.equal(withCharset.status, 201);
  });

  test('/docs shows the operation with a curl example and its header', async () => {
    const page = await (await app.request('/docs')).text();
    assert.ok(page.includes('<code>/v1/session-requests</code>'));
    assert.ok(page.includes('curl -X POST'));
    assert.ok(page.includes('-H &#39;Idempotency-Key: '));
  });

  test('other methods on the intake are 405', async () => {
    assert.equal(
      (await uncachedProblemOf(await app.request('/v1/session-requests', { method: 'DELETE' }), 405)).code,
      'METHOD_NOT_ALLOWED',
    );
  });
});

describe('rate limits', () => {
  test('per client address: 429 with Retry-After, the seconds left of the window, once it is spent', async () => {
    await withTestApp(
      {
        rateLimits: { perAddress: { capacity: 2, windowMs: 60_000 }, perZone: 'off' },
      },
      async (limited) => {
        const from = (address: string) => postSessionRequest(limited, sampleInput(), { address });
        assert.equal((await from('203.0.113.1')).status, 201);
        assert.equal((await from('203.0.113.1')).status, 201);
        const refused = await from('203.0.113.1');
        const problem = await uncachedProblemOf(refused, 429);
        assert.equal(problem.code, 'RATE_LIMITED');
        // The window opened with the first request, a moment ago: nearly all of its minute is left.
        const retryAfter = Number(refused.headers.get('retry-after'));
        assert.ok(retryAfter >= 55 && retryAfter <= 60, `Retry-After ${retryAfter}`);
        assert.match(problem.detail ?? '', new RegExp(`from this address; try again in ${retryAfter} s`));
        // Even a malformed request counts against the address: the limit comes first.
        assert.equal((await postSessionRequest(limited, '{', { address: '203.0.113.1' })).status, 429);
        assert.equal((await from('203.0.113.2')).status, 201, 'another address has its own count');
      },
    );
  });

  test('behind a trusted proxy the address comes from X-Forwarded-For', async () => {
    await withTestApp(
      {
        rateLimits: { perAddress: { capacity: 1, windowMs: 60_000 }, perZone: 'off' },
        trustedProxies: 1,
      },
      async (limited) => {
        // The client wrote the first entry itself; the proxy appended the real one.
        const from = (forwarded: string) =>
          postSessionRequest(limited, sampleInput(), {
            address: '10.0.0.1',
            headers: { 'x-forwarded-for': forwarded },
          });
        assert.equal((await from('1.1.1.1, 198.51.100.7')).status, 201);
        assert.equal((await from('2.2.2.2, 198.51.100.7')).status, 429, 'a forged first entry does not help');
        assert.equal((await from('198.51.100.8')).status, 201);
      },
    );
  });

  test('IPv6 clients are counted by their /64, IPv4 ones on a dual-stack socket one by one', async () => {
    await withTestApp(
      {
        rateLimits: { perAddress: { capacity: 1, windowMs: 60_000 }, perZone: 'off' },
      },
      async (limited) => {
        const from = (address: string) => postSessionRequest(limited, sampleInput(), { address });
        assert.equal((await from('2001:db8:1:2::10')).status, 201);
        assert.equal((await from('2001:db8:1:2::11')).status, 429, 'another address of the same /64');
        assert.equal((await from('2001:db8:1:3::10')).status, 201, 'another /64');
        assert.equal((await from('::ffff:203.0.113.1')).status, 201);
        assert.equal((await from('::ffff:203.0.113.2')).status, 201, 'not one /64 of every IPv4 client');
      },
    );
  });

  test('per zone: 429 for that zone only', async () => {
    await withTestApp(
      {
        rateLimits: { perAddress: 'off', perZone: { capacity: 1, windowMs: 3_600_000 } },
      },
      async (limited) => {
        assert.equal((await postSessionRequest(limited, sampleInput({ zone: 'bxl-sud' }))).status, 201);
        const refused = await postSessionRequest(limited, sampleInput({ zone: 'bxl-sud' }));
        assert.equal((await uncachedProblemOf(refused, 429)).code, 'RATE_LIMITED');
        assert.equal(refused.headers.get('retry-after'), '3600');
        assert.equal((await postSessionRequest(limited, sampleInput({ zone: 'bxl-nord' }))).status, 201);
      },
    );
  });

  test('the defaults apply when nothing is configured', async () => {
    await withTestApp({}, async (defaults) => {
      const statuses = [];
      for (let i = 0; i < 31; i++)
        statuses.push((await postSessionRequest(defaults, sampleInput(), { address: '192.0.2.9' })).status);
      assert.deepEqual(statuses.slice(0, 30), Array(30).fill(201));
      assert.equal(statuses[30], 429);
    });
  });
});
