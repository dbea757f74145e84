import { waitUntil } from '@open-wc/testing';
import { CarezoneNews } from '../news/news.js';
import { fixtureClient } from './fixture-api.js';
import { mountWidget } from './mount.js';
import { type NewsApiOptions, newsApi } from './news-fixtures.js';

/**
 * A news feed on a fixture API (`newsApi`), with the handles a test needs. Attributes default to
 * `lang="en"` (undefined leaves one out); resolves once the first page or its failure shows,
 * unless `settle` is false.
 */
export async function setupNews(
  options: { attrs?: Record<string, string | undefined>; api?: NewsApiOptions; settle?: boolean } = {},
) {
  const api = newsApi(options.api);
  const client = fixtureClient(api.handler);
  const el = await mountWidget('carezone-news', client, { lang: 'en', ...options.attrs });
  const root = el.shadowRoot as ShadowRoot;
  const part = (name: string) => root.querySelector<HTMLElement>(`[part~="${name}"]`);
  const parts = (name: string) => [...root.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
  const text = (element: Element | null | undefined) =>
    (element?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim();
  const items = () => parts('item');
  const titles = () => parts('title').map(text);
  /** The item whose title is `title`. */
  const item = (title: string) =>
    items().find((article) => text(article.querySelector('[part~="title"]')) === title);
  if (options.settle !== false)
    await waitUntil(() => part('list') || part('message') || part('error'), 'the news loaded', {
      timeout: 3000,
    });
  await el.updateComplete;
  return { el, api, client, root, part, parts, text, items, titles, item };
}

export type NewsHandles = Awaited<ReturnType<typeof setupNews>>;

if (!customElements.get('carezone-news')) customElements.define('carezone-news', CarezoneNews);
