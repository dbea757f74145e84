import type { ChosenZone, FormValues } from './form-values.js';

/**
 * A form being filled in, kept in sessionStorage so that a reload (or a crash of the tab) loses
 * nothing: on this tab only, gone when it closes. Nothing in localStorage, no cookies.
 */
export interface Draft {
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

/**
 * One draft per form: on this page, under the element's id, else its `zone` attribute, else the
 * page's one form. Two forms on a page need ids to keep apart.
 */
export function draftKey(element: { id: string; zone?: string | undefined }): string {
  return `carezone-session-request:${location.pathname}#${element.id || element.zone || ''}`;
}

// Storage may be off (a sandboxed frame, a privacy setting) or full: a draft is a comfort, and
// the form works without it.

export function readDraft(key: string): Draft | undefined {
  try {
    const draft = JSON.parse(sessionStorage.getItem(key) as string) as Draft | null;
    return draft?.key && draft.values ? draft : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(key: string, draft: Draft | undefined): void {
  try {
    if (draft) sessionStorage.setItem(key, JSON.stringify(draft));
    else sessionStorage.removeItem(key);
  } catch {
    // See above.
  }
}
