import type { NewsItem } from '@carezone/sdk';
import { type FixtureAnswer, type FixtureHandler, problem } from './fixture-api.js';
import { finderApi, zoneCentreOuest, zoneNord, zoneSud } from './fixtures.js';

// News as the server gives it (GET /v1/news, newest first, undated last), with dates relative to
// the moment the fixtures are made: recent items read "3 dagen geleden" on any day the tests run.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `ms` before now, as the API writes instants. */
export const ago = (ms: number): string => new Date(Date.now() - ms).toISOString();

export function newsItem(id: string, fields: Partial<NewsItem> = {}): NewsItem {
  return {
    id,
    title: `Nieuwsbericht ${id}`,
    summary: `Samenvatting van bericht ${id}.`,
    bodyHtml: `<p>De volledige tekst van bericht ${id}, met <a href="https://zone.example/${id}">een link</a>.</p>`,
    language: 'nl',
    publishedAt: ago(3 * DAY),
    updatedAt: null,
    author: 'Zoneteam',
    zones: ['bxl-sud'],
    topics: [],
    image: null,
    sourceUrl: `https://zone.example/news/${id}`,
    ...fields,
  };
}

/** Seven items: recent and old, one per zone, one in French, one without a body, one undated. */
export const NEWS: readonly NewsItem[] = [
  newsItem('hours', { title: 'Infosessie diabetes in Elsene', publishedAt: ago(2 * HOUR) }),
  newsItem('days', { title: 'Nieuw zoneteam voor Zuid', publishedAt: ago(3 * DAY + HOUR) }),
  newsItem('french', {
    title: 'Atelier santé mentale à Forest',
    summary: 'Un atelier pour les professionnels de première ligne.',
    bodyHtml: '<p>Inscriptions ouvertes.</p>',
    language: 'fr',
    publishedAt: ago(5 * DAY),
  }),
  newsItem('old', { title: 'Jaarverslag 2024', publishedAt: '2025-03-14T10:00:00Z', zones: ['bxl-nord'] }),
  newsItem('no-body', {
    title: 'Vormingsaanbod voorjaar',
    bodyHtml: null,
    publishedAt: '2025-02-01T09:00:00Z',
  }),
  newsItem('updated-only', {
    title: 'Bereikbaarheid tijdens de feestdagen',
    publishedAt: null,
    updatedAt: '2024-12-20T08:00:00Z',
    zones: ['bxl-centre-ouest', 'bxl-sud'],
  }),
  newsItem('undated', {
    title: 'Over ons netwerk',
    publishedAt: null,
    updatedAt: null,
    zones: [],
    sourceUrl: null,
    bodyHtml: null,
  }),
];

export interface NewsApiOptions {
  /** The items the API has, in its order; default NEWS. */
  items?: readonly NewsItem[];
  /** Replaces the answer to `GET /v1/news` (the n-th request, from 0). */
  news?: (url: URL, index: number) => FixtureAnswer | Promise<FixtureAnswer> | undefined;
  /** Replaces the answer to `GET /v1/zones`. */
  zones?: () => FixtureAnswer;
}

/**
 * The API a news feed talks to: `/v1/news` filtered by zone and paged by `limit` with an opaque
 * cursor (here the offset), `/v1/zones` for the badges; the finder's answers for anything else.
 */
export function newsApi(options: NewsApiOptions = {}): { handler: FixtureHandler; newsRequests: URL[] } {
  const items = options.items ?? NEWS;
  const newsRequests: URL[] = [];
  const handler: FixtureHandler = (url) => {
    if (url.pathname === '/v1/zones')
      return options.zones?.() ?? { body: { data: [zoneSud, zoneNord, zoneCentreOuest] } };
    if (url.pathname !== '/v1/news') return finderApi(url);
    newsRequests.push(url);
    const replaced = options.news?.(url, newsRequests.length - 1);
    if (replaced) return replaced;
    const query = url.searchParams;
    const zone = query.get('zone');
    const lang = query.get('lang');
    const matching = items.filter(
      (item) => (!zone || item.zones.includes(zone)) && (!lang || item.language === lang),
    );
    const cursor = query.get('cursor');
    if (cursor !== null && !/^c\d+$/.test(cursor)) return problem(400, 'VALIDATION_FAILED');
    const start = cursor ? Number(cursor.slice(1)) : 0;
    const limit = Number(query.get('limit') ?? 20);
    const end = start + limit;
    return {
      body: { data: matching.slice(start, end), nextCursor: end < matching.length ? `c${end}` : null },
    };
  };
  return { handler, newsRequests };
}
