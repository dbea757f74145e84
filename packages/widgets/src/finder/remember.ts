import type { LookupParams } from '@carezone/sdk';

/** The one key `remember` uses (in localStorage, so on this origin only). */
export const REMEMBER_KEY = 'carezone-finder:last';

/** A place the visitor chose, and the text the field showed for it. */
export interface RememberedPlace {
  p: LookupParams;
  text: string;
}

/** The place chosen on an earlier visit, if one is remembered and storage is on. */
export function rememberedPlace(): RememberedPlace | undefined {
  try {
    const last = JSON.parse(localStorage.getItem(REMEMBER_KEY) as string);
    return last?.p ? last : undefined;
  } catch {
    // Storage is off (a sandboxed frame), or what is kept is not ours: start empty.
    return undefined;
  }
}

/** Keeps the chosen place for the next visit; a point (a location) is never kept. */
export function rememberPlace(place: RememberedPlace): void {
  if ('lat' in place.p) return;
  try {
    localStorage.setItem(REMEMBER_KEY, JSON.stringify(place));
  } catch {
    // Storage full or off: remembering is a comfort, not a requirement.
  }
}
