import { type Language, type NewsItem, type NewsPage, newsResource, zonesListResource } from '@carezone/sdk';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { apiBaseUrl } from '../internal/api-client.js';
import { CarezoneElement } from '../internal/carezone-element.js';
import { renderError, renderLoading, renderMessage } from '../internal/data-states.js';
import { formatNumber } from '../internal/localize.js';
import { zoneNamesOf } from '../internal/zone-names.js';
import { ZoneSourceController } from '../internal/zone-source.js';
import { newsTexts } from '../localization/news/catalogue.js';
import type { NewsTranslation } from '../localization/news/translation.js';
import { newsStyles } from './news.styles.js';
import { renderDate, renderFeeds } from './news-parts.js';
import { safeBody } from './safe-body.js';

/**
 * @summary The news of a network or of one zone: title, date, zone, summary, the full text in
 * place, more on demand and the feeds to subscribe to.
 *
 * The zone is the `zone` attribute; else the zone chosen in the finder that `zone-source` points to
 * (all the news of `layer` until one is chosen). Bodies are HTML sanitised by the server; the widget
 * also removes anything that could run script before it shows one. Dates are relative when recent
 * ("3 dagen geleden"), written out otherwise, and left out when the source gave none.
 *
 * @csspart base - The wrapper of the feed.
 * @csspart list - The list of items.
 * @csspart item - One item (an `article`).
 * @csspart title - The title of an item.
 * @csspart meta - The date and zones of an item.
 * @csspart date - The date of an item.
 * @csspart zone-badge - The name of a zone an item is about.
 * @csspart summary - The summary of an item (hidden in the compact layout).
 * @csspart read-more - The button that shows or hides the full text.
 * @csspart body - The full text of an item, once opened.
 * @csspart source-link - The link to the item on the site it came from.
 * @csspart load-more - The button that loads the next items.
 * @csspart feeds - The links to the Atom, RSS and JSON feeds.
 * @csspart loading - The placeholder while the news loads.
 * @csspart error - The message of a failure, with its retry button.
 * @csspart retry-button - The button that loads again.
 * @csspart message - The "no news yet" message.
 */
export class CarezoneNews extends CarezoneElement {
  static override styles = [...CarezoneElement.styles, newsStyles];
  static override resources = { news: newsResource, zones: zonesListResource };

  static override properties = {
    zone: {},
    zoneSource: { attribute: 'zone-source' },
    layer: {},
    topic: {},
    newsLang: { attribute: 'news-lang' },
    limit: { type: Number },
    layout: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
    _zone: { state: true },
    _more: { state: true },
    _open: { state: true },
    _added: { state: true },
  };

  /** Id of the zone whose news to show (`bxl-sud`). Default: every zone (of `layer`). */
  declare zone: string | undefined;
  /** CSS selector of a `<carezone-finder>` on the page (`#finder`) whose chosen zone the feed follows. */
  declare zoneSource: string | undefined;
  /** Only the news of the zones of this layer (`bxl-care-zones`). */
  declare layer: string | undefined;
  /** Only the news with this topic. */
  declare topic: string | undefined;
  /** Only the news written in this language (nl, fr, en, de). Default: every language. */
  declare newsLang: Language | undefined;
  /** Items per page. Default 5. */
  declare limit: number;
  /** `list` (default), `cards` or `compact` (titles and dates only). */
  declare layout: 'list' | 'cards' | 'compact';
  /** `aria-level` of the items' titles, to fit the page's headings. Default 3. */
  declare headingLevel: number;

  /** The zone a finder chose. */
  declare protected _zone: string | undefined;
  /** The pages loaded with "load more", after the first. */
  declare protected _more: NewsPage[];
  /** Ids of the items whose full text is open. */
  declare protected _open: ReadonlySet<string>;
  /** What the live region says after "load more". */
  declare protected _added: string;

  readonly #texts = this.localize.use(newsTexts);
  /** `:state(ready)` once rendered: the host reserves the items' space until then (news.styles.ts). */
  readonly #internals = this.attachInternals();
  /** Each body cleaned once, and the same nodes shown at every render (focus inside them stays). */
  readonly #bodies = new Map<string, HTMLElement>();

  constructor() {
    super();
    this.limit = 5;
    this.layout = 'list';
    this.headingLevel = 3;
    this._more = [];
    this._open = new Set();
    this._added = '';
  }

