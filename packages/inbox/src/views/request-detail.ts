import type { SessionRequestStatus } from '@carezone/sdk';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import type { InboxRequest, RequestMail, StatusChange } from '../internal/api.js';
import { errorMessage } from '../internal/errors.js';
import { InboxView } from '../internal/inbox-view.js';
import { formatDateTime } from '../internal/language.js';
import { INBOX_BASE } from '../internal/router.js';

/** Where a request may go from each status (the server's rule, `NEXT_STATUSES`). */
export const NEXT_STATUSES: Readonly<Record<SessionRequestStatus, readonly SessionRequestStatus[]>> = {
  received: ['planned', 'declined'],
  planned: ['done', 'declined'],
  done: [],
  declined: [],
};

/** Changes the requester always hears about; others only when the team ticks the box. */
const ALWAYS_NOTIFIED: readonly SessionRequestStatus[] = ['planned', 'declined'];

/**
 * @summary One request: everything the requester entered, its history with who made each change,
 * the state of its e-mails, and the status change (with a note, and what the requester is told).
 */
export class InboxRequestDetail extends InboxView {
  static override properties = {
    ...InboxView.properties,
    requestId: { attribute: 'request-id' },
    _changed: { state: true },
    _next: { state: true },
    _busy: { state: true },
    _error: { state: true },
    _done: { state: true },
  };

  /** The id of the request shown. */
  declare requestId: string;
  /** The request as the last change answered it (newer than the loaded one). */
  declare protected _changed: InboxRequest | undefined;
  /** The status chosen in the form. */
  declare protected _next: SessionRequestStatus | undefined;
  declare protected _busy: boolean;
  declare protected _error: string | undefined;
  /** What the last change did, said under the form. */
  declare protected _done: string | undefined;

  constructor() {
    super();
    this.requestId = '';
    this._busy = false;
  }

