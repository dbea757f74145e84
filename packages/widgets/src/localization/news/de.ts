import type { NewsTranslation } from './translation.js';

export const de: NewsTranslation = {
  title: 'Neuigkeiten',
  empty: 'Noch keine Neuigkeiten.',
  readMore: 'Weiterlesen',
  source: 'Auf der Website der Quelle lesen',
  loadMore: 'Weitere Neuigkeiten',
  added: (n, f) => `${f} ${n === 1 ? 'Beitrag' : 'Beiträge'} hinzugefügt`,
  subscribe: 'Diese Neuigkeiten abonnieren:',
};
