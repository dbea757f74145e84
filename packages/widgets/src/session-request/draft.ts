import { isApiError, newIdempotencyKey } from '@carezone/sdk';
import type { ChosenZone, FormValues } from './form-values.js';

/** What a draft is stored as (JSON in sessionStorage). */
interface StoredDraft {
  values: FormValues;
  /** The zone a finder chose (a `zone` attribute is the page's, not the draft's). */
  zone?: ChosenZone | undefined;
  /** When the form was first shown (ms since the epoch): `fillTimeMs` counts from it, across reloads. */
  shownAt: number;
  /** The idempotency key of this filled-in form: every retry sends it again. */
  key: string;
  /** The body (JSON) first sent with `key`. */
  sent?: string | undefined;
  /** The server answered 409 CONFLICT: `key` already holds another body than the one sent. */
  conflict?: boolean | undefined;
}

/** Where drafts are kept: sessionStorage in the page, a stand-in in tests. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * One draft per form: on this page, under the element's id, else its `zone` attribute, else the
 * page's one form. Two forms on a page need ids to keep apart.
 */
export function draftKey(element: { id: string; zone?: string | undefined }): string {
  return `carezone-session-request:${location.pathname}#${element.id || element.zone || ''}`;
}

/**
 * The form's promise that nothing typed is lost and nothing is sent twice, without the DOM: the
 * values and zone kept in sessionStorage (this tab only, gone when it closes; nothing in
 * localStorage, no cookies), so that a reload or a crashed tab keeps them; one idempotency key per
 * filled-in form, sent again by every retry; a new key once the form is sent, or when a 409
 * CONFLICT said the key holds an earlier body and other content is sent now.
 *
 * Storage may be off (a sandboxed frame, a privacy setting) or full: the draft is a comfort, and
 * the form works without it.
 */
export class FormDraft {
  readonly #storageKey: string;
  readonly #storage: DraftStorage | undefined;
  #state: Omit<StoredDraft, 'values' | 'zone'>;

  /** The values and zone of the draft found under `storageKey`, or none. */
  readonly restored: Pick<StoredDraft, 'values' | 'zone'> | undefined;

  constructor(storageKey: string, storage: DraftStorage | undefined = sessionStorageOrNone()) {
    this.#storageKey = storageKey;
    this.#storage = storage;
    const stored = this.#read();
    if (stored) {
      const { values, zone, ...state } = stored;
      this.restored = { values, zone };
      this.#state = state;
    } else {
      this.restored = undefined;
      this.#state = { key: newIdempotencyKey(), shownAt: Date.now() };
    }
  }

  /** Keeps what the form holds now. */
  save(values: FormValues, zone: ChosenZone | undefined): void {
    this.#write({ ...this.#state, values, zone });
  }

  /**
   * Sends `input` through `create` with this form's idempotency key and its fill time. A success
   * forgets the draft and starts the next form with a new key; a 409 CONFLICT marks the key as
   * holding an earlier body. Every failure is thrown on, the draft kept for a retry.
   */
  async send<Input extends object, Created>(
    input: Input,
    create: (body: Input & { fillTimeMs: number }, options: { idempotencyKey: string }) => Promise<Created>,
  ): Promise<Created> {
    const idempotencyKey = this.#keyFor(JSON.stringify(input));
    try {
      const created = await create({ ...input, fillTimeMs: this.#fillTimeMs() }, { idempotencyKey });
      this.#state = { key: newIdempotencyKey(), shownAt: Date.now() };
      this.#write(undefined);
      return created;
    } catch (error) {
      // The key already holds an earlier body (sent, stored, but its answer lost).
      if (isApiError(error) && error.code === 'CONFLICT') this.#state.conflict = true;
      throw error;
    }
  }

  /** The key to send `content` (the request body, as JSON) with, once per attempt. */
  #keyFor(content: string): string {
    const state = this.#state;
    // The key holds an earlier body: other content now is a new request, with a new key; the same
    // content replays the first answer with the old one.
    if (state.conflict && state.sent !== content) {
      state.key = newIdempotencyKey();
      state.sent = state.conflict = undefined;
    }
    state.sent ??= content;
    return state.key;
  }

  /** Milliseconds since the form was first shown (the server's fill-time check). */
  #fillTimeMs(): number {
    return Math.max(0, Date.now() - this.#state.shownAt);
  }

  #read(): StoredDraft | undefined {
    try {
      const draft = JSON.parse(this.#storage?.getItem(this.#storageKey) as string) as StoredDraft | null;
      return draft?.key && draft.values ? draft : undefined;
    } catch {
      return undefined;
    }
  }

  #write(draft: StoredDraft | undefined): void {
    try {
      if (draft) this.#storage?.setItem(this.#storageKey, JSON.stringify(draft));
      else this.#storage?.removeItem(this.#storageKey);
    } catch {
      // Full, or off: see the class comment.
    }
  }
}

/** Merely reading `sessionStorage` throws where storage is off (a sandboxed frame). */
function sessionStorageOrNone(): DraftStorage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
}
