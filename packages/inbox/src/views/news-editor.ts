import type { Language, NewsItem, PublicClient } from '@carezone/sdk';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { errorMessage } from '../internal/errors.js';
import { InboxView } from '../internal/inbox-view.js';
import { INBOX_LANGUAGES } from '../internal/language.js';
import { newsPath } from '../internal/router.js';

/** What the form holds; every field text, as typed. */
export interface NewsDraft {
  title: string;
  summary: string;
  bodyHtml: string;
  language: Language;
  author: string;
  sourceUrl: string;
  /** The zone of a new item (a network session chooses it). */
  zone: string;
}

const PREVIEW_DELAY_MS = 300;

/** Plain text of an HTML body, for a summary the server would derive the same way (roughly). */
function textOf(bodyHtml: string, limit = 280): string {
  const body = new DOMParser().parseFromString(bodyHtml, 'text/html').body;
  for (const hidden of body.querySelectorAll('script, style, template')) hidden.remove();
  const text = (body.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/**
 * @summary Writes or edits one news item of the zone, with a live preview through
 * `<carezone-news>` (the same component, the same markup, as the sites show).
 */
export class InboxNewsEditor extends InboxView {
  static override properties = {
    ...InboxView.properties,
    itemId: { attribute: 'item-id' },
    _draft: { state: true },
    _preview: { state: true },
    _busy: { state: true },
    _error: { state: true },
    _done: { state: true },
  };

  /** The item edited; undefined: a new item. */
  declare itemId: string | undefined;
  declare protected _draft: NewsDraft | undefined;
  /** The client `<carezone-news>` reads the preview from (a new one per version of the draft). */
  declare protected _preview: PublicClient | undefined;
  declare protected _busy: boolean;
  declare protected _error: string | undefined;
  declare protected _done: string | undefined;

  #previewTimer: ReturnType<typeof setTimeout> | undefined;
  #version = 0;

  constructor() {
    super();
    this._busy = false;
  }

  readonly #item = new Task(this, {
    task: async ([api, id], { signal }) => {
      if (id === undefined) return undefined;
      const item = await api.getNews(id, signal);
      this._draft = {
        title: item.title,
        summary: item.summary,
        bodyHtml: item.bodyHtml ?? '',
        language: item.language ?? this.language,
        author: item.author ?? '',
        sourceUrl: item.sourceUrl ?? '',
        zone: item.zones[0] ?? '',
      };
      this.#schedulePreview(0);
      return item;
    },
    args: () => [this.api, this.itemId] as const,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('itemId') || (this.itemId === undefined && this._draft === undefined)) {
      if (this.itemId === undefined) {
        this._draft = {
          title: '',
          summary: '',
          bodyHtml: '',
          language: this.language,
          author: '',
          sourceUrl: '',
          zone: this.session?.zone ?? '',
        };
        this._done = undefined;
        this.#schedulePreview(0);
      } else if (changed.has('itemId')) {
        this._draft = undefined;
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#previewTimer);
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const title = this.itemId === undefined ? t.newItemTitle : t.editItemTitle;
    return html`<p><a href=${newsPath()}>${t.cancel}</a></p>
      <h1 tabindex="-1">${title}</h1>
      ${
        this.itemId !== undefined && this.#item.error !== undefined
          ? html`<div role="alert"><p class="error">${errorMessage(t, this.#item.error)}</p></div>`
          : this._draft
            ? this.#renderForm(this._draft)
            : html`<p>${t.loading}</p>`
      }`;
  }

  #renderForm(draft: NewsDraft): TemplateResult {
    const t = this.t;
    const network = this.session?.zone === null;
    return html`<div class="editor">
      <form @submit=${this.#submit} @input=${this.#input} novalidate>
        <div class="field">
          <label for="title">${t.itemTitle}</label>
          <input id="title" name="title" required maxlength="300" .value=${draft.title} />
        </div>
        <div class="field">
          <label for="summary">${t.summary}</label>
          <p class="hint" id="summary-hint">${t.summaryHint}</p>
          <textarea id="summary" name="summary" maxlength="1000" aria-describedby="summary-hint" .value=${draft.summary}></textarea>
        </div>
        <div class="field">
          <label for="bodyHtml">${t.body}</label>
          <p class="hint" id="body-hint">${t.bodyHint}</p>
          <textarea id="bodyHtml" name="bodyHtml" class="body" aria-describedby="body-hint" .value=${draft.bodyHtml}></textarea>
        </div>
        <div class="grid">
          <div class="field">
            <label for="language">${t.itemLanguage}</label>
            <select id="language" name="language">
              ${INBOX_LANGUAGES.map(
                (language) =>
                  html`<option value=${language} lang=${language} ?selected=${draft.language === language}>${t.languages[language]}</option>`,
              )}
            </select>
          </div>
          ${
            network && this.itemId === undefined
              ? html`<div class="field">
                  <label for="zone">${t.itemZone}</label>
                  <select id="zone" name="zone" required>
                    <option value="" ?selected=${!draft.zone}></option>
                    ${this.zones.map(
                      (zone) =>
                        html`<option value=${zone.id} ?selected=${draft.zone === zone.id}>${this.zoneName(zone.id)}</option>`,
                    )}
                  </select>
                </div>`
              : nothing
          }
          <div class="field">
            <label for="author">${t.author}</label>
            <input id="author" name="author" maxlength="200" autocomplete="name" .value=${draft.author} />
          </div>
        </div>
        <div class="field">
          <label for="sourceUrl">${t.sourceUrl}</label>
          <input id="sourceUrl" name="sourceUrl" type="url" inputmode="url" .value=${draft.sourceUrl} />
        </div>
        <div role="alert">${this._error ? html`<p class="error">${this._error}</p>` : nothing}</div>
        <p class="success" role="status">${this._done ?? ''}</p>
        <button type="submit" aria-disabled=${this._busy ? 'true' : 'false'}>${t.save}</button>
      </form>
      <section aria-labelledby="preview-title" class="preview">
        <h2 id="preview-title">${t.preview}</h2>
        <p class="hint">${t.previewHint}</p>
        ${this._preview ? html`<carezone-news .client=${this._preview} heading-level="3" limit="1"></carezone-news>` : nothing}
      </section>
    </div>`;
  }

  /** Every keystroke goes into the draft (nothing typed is lost on a failed save or a new sign-in). */
  #input(event: Event): void {
    const field = event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    if (!this._draft || !(field.name in this._draft)) return;
    this._draft = { ...this._draft, [field.name]: field.value };
    this.#schedulePreview(PREVIEW_DELAY_MS);
  }

  #schedulePreview(delay: number): void {
    clearTimeout(this.#previewTimer);
    this.#previewTimer = setTimeout(() => {
      if (this._draft) this._preview = this.#previewClient(this.#previewItem(this._draft));
    }, delay);
  }

  /** The draft as the API will answer it once saved (the server sanitises the body; so does the widget). */
  #previewItem(draft: NewsDraft): NewsItem {
    const item = this.#item.value;
    this.#version += 1;
    const now = new Date().toISOString();
    return {
      // A new id per version: the widget keeps each body it has cleaned by item id.
      id: `preview-${this.#version}`,
      title: draft.title.trim() || '…',
      summary: draft.summary.trim() || textOf(draft.bodyHtml),
      bodyHtml: draft.bodyHtml.trim() ? draft.bodyHtml : null,
      language: draft.language,
      publishedAt: item?.publishedAt ?? now,
      updatedAt: now,
      author: draft.author.trim() || null,
      zones: item?.zones ?? (draft.zone ? [draft.zone] : []),
      topics: item?.topics ?? [],
      image: item?.image ?? null,
      sourceUrl: draft.sourceUrl.trim() || null,
    };
  }

  /** A client whose news is the draft alone; zone names come from the API. */
  #previewClient(item: NewsItem): PublicClient {
    const real = this.api.client;
    return {
      ...real,
      news: {
        list: async () => ({ data: [item], nextCursor: null }),
        get: async () => item,
        pages: async function* () {
          yield { data: [item], nextCursor: null };
        },
      },
    };
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const draft = this._draft;
    if (this._busy || !draft) return;
    const t = this.t;
    const labels = {
      title: t.itemTitle,
      summary: t.summary,
      bodyHtml: t.body,
      language: t.itemLanguage,
      author: t.author,
      sourceUrl: t.sourceUrl,
      zones: t.itemZone,
    };
    const missing = [
      !draft.title.trim() && 'title',
      this.itemId === undefined && !draft.zone && 'zones',
    ].filter((field): field is string => typeof field === 'string');
    if (missing.length > 0) {
      this._error = t.errors.validation(
        missing.map((field) => labels[field as keyof typeof labels]).join(', '),
      );
      this.renderRoot.querySelector<HTMLElement>(missing[0] === 'title' ? '#title' : '#zone')?.focus();
      return;
    }
    // The optional fields: a new item leaves the empty ones out; a change clears them (`null`).
    const optional = {
      summary: draft.summary.trim(),
      bodyHtml: draft.bodyHtml.trim() ? draft.bodyHtml : '',
      author: draft.author.trim(),
      sourceUrl: draft.sourceUrl.trim(),
    };
    const required = { title: draft.title.trim(), language: draft.language };
    this._busy = true;
    this._error = undefined;
    this._done = undefined;
    try {
      if (this.itemId === undefined) {
        const given = Object.entries(optional).filter(([, value]) => value !== '');
        const created = await this.api.createNews({
          ...required,
          ...Object.fromEntries(given),
          zones: [draft.zone],
        });
        this.announce(t.published);
        this.navigate(newsPath(created.id), { replace: true });
      } else {
        const cleared = Object.entries(optional).map(([name, value]) => [name, value === '' ? null : value]);
        await this.api.updateNews(this.itemId, { ...required, ...Object.fromEntries(cleared) });
        this._done = t.saved;
      }
    } catch (error) {
      this._error = errorMessage(t, error, labels);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'carezone-inbox-news-editor': InboxNewsEditor;
  }
}
