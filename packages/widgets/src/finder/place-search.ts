import type { Language, Place, PlacesResource } from '@carezone/sdk';

/** Worth asking the server: two characters, or any digit (postcodes). */
export const searchable = (q: string) => q.length > 1 || /\d/.test(q);

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/**
 * The suggestions for `q`, a quarter of a second after the last keystroke: a keystroke aborts
 * `signal` (the task's arguments change), so a stale answer never lands and a fast typist sends
 * one request, not one per letter.
 */
export async function searchPlaces(
  places: PlacesResource,
  q: string,
  lang: Language,
  signal: AbortSignal,
): Promise<Place[]> {
  await sleep(250, signal);
  return places.search(q, { limit: 8, lang }, { signal });
}
