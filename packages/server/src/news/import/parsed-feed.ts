/** One item of a feed in whichever format, with the fields Carezone reads; all may be missing. */
export interface FeedEntry {
  id?: string | undefined;
  link?: string | undefined;
  title?: string | undefined;
  /** HTML or text, as feeds mix them. */
  summary?: string | undefined;
  contentHtml?: string | undefined;
  contentText?: string | undefined;
  language?: string | undefined;
  published?: string | undefined;
  updated?: string | undefined;
  author?: string | undefined;
  categories: string[];
  image?: string | undefined;
  /** Zone ids suggested by the JSON Feed extension `_carezone.zones`. */
  suggestedZones: string[];
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'json' | 'rdf';
  /** The feed's own id or home page, which makes its items' local ids unique. */
  identity?: string | undefined;
  language?: string | undefined;
  entries: FeedEntry[];
}
