// The form's draft without the form: what is kept, and which idempotency key each attempt sends.
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

describe('FormDraft', () => {
  it('keeps the values, the zone, the key and the time shown across a reload', () => {
    const storage = memoryStorage();
    const first = new FormDraft(KEY, storage);
    expect(first.restored).to.equal(undefined);
    first.save(values, zone);
    const key = first.keyFor('{"a":1}');

    const reloaded = new FormDraft(KEY, storage);
    expect(reloaded.restored).to.deep.equal({ values, zone });
    expect(reloaded.keyFor('{"a":1}')).to.equal(key);
    expect(reloaded.fillTimeMs()).to.be.at.least(0);
  });

  it('sends every retry of the same content with the same key', () => {
    const draft = new FormDraft(KEY, memoryStorage());
    const key = draft.keyFor('{"a":1}');
    expect(draft.keyFor('{"a":1}')).to.equal(key);
    // Content changed after a failure that was no conflict: still the same filled-in form.
    expect(draft.keyFor('{"a":2}')).to.equal(key);
  });

  it('after a 409, other content gets a new key and the same content keeps the old one', () => {
    const draft = new FormDraft(KEY, memoryStorage());
    const key = draft.keyFor('{"a":1}');
    draft.conflicted();
    expect(draft.keyFor('{"a":1}'), 'the same content replays the first answer').to.equal(key);
    draft.conflicted();
    const next = draft.keyFor('{"a":2}');
    expect(next).to.not.equal(key);
    expect(draft.keyFor('{"a":2}')).to.equal(next);
  });

  it('once sent, forgets the draft and starts the next form with a new key', () => {
    const storage = memoryStorage();
    const draft = new FormDraft(KEY, storage);
    draft.save(values, zone);
    const key = draft.keyFor('{"a":1}');
    draft.sent();
    expect(storage.items.has(KEY)).to.equal(false);
    expect(draft.keyFor('{"a":1}')).to.not.equal(key);
    expect(new FormDraft(KEY, storage).restored).to.equal(undefined);
  });

  it('works without storage, and ignores a stored value that is not a draft', () => {
    const draft = new FormDraft(KEY, refusing);
    draft.save(values, zone);
    expect(draft.keyFor('{}')).to.be.a('string').with.length.greaterThan(15);
    draft.sent();

    const storage = memoryStorage();
    storage.items.set(KEY, '{"values": null}');
    expect(new FormDraft(KEY, storage).restored).to.equal(undefined);
    storage.items.set(KEY, 'not json');
    expect(new FormDraft(KEY, storage).restored).to.equal(undefined);
  });
});
