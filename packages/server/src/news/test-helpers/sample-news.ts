import type { NewsDraft, PreparedNewsItem } from '../items/news-draft.js';
import { prepareNewsItem } from '../items/prepare-item.js';

/** A prepared item for tests; `publishedAt: undefined` makes an undated one. */
export function sampleNews(overrides: Partial<NewsDraft> = {}): PreparedNewsItem {
  return prepareNewsItem({
    sourceId: null,
    title: 'Infosessie diabetes',
    bodyHtml: '<p>Het team van zorgzone Zuid geeft een infosessie over diabetes.</p>',
    language: 'nl',
    zones: ['bxl-sud'],
    topics: ['diabetes'],
    ...overrides,
  });
}

/** 2025-01-01 plus `day` days, at noon UTC. */
export const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n, 12)).toISOString();