  readonly #firstPage = new Task(this, {
    task: ([client, zone, layer, topic, lang, limit], { signal }) => {
      this._more = [];
      this.#nextPage.abort();
      return client.news.list({ zone, layer, topic, lang, limit }, { signal });
    },
    args: () =>
      [this.sdk, this.zone || this._zone, this.layer, this.topic, this.newsLang, this.limit] as const,
  });

  /** The first page of the list that "load more" last ran for. */
  #nextOf: NewsPage | undefined;

  /**
   * "Load more": the page after `cursor`, run by the button only (`#loadMore`). A new list (another
   * zone or topic) aborts it, and a page of a list no longer shown is dropped.
   */
  readonly #nextPage = new Task(this, {
    autoRun: false,
    task: ([cursor]: readonly [string], { signal }) => {
      this._added = '';
      const { zone, _zone, layer, topic, newsLang: lang, limit } = this;
      return this.sdk.news.list({ zone: zone || _zone, layer, topic, lang, limit, cursor }, { signal });
    },
    onComplete: async (page) => {
      if (this.#nextOf !== this.#firstPage.value) return;
      const shown = this.#pages().reduce((sum, { data }) => sum + data.length, 0);
      this._more = [...this._more, page];
      const count = page.data.length;
      this._added = this.#texts().added(count, formatNumber(this.localize, count));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#i${shown}`)?.focus();
    },
  });

  /** Names for the zone badges; the zone ids stand in until they come, or if they fail. */
  readonly #zoneNames = new Task(this, {
    task: ([client]) => zoneNamesOf(client),
    args: () => [this.sdk] as const,
  });

  protected override firstUpdated(): void {
    this.#internals.states.add('ready');
  }

  // A selector that matches nothing (or is not valid) leaves the feed showing every zone's news,
  // and so does a finder with no zone (a new place on its way, or a choice to make).
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: it works through the host's lifecycle.
  readonly #zoneSource = new ZoneSourceController(this, (zone) => {
    this._zone = zone?.id;
  });

  protected override render(): TemplateResult {
    const common = this.localize.t;
    const texts = this.#texts();
    return html`<div part="base" class=${this.layout} tabindex="-1">
      ${this.#firstPage.render({
        initial: () => this.#renderLoading(),
        pending: () => this.#renderLoading(),
        complete: (page) => (page.data.length ? this.#renderItems(texts) : renderMessage(texts.empty)),
        error: (error) => renderError(common, error, () => void this.#firstPage.run()),
      })}
      <p class="visually-hidden" role="status">${this._added}</p>
      ${renderFeeds(texts, `${apiBaseUrl(this.api)}/v1/news/feed.`, this.zone || this._zone)}
    </div>`;
  }

  /** Placeholders as high as the items will be, so the page below does not move when they come. */
  #renderLoading(): TemplateResult {
    return renderLoading(this.localize.t, Math.min(this.limit, 10) || 1);
  }

  /** The pages shown: the first, then those "load more" added. */
  #pages(): NewsPage[] {
    const first = this.#firstPage.value;
    return first ? [first, ...this._more] : [];
  }

  #renderItems(texts: NewsTranslation): TemplateResult {
    const pages = this.#pages();
    const next = this.#nextPage;
    // The state of "load more" for this list; one of a list since replaced is not shown.
    const status = this.#nextOf === pages[0] ? next.status : TaskStatus.INITIAL;
    const loading = status === TaskStatus.PENDING;
    return html`<ul part="list" aria-label=${texts.title}>
        ${pages.flatMap((page) => page.data).map((item, index) => this.#renderItem(texts, item, `i${index}`))}
      </ul>
      ${status === TaskStatus.ERROR ? renderError(this.localize.t, next.error, () => this.#loadMore()) : nothing}
      ${
        pages.at(-1)?.nextCursor
          ? // Never disabled while loading: the focus stays on it until the new items take it.
            html`<button part="load-more" class="secondary" type="button" aria-disabled=${loading}
              aria-busy=${loading} @click=${this.#loadMore}>${texts.loadMore}</button>`
          : nothing
      }`;
  }

  /**
   * `id` is the item's position: ids of the news items themselves need not be valid in HTML. The
   * item's language marks what the item says (title, summary, body), not what the feed says of it.
   */
  #renderItem(texts: NewsTranslation, item: NewsItem, id: string): TemplateResult {
    const open = this._open.has(item.id);
    const lang = ifDefined(item.language && item.language !== this.localize.lang ? item.language : undefined);
    const source =
      item.sourceUrl && /^https?:/i.test(item.sourceUrl)
        ? html`<a part="source-link" href=${item.sourceUrl} rel="noopener noreferrer"
            aria-describedby="${id}-t">${texts.source}</a>`
        : nothing;
    return html`<li><article part="item" id=${id} tabindex="-1" aria-labelledby="${id}-t">
      <p part="title" id="${id}-t" role="heading" aria-level=${this.headingLevel} lang=${lang}>${item.title}</p>
      <p part="meta">${renderDate(item.publishedAt ?? item.updatedAt, this.localize)}${item.zones.map(
        (zone) => html` ${this.#zoneBadge(zone)}`,
      )}</p>
      <p part="summary" lang=${lang}>${item.summary}</p>
      ${
        item.bodyHtml === null
          ? source
          : html`<button part="read-more" class="secondary" type="button" aria-expanded=${open}
              aria-controls="${id}-b" aria-describedby="${id}-t" @click=${() => this.#toggle(item.id)}>
              ${texts.readMore}</button>
            <div part="body" id="${id}-b" ?hidden=${!open}>${open ? this.#body(item) : nothing} ${open ? source : nothing}</div>`
      }
    </article></li>`;
  }

  /** A zone's name, marked with its language when it is another than the feed's (a fallback). */
  #zoneBadge(id: string): TemplateResult {
    const name = this.#zoneNames.value?.get(id);
    return html`<span part="zone-badge">${name ? this.localize.named(name) : id}</span>`;
  }

  #body(item: NewsItem): HTMLElement {
    let body = this.#bodies.get(item.id);
    if (!body) {
      body = safeBody(item.bodyHtml ?? '');
      if (item.language) body.lang = item.language;
      this.#bodies.set(item.id, body);
    }
    return body;
  }

  #toggle(id: string): void {
    const open = new Set(this._open);
    if (!open.delete(id)) open.add(id);
    this._open = open;
  }

  /** The next page after the last one shown; focus on its first item, and its count said aloud. */
  #loadMore(): void {
    const cursor = this.#pages().at(-1)?.nextCursor;
    if (!cursor || this.#nextPage.status === TaskStatus.PENDING) return;
    this.#nextOf = this.#firstPage.value;
    void this.#nextPage.run([cursor]);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'carezone-news': CarezoneNews;
  }
}
