import type { NewsItem, NewsPage } from '@carezone/sdk';
import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage } from '../internal/errors.js';
import { InboxView } from '../internal/inbox-view.js';
import { formatDate } from '../internal/language.js';
import { NEW_NEWS_PATH, newsPath } from '../internal/router.js';

/**
 * @summary The news of the session's zone (a network session: of every zone, or of one), with
 * links to write, edit and delete items, and to the zone's public news.
 */
export class InboxNewsList extends InboxView {
  static override properties = {
    ...InboxView.properties,
    _zone: { state: true },
    _more: { state: true },
    _deleted: { state: true },
    _error: { state: true },
  };

  /** A network session's zone filter; empty: every zone. */
  declare protected _zone: string;
  declare protected _more: NewsPage[];
  /** Ids deleted here since the list loaded. */
  declare protected _deleted: ReadonlySet<string>;
  declare protected _error: string | undefined;

  constructor() {
    super();
    this._zone = '';
    this._more = [];
    this._deleted = new Set();
  }

  get #zone(): string | undefined {
    return this.session?.zone ?? (this._zone || undefined);
  }

  readonly #firstPage = new Task(this, {
    task: ([api, zone], { signal }) => {
      this._more = [];
      return api.listNews({ zone }, signal);
    },
    args: () => [this.api, this.#zone] as const,
  });

  protected override render(): TemplateResult {
    const t = this.t;
    const zone = this.#zone;
    return html`<section aria-labelledby="news-title">
      <h1 id="news-title" tabindex="-1">${t.newsTitle}</h1>
      <p>${t.newsIntro}</p>
      <p class="actions">
        <a class="button" href=${NEW_NEWS_PATH}>${t.newItem}</a>
        ${
          zone
            ? html`<a class="button secondary" href="/embed/news?zone=${encodeURIComponent(zone)}&lang=${this.language}">${t.zoneNews}</a>`
            : nothing
        }
      </p>
      ${
        this.session?.zone === null
          ? html`<div class="field">
              <label for="n-zone">${t.zone}</label>
              <select id="n-zone" @change=${(event: Event) => {
                this._zone = (event.target as HTMLSelectElement).value;
              }}>
                <option value="" ?selected=${!this._zone}>${t.allZones}</option>
                ${this.zones.map(
                  (candidate) =>
                    html`<option value=${candidate.id} ?selected=${this._zone === candidate.id}>${this.zoneName(candidate.id)}</option>`,
                )}
              </select>
            </div>`
          : nothing
      }
      <div role="alert">${this._error ? html`<p class="error">${this._error}</p>` : nothing}</div>
      ${this.#firstPage.render({
        initial: () => html`<p>${t.loading}</p>`,
        pending: () => html`<p>${t.loading}</p>`,
        complete: (page) => this.#renderItems(page),
        error: (error) => html`<div role="alert"><p class="error">${errorMessage(t, error)}</p></div>
          <button class="secondary" type="button" @click=${() => void this.#firstPage.run()}>${t.retry}</button>`,
      })}
    </section>`;
  }

  #renderItems(first: NewsPage): TemplateResult {
    const t = this.t;
    const pages = [first, ...this._more];
    const items = pages.flatMap((page) => page.data).filter((item) => !this._deleted.has(item.id));
    const next = pages.at(-1)?.nextCursor;
    if (items.length === 0) return html`<p class="notice">${t.noNews}</p>`;
    return html`<ul class="plain news" aria-labelledby="news-title">
        ${items.map((item) => this.#renderItem(item))}
      </ul>
      ${
        next
          ? html`<button class="secondary" type="button" @click=${() => void this.#loadMore(next)}>${t.loadMore}</button>`
          : nothing
      }`;
  }

  #renderItem(item: NewsItem): TemplateResult {
    const t = this.t;
    const own = this.session?.zone;
    const mayChange = own === null || (own !== undefined && item.zones.length === 1 && item.zones[0] === own);
    const date = item.publishedAt ?? item.updatedAt;
    const lang = item.language && item.language !== this.language ? item.language : undefined;
    return html`<li class="card">
      <h2 lang=${lang ?? nothing}>${mayChange ? html`<a href=${newsPath(item.id)}>${item.title}</a>` : item.title}</h2>
      <p class="muted">
        ${date ? html`<time datetime=${date}>${formatDate(this.language, date)}</time>` : t.undated}
        · ${item.zones.map((zone) => this.zoneName(zone)).join(', ')}
      </p>
      <p lang=${lang ?? nothing}>${item.summary}</p>
      ${
        mayChange
          ? html`<p class="actions">
              <a class="button secondary" href=${newsPath(item.id)} aria-label="${t.edit}: ${item.title}">${t.edit}</a>
              <button class="danger" type="button" aria-label="${t.delete}: ${item.title}"
                @click=${() => void this.#delete(item)}>${t.delete}</button>
            </p>`
          : html`<p class="hint">${t.sharedItem}</p>`
      }
    </li>`;
  }

  async #loadMore(cursor: string): Promise<void> {
    try {
      const page = await this.api.listNews({ zone: this.#zone, cursor });
      this._more = [...this._more, page];
      this.announce(this.t.added(page.data.length));
    } catch (error) {
      this._error = errorMessage(this.t, error);
    }
  }

  async #delete(item: NewsItem): Promise<void> {
    if (!window.confirm(this.t.confirmDelete(item.title))) return;
    this._error = undefined;
    try {
      await this.api.deleteNews(item.id);
      this._deleted = new Set([...this._deleted, item.id]);
      this.announce(this.t.deleted(item.title));
      await this.focusHeading();
    } catch (error) {
      this._error = errorMessage(this.t, error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'carezone-inbox-news': InboxNewsList;
  }
}
