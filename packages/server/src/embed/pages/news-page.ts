import type { Language, NewsItem, NewsPage } from '@carezone/contract';
import type { NewsListParams, PublicClient } from '@carezone/sdk';
import { html, raw } from 'hono/html';
import { sanitizeBody, sanitizeWithin } from '../../news/items/sanitize-body.js';
import type { Html } from '../embed-document.js';
import type { EmbedLocalize } from '../embed-localize.js';
import { linkTo } from '../embed-options.js';
import { readError } from './finder-page.js';

/** How `<carezone-news>` lays its items out (`layout`). */
export const NEWS_LAYOUTS = ['list', 'cards', 'compact'] as const;
export type NewsLayout = (typeof NEWS_LAYOUTS)[number];

export interface NewsView {
  localize: EmbedLocalize;
  layout: NewsLayout;
  headingLevel: number;
  kept: readonly [string, string][];
  self: string;
}

/** Dates younger than this read "3 dagen geleden", as in the widget; older ones are written out. */
const RELATIVE_FOR_S = 7 * 86400;

const FEEDS = [
  ['atom', 'Atom', 'application/atom+xml'],
  ['rss', 'RSS', 'application/rss+xml'],
  ['json', 'JSON Feed', 'application/feed+json'],
] as const;

/**
 * A body as the page shows it: the stored body (already allow-listed) cleaned once more, its images
 * made links named by their description as the widget does (an embed page loads nothing from a
 * third origin), and its links opened beside the page rather than inside the iframe.
 */
function bodyForPage(bodyHtml: string): string {
  return sanitizeWithin(sanitizeBody(bodyHtml), {
    allowedTags: [
      'p',
      'br',
      'h2',
      'h3',
      'h4',
      'ul',
      'ol',
      'li',
      'a',
      'strong',
      'em',
      'b',
      'i',
      'blockquote',
      'figure',
      'figcaption',
    ],
    allowedAttributes: { a: ['href', 'rel', 'target'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    transformTags: {
      a: (_tag, attribs) => ({
        tagName: 'a',
        attribs: { ...attribs, rel: 'noopener noreferrer', target: '_blank' },
      }),
      img: (_tag, attribs) => ({
        tagName: 'a',
        attribs: { ...(attribs.src && { href: attribs.src }), rel: 'noopener noreferrer', target: '_blank' },
        text: attribs.alt ?? '',
      }),
    },
    exclusiveFilter: (frame) => frame.tag === 'a' && (!frame.attribs.href || !frame.text.trim()),
  });
}

function date(iso: string | null, localize: EmbedLocalize, now: number): Html | string {
  if (!iso) return '';
  const when = new Date(iso);
  const seconds = (now - when.getTime()) / 1000;
  const [unit, size]: [Intl.RelativeTimeFormatUnit, number] =
    seconds < 3600 ? ['minute', 60] : seconds < 86400 ? ['hour', 3600] : ['day', 86400];
  const locale = `${localize.lang}-BE`;
  const text =
    seconds >= 0 && seconds < RELATIVE_FOR_S
      ? new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-Math.floor(seconds / size), unit)
      : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(when);
  return html`<time datetime="${iso}">${text}</time>`;
}

function item(
  news: NewsItem,
  id: string,
  zoneNames: ReadonlyMap<string, Html>,
  view: NewsView,
  now: number,
): Html {
  const { localize, headingLevel } = view;
  const texts = localize.news;
  const lang = news.language && news.language !== localize.lang ? news.language : undefined;
  const source =
    news.sourceUrl && /^https?:/i.test(news.sourceUrl)
      ? html`<a class="source" href="${news.sourceUrl}" rel="noopener noreferrer" target="_blank" aria-describedby="${id}-t">${texts.source}</a>`
      : '';
  const body = news.bodyHtml === null ? '' : bodyForPage(news.bodyHtml);
  return html`<li><article id="${id}" aria-labelledby="${id}-t">
<h${headingLevel} class="title" id="${id}-t"${lang ? html` lang="${lang}"` : ''}>${news.title}</h${headingLevel}>
<p class="meta">${date(news.publishedAt ?? news.updatedAt, localize, now)}${news.zones.map(
    (zone) => html` <span class="zone-badge">${zoneNames.get(zone) ?? zone}</span>`,
  )}</p>
<p class="summary"${lang ? html` lang="${lang}"` : ''}>${news.summary}</p>
${
  news.bodyHtml === null
    ? source
    : html`<details><summary class="button secondary" aria-describedby="${id}-t">${texts.readMore}</summary>
<div class="body"${lang ? html` lang="${lang}"` : ''}>${raw(body)}</div>${source}</details>`
}
</article></li>`;
}

/**
 * The body of `/embed/news`: a page of news items as `<carezone-news>` shows them, with "more" as a
 * link to the next page by its cursor and "read more" as a native disclosure (`<details>`), so that
 * both work without JavaScript.
 */
export async function newsBody(
  api: PublicClient,
  params: NewsListParams & { lang?: Language | undefined },
  view: NewsView,
): Promise<Html> {
  const { localize, kept } = view;
  const texts = localize.news;
  let page: NewsPage;
  let zoneNames: Map<string, Html>;
  try {
    const [news, zones] = await Promise.all([api.news.list(params), api.zones.list().catch(() => [])]);
    page = news;
    zoneNames = new Map(zones.map((zone) => [zone.id, localize.named(zone.name)]));
  } catch (error) {
    return html`<div class="message error" role="alert">${readError(localize, error)}
<a class="button secondary" href="${view.self}">${localize.t.retry}</a></div>`;
  }
  const now = Date.now();
  const feedQuery = params.zone ? `?zone=${encodeURIComponent(params.zone)}` : '';
  const list =
    page.data.length === 0
      ? html`<p class="message" role="status">${texts.empty}</p>`
      : html`<ul class="items" aria-label="${texts.title}">${page.data.map((news, index) =>
          item(news, `i${index}`, zoneNames, view, now),
        )}</ul>`;
  return html`<div class="news ${view.layout}" id="news" tabindex="-1">
${list}
${page.nextCursor ? html`<a class="button secondary more" href="${linkTo('/embed/news', kept, { cursor: page.nextCursor })}#news">${texts.loadMore}</a>` : ''}
<p class="feeds">${texts.subscribe} ${FEEDS.map(
    ([format, label, type], index) =>
      html`${index ? ' · ' : ''}<a href="/v1/news/feed.${format}${feedQuery}" type="${type}" target="_blank">${label}</a>`,
  )}</p>
</div>`;
}
