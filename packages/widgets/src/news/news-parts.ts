import { html, nothing, type TemplateResult } from 'lit';
import { formatLongDate, formatRelativeTime, type LocalizeController } from '../internal/localize.js';
import type { NewsTranslation } from '../localization/news/translation.js';

/** Dates younger than this read "3 dagen geleden"; older ones are written out. */
const RELATIVE_FOR_S = 7 * 86400;

const FEEDS = [
  ['atom', 'Atom', 'application/atom+xml'],
  ['rss', 'RSS', 'application/rss+xml'],
  ['json', 'JSON Feed', 'application/feed+json'],
] as const;

/** Within a week, how long ago ("2 hours ago", "gisteren"); before, the date ("2 december 2026"). */
export function renderDate(
  iso: string | null,
  localize: LocalizeController,
): TemplateResult | typeof nothing {
  if (!iso) return nothing;
  const date = new Date(iso);
  const seconds = (Date.now() - date.getTime()) / 1000;
  const [unit, size]: [Intl.RelativeTimeFormatUnit, number] =
    seconds < 3600 ? ['minute', 60] : seconds < 86400 ? ['hour', 3600] : ['day', 86400];
  const text =
    seconds >= 0 && seconds < RELATIVE_FOR_S
      ? formatRelativeTime(localize, -Math.floor(seconds / size), unit)
      : formatLongDate(localize, date);
  return html`<time part="date" datetime=${iso}>${text}</time>`;
}

/** The links to subscribe to the feeds (`base` + format), of `zone` when the list shows one. */
export function renderFeeds(texts: NewsTranslation, base: string, zone: string | undefined): TemplateResult {
  return html`<p part="feeds">${texts.subscribe} ${FEEDS.map(
    ([format, label, type], index) =>
      html`${index ? ' · ' : ''}<a href="${base}${format}${zone ? `?zone=${encodeURIComponent(zone)}` : ''}"
        type=${type}>${label}</a>`,
  )}</p>`;
}
