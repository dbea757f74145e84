import type { NewsTranslation } from './translation.js';

export const fr: NewsTranslation = {
  title: 'Actualités',
  empty: 'Pas encore d’actualités.',
  readMore: 'Lire la suite',
  source: 'Lire sur le site de la source',
  loadMore: 'Plus d’actualités',
  added: (n, f) => `${f} ${n > 1 ? 'articles ajoutés' : 'article ajouté'}`,
  subscribe: 'S’abonner à ces actualités :',
};
