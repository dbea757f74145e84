import { type Language, NewsItem, NewsPage } from '@carezone/contract';
import type { Http } from '../internal/http.js';
import { pagesOf } from '../internal/pages.js';
import type { RequestOptions } from '../request-options.js';

export interface NewsListParams {
  /** Only this zone's news. */
  zone?: string;
  /** Only news of the zones of this layer. */
  layer?: string;
  lang?: Language;
  topic?: string;
  /** Items per page: the server's default is `LIMITS.pageDefault`, the most `LIMITS.pageMax`. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

export interface NewsResource {
  /** One page of news, newest first (undated items last). */
  list(params?: NewsListParams, options?: RequestOptions): Promise<NewsPage>;
  /**
   * Every page, one after the other, following the cursors: `for await (const page of
   * client.news.pages({ zone }))`. The cursors are stable: news published meanwhile never makes
   * an item appear twice or go missing.
   */
  pages(params?: Omit<NewsListParams, 'cursor'>, options?: RequestOptions): AsyncIterable<NewsPage>;
  /** One item. Unknown id: ApiError NOT_FOUND. */
  get(id: string, options?: RequestOptions): Promise<NewsItem>;
}

export function newsResource(http: Http): NewsResource {
  const list: NewsResource['list'] = ({ zone, layer, lang, topic, limit, cursor } = {}, options) =>
    http.get('news', NewsPage, { zone, layer, lang, topic, limit, cursor }, options);
  return {
    list,
    pages: (params, options) => pagesOf(list, params, options),
    get(id, options) {
      return http.get(`news/${encodeURIComponent(id)}`, NewsItem, undefined, options);
    },
  };
}
