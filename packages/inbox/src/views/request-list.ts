import { pickText, type SessionRequest, type SessionRequestPage, type Topic } from '@carezone/sdk';
import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { filterFromSearch, filterQuery, type RequestFilter } from '../internal/api.js';
import { errorMessage } from '../internal/errors.js';
import { InboxView } from '../internal/inbox-view.js';
import { formatDate } from '../internal/language.js';
import { INBOX_BASE, requestPath } from '../internal/router.js';

const STATUSES = ['received', 'planned', 'done', 'declined'] as const;

/**
 * @summary The zone's session requests, newest first: filters (status, topic, dates, text, and the
 * zone for a network session) kept in the page's query string, "show more", and the CSV of the
 * filter.
 */
export class InboxRequestList extends InboxView {
  static override properties = {
    ...InboxView.properties,
    search: {},
    _more: { state: true },
    _moreError: { state: true },
    _loadingMore: { state: true },
  };

  /** The page's query string (`?status=received&q=…`): the filters. */
  declare search: string;
  /** Pages added with "show more". */
  declare protected _more: SessionRequestPage[];
  declare protected _moreError: unknown;
  declare protected _loadingMore: boolean;

  constructor() {
    super();
    this.search = '';
    this._more = [];
    this._loadingMore = false;
  }

