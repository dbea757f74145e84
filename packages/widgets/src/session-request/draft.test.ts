// The form's draft without the form: what is kept, and which idempotency key each attempt sends.
import { ApiError, isApiError } from '@carezone/sdk';
import { expect } from '@open-wc/testing';
import { type DraftStorage, FormDraft } from './draft.js';
import { EMPTY_VALUES } from './form-values.js';

/** A storage of our own: a map, or one that refuses every call (storage off). */
function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const refusing: DraftStorage = {
  getItem: () => {
    throw new DOMException('off', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new DOMException('off', 'SecurityError');
  },
};

const KEY = 'carezone-session-request:/page#form';
const values = { ...EMPTY_VALUES, 'organisation.name': 'OCMW Sint-Gillis' };
const zone = { id: 'bxl-sud', name: { nl: 'Zuid', fr: 'Sud' } };

const problem = (code: 'CONFLICT' | 'STORAGE_UNAVAILABLE') => ({
  type: 'about:blank',
  title: code,
  status: code === 'CONFLICT' ? 409 : 503,
  code,
});

/**
 * A server of our own: records what each attempt sent, answers `next` (an error to throw, or
 * the created request).
 */
function server() {
  const attempts: { body: { a: number; fillTimeMs: number }; key: string }[] = [];
  let next: unknown = new ApiError(problem('STORAGE_UNAVAILABLE'), 503, '/v1/session-requests');
  return {
    attempts,
    answer(outcome: 'created' | 'CONFLICT' | 'STORAGE_UNAVAILABLE') {
      next =
        outcome === 'created'
          ? outcome
          : new ApiError(problem(outcome), problem(outcome).status, '/v1/session-requests');
    },
    /** Sends `{ a }` through the draft: the created answer, or the error it threw. */
    send(draft: FormDraft, a: number): Promise<unknown> {
      return draft
        .send({ a }, async (body, { idempotencyKey }) => {
          attempts.push({ body, key: idempotencyKey });
          if (next !== 'created') throw next;
          return next;
        })
        .catch((error: unknown) => error);
    },
    get lastKey(): string | undefined {
      return attempts.at(-1)?.key;
    },
  };
}

describe('FormDraft', () => {
  it('keeps the values, the zone, the key and the time shown across a reload', async () => {
    const storage = memoryStorage();
    const api = server();
    const first = new FormDraft(KEY, storage);
    expect(first.restored).to.equal(undefined);
    first.save(values, zone);
    await api.send(first, 1);

    const reloaded = new FormDraft(KEY, storage);
    expect(reloaded.restored).to.deep.equal({ values, zone });
    await api.send(reloaded, 1);
    expect(api.attempts[1]?.key).to.equal(api.attempts[0]?.key);
    expect(api.attempts[1]?.body.fillTimeMs).to.be.at.least(api.attempts[0]?.body.fillTimeMs ?? Infinity);
  });

  it('sends every retry with the same key, and throws the failure on', async () => {
    const api = server();
    const draft = new FormDraft(KEY, memoryStorage());
    const failure = await api.send(draft, 1);
    expect(isApiError(failure) && failure.code).to.equal('STORAGE_UNAVAILABLE');
    await api.send(draft, 1);
    // Content changed after a failure that was no conflict: still the same filled-in form.
    await api.send(draft, 2);
    expect(new Set(api.attempts.map((attempt) => attempt.key)).size).to.equal(1);
  });

  it('after a 409, other content gets a new key and the same content keeps the old one', async () => {
    const api = server();
    const draft = new FormDraft(KEY, memoryStorage());
    api.answer('CONFLICT');
    await api.send(draft, 1);
    const key = api.lastKey;
    await api.send(draft, 1);
    expect(api.lastKey, 'the same content replays the first answer').to.equal(key);
    await api.send(draft, 2);
    const next = api.lastKey;
    expect(next).to.not.equal(key);
    api.answer('STORAGE_UNAVAILABLE');
    await api.send(draft, 2);
    expect(api.lastKey).to.equal(next);
  });

  it('once sent, forgets the draft and starts the next form with a new key', async () => {
    const storage = memoryStorage();
    const api = server();
    const draft = new FormDraft(KEY, storage);
    draft.save(values, zone);
    api.answer('created');
    expect(await api.send(draft, 1)).to.equal('created');
    const key = api.lastKey;
    expect(storage.items.has(KEY)).to.equal(false);
    await api.send(draft, 1);
    expect(api.lastKey).to.not.equal(key);
    expect(new FormDraft(KEY, storage).restored).to.equal(undefined);
  });

  it('works without storage, and ignores a stored value that is not a draft', async () => {
    const api = server();
    const draft = new FormDraft(KEY, refusing);
    draft.save(values, zone);
    await api.send(draft, 1);
    expect(api.lastKey).to.be.a('string').with.length.greaterThan(15);
    api.answer('created');
    expect(await api.send(draft, 1)).to.equal('created');

    const storage = memoryStorage();
    storage.items.set(KEY, '{"values": null}');
    expect(new FormDraft(KEY, storage).restored).to.equal(undefined);
    storage.items.set(KEY, 'not json');
    expect(new FormDraft(KEY, storage).restored).to.equal(undefined);
  });
});