  readonly #request = new Task(this, {
    task: ([api, id], { signal }) => {
      this._changed = undefined;
      this._next = undefined;
      this._error = undefined;
      this._done = undefined;
      return api.getRequest(id, signal);
    },
    args: () => [this.api, this.requestId] as const,
  });

  readonly #topics = new Task(this, {
    task: ([api], { signal }) => api.client.topics.list({ signal }),
    args: () => [this.api] as const,
  });

  protected override render(): TemplateResult {
    const t = this.t;
    // One heading throughout, its text following the load: the focus it got on arrival stays.
    const status = this.#request.status;
    const loaded = this._changed ?? this.#request.value;
    const heading =
      status === TaskStatus.COMPLETE && loaded
        ? t.requestTitle(loaded.request.organisation.name)
        : status === TaskStatus.ERROR
          ? t.notFoundTitle
          : t.loading;
    return html`<p><a href=${INBOX_BASE}>${t.backToRequests}</a></p>
      <h1 tabindex="-1">${heading}</h1>
      ${this.#request.render({
        complete: (loaded) => this.#renderRequest(this._changed ?? loaded),
        error: (error) => html`<div role="alert"><p class="error">${errorMessage(t, error)}</p></div>
          <button class="secondary" type="button" @click=${() => void this.#request.run()}>${t.retry}</button>`,
      })}`;
  }

  #renderRequest(request: InboxRequest): TemplateResult {
    const t = this.t;
    const input = request.request;
    const value = (text: string | number | undefined | null) =>
      text === undefined || text === null || text === ''
        ? html`<span class="muted">${t.notGiven}</span>`
        : text;
    return html`<p>
        <span class="badge">${t.statuses[request.status]}</span>
        ${request.possibleSpam ? html`<span class="badge">${t.possibleSpam}</span>` : nothing}
        <span class="muted">${t.reference} ${request.reference}</span>
      </p>
      ${request.possibleSpam ? this.#renderSpam() : nothing}
      <div class="columns">
        <section aria-labelledby="s-org" class="card">
          <h2 id="s-org">${t.organisation}</h2>
          <dl>
            <dt>${t.organisation}</dt><dd>${input.organisation.name}</dd>
            <dt>${t.organisationKind}</dt><dd>${t.organisationKinds[input.organisation.kind] ?? input.organisation.kind}</dd>
            <dt>${t.zone}</dt><dd>${this.zoneName(input.zone)}</dd>
          </dl>
        </section>
        <section aria-labelledby="s-contact" class="card">
          <h2 id="s-contact">${t.contact}</h2>
          <dl>
            <dt>${t.contactName}</dt><dd>${input.contact.name}</dd>
            <dt>${t.email}</dt><dd><a href="mailto:${input.contact.email}">${input.contact.email}</a></dd>
            <dt>${t.phone}</dt><dd>${input.contact.phone ? html`<a href="tel:${input.contact.phone.replace(/\s/g, '')}">${input.contact.phone}</a>` : value(undefined)}</dd>
          </dl>
        </section>
        <section aria-labelledby="s-session" class="card">
          <h2 id="s-session">${t.session}</h2>
          <dl>
            <dt>${t.topics}</dt><dd>${this.#topicNames(input.topics)}</dd>
            ${input.otherTopic ? html`<dt>${t.otherTopic}</dt><dd>${input.otherTopic}</dd>` : nothing}
            <dt>${t.format}</dt><dd>${t.formats[input.format] ?? input.format}</dd>
            <dt>${t.preferredPeriod}</dt><dd>${value(input.preferredPeriod)}</dd>
            <dt>${t.participants}</dt><dd>${value(input.participants)}</dd>
            <dt>${t.sessionLanguage}</dt><dd>${t.sessionLanguages[input.language] ?? input.language}</dd>
            <dt>${t.formLanguage}</dt><dd>${input.locale ? t.languages[input.locale] : value(undefined)}</dd>
            <dt>${t.received}</dt><dd><time datetime=${request.createdAt}>${formatDateTime(this.language, request.createdAt)}</time></dd>
            <dt>${t.updated}</dt><dd><time datetime=${request.updatedAt}>${formatDateTime(this.language, request.updatedAt)}</time></dd>
          </dl>
        </section>
        <section aria-labelledby="s-message" class="card">
          <h2 id="s-message">${t.message}</h2>
          <p class="message">${value(input.message)}</p>
        </section>
      </div>
      ${this.#renderChange(request)}
      ${this.#renderHistory(request)}
      ${request.mails ? this.#renderMails(request.mails) : nothing}`;
  }

  #renderSpam(): TemplateResult {
    return html`<div class="notice">
      <p>${this.t.spamNotice}</p>
      <button type="button" class="secondary" @click=${this.#confirmNotSpam}>${this.t.confirmNotSpam}</button>
    </div>`;
  }

  #renderHistory(request: InboxRequest): TemplateResult {
    const t = this.t;
    return html`<section aria-labelledby="s-history">
      <h2 id="s-history">${t.history}</h2>
      <ol class="plain history">
        ${[...request.history].reverse().map(
          (entry) => html`<li class="card">
            <p>
              <strong>${t.statuses[entry.status]}</strong>
              · <time datetime=${entry.at}>${formatDateTime(this.language, entry.at)}</time>
              ${
                entry.by === undefined
                  ? nothing
                  : html`· <span class="by">${entry.by === null ? t.byRequester : t.by(entry.by)}</span>`
              }
            </p>
            ${entry.note ? html`<p class="note">${entry.note}</p>` : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  #renderMails(mails: readonly RequestMail[]): TemplateResult {
    const t = this.t;
    return html`<section aria-labelledby="s-mails">
      <h2 id="s-mails">${t.mails}</h2>
      ${
        mails.length === 0
          ? html`<p>${t.noMails}</p>`
          : html`<ul class="plain mails">
              ${mails.map(
                (mail) => html`<li class="card">
                  <p><strong>${t.mailKinds[mail.kind] ?? mail.kind}</strong>:
                    <span class=${mail.state === 'failing' ? 'error-text' : ''}>${t.mailStates[mail.state] ?? mail.state}</span>
                    · <time datetime=${mail.at}>${formatDateTime(this.language, mail.at)}</time>
                    ${mail.attempts > 0 ? html`· ${t.attempts(mail.attempts)}` : nothing}</p>
                  ${mail.lastError && mail.state !== 'sent' ? html`<p class="muted"><code>${mail.lastError}</code></p>` : nothing}
                </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  #renderChange(request: InboxRequest): TemplateResult {
    const t = this.t;
    const next = NEXT_STATUSES[request.status];
    if (next.length === 0) {
      return html`<section aria-labelledby="s-change">
        <h2 id="s-change" tabindex="-1">${t.changeStatus}</h2>
        ${this._done ? html`<p class="success">${this._done}</p>` : nothing}
        <p>${t.closed}</p>
      </section>`;
    }
    const chosen = this._next && next.includes(this._next) ? this._next : undefined;
    const always = chosen !== undefined && ALWAYS_NOTIFIED.includes(chosen);
    return html`<section aria-labelledby="s-change">
      <h2 id="s-change" tabindex="-1">${t.changeStatus}</h2>
      ${this._done ? html`<p class="success">${this._done}</p>` : nothing}
      <form @submit=${this.#submit} novalidate>
        <fieldset>
          <legend>${t.newStatus}</legend>
          ${next.map(
            (status) => html`<label class="check">
              <input type="radio" name="status" value=${status} .checked=${chosen === status}
                @change=${() => {
                  this._next = status;
                }} />
              ${t.statuses[status]}
            </label>`,
          )}
        </fieldset>
        <div class="field">
          <label for="note">${t.note}</label>
          <p class="hint" id="note-hint">${t.noteHint}</p>
          <textarea id="note" name="note" maxlength="2000" aria-describedby="note-hint"></textarea>
        </div>
        <label class="check"><input type="checkbox" name="noteToRequester" /> ${t.noteToRequester}</label>
        ${
          always
            ? html`<p class="hint">${t.alwaysNotified}</p>`
            : html`<label class="check"><input type="checkbox" name="notifyRequester" /> ${t.notifyRequester}</label>
                <p class="hint">${t.alwaysNotified}</p>`
        }
        <div role="alert">${this._error ? html`<p class="error">${this._error}</p>` : nothing}</div>
        <button type="submit" aria-disabled=${this._busy ? 'true' : 'false'}>${t.saveStatus}</button>
      </form>
    </section>`;
  }

  #topicNames(ids: readonly string[]): string {
    const topics = this.#topics.value ?? [];
    return ids.map((id) => topics.find((topic) => topic.id === id)?.label[this.language] ?? id).join(', ');
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this._busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const status = data.get('status') as SessionRequestStatus | null;
    if (!status) {
      this._error = this.t.errors.validation(this.t.newStatus);
      form.querySelector<HTMLInputElement>('input[name=status]')?.focus();
      return;
    }
    const note = String(data.get('note') ?? '').trim();
    const change: StatusChange = { status };
    if (note) change.note = note;
    if (note && data.get('noteToRequester') === 'on') change.noteToRequester = true;
    if (!ALWAYS_NOTIFIED.includes(status) && data.get('notifyRequester') === 'on')
      change.notifyRequester = true;
    this._busy = true;
    this._error = undefined;
    this._done = undefined;
    try {
      this._changed = await this.api.changeStatus(this.requestId, change);
      this._next = undefined;
      form.reset();
      this._done = this.t.statusChanged(this.t.statuses[status]);
      this.announce(this._done);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#s-change')?.focus();
    } catch (error) {
      this._error = errorMessage(this.t, error, { status: this.t.newStatus, note: this.t.note });
    } finally {
      this._busy = false;
    }
  }

  async #confirmNotSpam(): Promise<void> {
    try {
      this._changed = await this.api.confirmNotSpam(this.requestId);
      this._done = this.t.confirmedNotSpam;
      this.announce(this._done);
    } catch (error) {
      this._error = errorMessage(this.t, error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'carezone-inbox-request': InboxRequestDetail;
  }
}