  readonly #firstPage = new Task(this, {
    task: async ([api, search], { signal }) => {
      this._more = [];
      this._moreError = undefined;
      const page = await api.listRequests(filterFromSearch(search), signal);
      this.announce(this.t.results(page.data.length, page.nextCursor !== null));
      return page;
    },
    args: () => [this.api, this.search] as const,
  });

  readonly #topics = new Task(this, {
    task: ([api], { signal }) => api.client.topics.list({ signal }),
    args: () => [this.api] as const,
  });

  get #filter(): RequestFilter {
    return filterFromSearch(this.search);
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<section aria-labelledby="requests-title">
      <h1 id="requests-title" tabindex="-1">${t.requestsTitle}</h1>
      ${this.#renderFilters()}
      ${this.#firstPage.render({
        initial: () => html`<p>${t.loading}</p>`,
        pending: () => html`<p>${t.loading}</p>`,
        complete: (page) => this.#renderList(page),
        error: (error) => html`<div role="alert"><p class="error">${errorMessage(t, error)}</p></div>
          <button class="secondary" type="button" @click=${() => void this.#firstPage.run()}>${t.retry}</button>`,
      })}
    </section>`;
  }

  #renderFilters(): TemplateResult {
    const t = this.t;
    const filter = this.#filter;
    const topics: Topic[] = this.#topics.value ?? [];
    const network = this.session?.zone === null;
    return html`<form class="filters" @submit=${this.#apply} role="search" aria-label=${t.filters}>
      <fieldset>
        <legend>${t.filters}</legend>
        <div class="grid">
          ${
            network
              ? html`<div class="field">
                  <label for="f-zone">${t.zone}</label>
                  <select id="f-zone" name="zone">
                    <option value="" ?selected=${!filter.zone}>${t.allZones}</option>
                    ${this.zones.map(
                      (zone) =>
                        html`<option value=${zone.id} ?selected=${filter.zone === zone.id}>${pickText(zone.name, this.language)}</option>`,
                    )}
                  </select>
                </div>`
              : nothing
          }
          <div class="field">
            <label for="f-status">${t.status}</label>
            <select id="f-status" name="status">
              <option value="" ?selected=${!filter.status}>${t.anyStatus}</option>
              ${STATUSES.map(
                (status) =>
                  html`<option value=${status} ?selected=${filter.status === status}>${t.statuses[status]}</option>`,
              )}
            </select>
          </div>
          <div class="field">
            <label for="f-topic">${t.topic}</label>
            <select id="f-topic" name="topic">
              <option value="" ?selected=${!filter.topic}>${t.anyTopic}</option>
              ${topics.map(
                (topic) =>
                  html`<option value=${topic.id} ?selected=${filter.topic === topic.id}>${topic.label[this.language]}</option>`,
              )}
              ${
                filter.topic && !topics.some((topic) => topic.id === filter.topic)
                  ? html`<option value=${filter.topic} selected>${filter.topic}</option>`
                  : nothing
              }
            </select>
          </div>
          <div class="field">
            <label for="f-from">${t.receivedFrom}</label>
            <input id="f-from" name="from" type="date" .value=${filter.from ?? ''} />
          </div>
          <div class="field">
            <label for="f-to">${t.receivedTo}</label>
            <input id="f-to" name="to" type="date" .value=${filter.to ?? ''} />
          </div>
        </div>
        <div class="field">
          <label for="f-q">${t.search}</label>
          <p class="hint" id="f-q-hint">${t.searchHint}</p>
          <input id="f-q" name="q" type="search" aria-describedby="f-q-hint" .value=${filter.q ?? ''} />
        </div>
        <div class="actions">
          <button type="submit">${t.applyFilters}</button>
          <button type="button" class="secondary" @click=${this.#clear}>${t.clearFilters}</button>
        </div>
      </fieldset>
    </form>
    <p><a class="button secondary" href=${this.api.exportUrl(filter, this.language)} download>${t.exportCsv}</a></p>`;
  }

  #renderList(first: SessionRequestPage): TemplateResult {
    const t = this.t;
    const pages = [first, ...this._more];
    const requests = pages.flatMap((page) => page.data);
    const next = pages.at(-1)?.nextCursor;
    if (requests.length === 0) return html`<p class="notice">${t.noRequests}</p>`;
    return html`<p class="muted">${t.results(requests.length, next !== null && next !== undefined)}</p>
      <ul class="plain requests" aria-labelledby="requests-title">
        ${requests.map((request, index) => this.#renderRequest(request, index))}
      </ul>
      ${this._moreError ? html`<div role="alert"><p class="error">${errorMessage(t, this._moreError)}</p></div>` : nothing}
      ${
        next
          ? html`<button class="secondary" type="button" aria-disabled=${this._loadingMore ? 'true' : 'false'}
              @click=${() => void this.#loadMore(next, requests.length)}>${t.loadMore}</button>`
          : nothing
      }`;
  }

  #renderRequest(request: SessionRequest, index: number): TemplateResult {
    const t = this.t;
    const input = request.request;
    const network = this.session?.zone === null;
    return html`<li class="card" id="r${index}" tabindex="-1">
      <h2 class="request-title"><a href=${requestPath(request.id)}>${input.organisation.name}</a></h2>
      <p>
        <span class="badge">${t.statuses[request.status]}</span>
        ${request.possibleSpam ? html`<span class="badge">${t.possibleSpam}</span>` : nothing}
        ${network ? html`<span class="badge">${this.zoneName(input.zone)}</span>` : nothing}
      </p>
      <p class="muted">
        ${t.received} <time datetime=${request.createdAt}>${formatDate(this.language, request.createdAt)}</time>
        · ${t.reference} ${request.reference}
      </p>
      <p>${input.contact.name} · ${this.#topicNames(input.topics)}</p>
    </li>`;
  }

  #topicNames(ids: readonly string[]): string {
    const topics = this.#topics.value ?? [];
    return ids.map((id) => topics.find((topic) => topic.id === id)?.label[this.language] ?? id).join(', ');
  }

  async #loadMore(cursor: string, shown: number): Promise<void> {
    if (this._loadingMore) return;
    this._loadingMore = true;
    this._moreError = undefined;
    const search = this.search;
    try {
      const page = await this.api.listRequests({ ...filterFromSearch(search), cursor });
      if (search !== this.search) return;
      this._more = [...this._more, page];
      this.announce(this.t.added(page.data.length));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#r${shown} a`)?.focus();
    } catch (error) {
      this._moreError = error;
    } finally {
      this._loadingMore = false;
    }
  }

  #apply(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const filter: RequestFilter = {};
    for (const [key, value] of data) (filter as Record<string, string>)[key] = String(value);
    const query = new URLSearchParams(filterQuery(filter) as Record<string, string>).toString();
    this.navigate(`${INBOX_BASE}${query ? `?${query}` : ''}`, { focus: false });
  }

  #clear(): void {
    const form = this.renderRoot.querySelector('form');
    form?.reset();
    for (const input of this.renderRoot.querySelectorAll<HTMLInputElement>('form input')) input.value = '';
    this.navigate(INBOX_BASE, { focus: false });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'carezone-inbox-requests': InboxRequestList;
  }
}
