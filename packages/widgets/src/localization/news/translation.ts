/**
 * The texts of `<carezone-news>`: a catalogue of its own, so that a page without the news feed never
 * downloads them. Loading, retry and error messages are the shared catalogue's (`../translation.ts`).
 */
export interface NewsTranslation {
  /** Names the list of news items (a screen reader says "News, list, 5 items"). */
  title: string;
  /** Nothing published yet for this zone, layer or topic. */
  empty: string;
  /** Opens the full text of an item in place. */
  readMore: string;
  /** Link to the item on the site it came from. */
  source: string;
  loadMore: string;
  /** The live region after "load more": `formatted` is `count` as the language writes numbers. */
  added: (count: number, formatted: string) => string;
  /** Before the feed links (Atom, RSS, JSON Feed). */
  subscribe: string;
}
