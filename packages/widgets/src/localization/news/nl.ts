import type { NewsTranslation } from './translation.js';

export const nl: NewsTranslation = {
  title: 'Nieuws',
  empty: 'Nog geen nieuws.',
  readMore: 'Lees meer',
  source: 'Lees op de website van de bron',
  loadMore: 'Meer nieuws',
  added: (n, f) => `${f} ${n === 1 ? 'bericht' : 'berichten'} toegevoegd`,
  subscribe: 'Abonneer u op dit nieuws:',
};
