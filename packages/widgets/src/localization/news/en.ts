import type { NewsTranslation } from './translation.js';

export const en: NewsTranslation = {
  title: 'News',
  empty: 'No news yet.',
  readMore: 'Read more',
  source: 'Read on the source’s website',
  loadMore: 'More news',
  added: (n, f) => `${f} ${n === 1 ? 'item' : 'items'} added`,
  subscribe: 'Subscribe to this feed:',
};
