import { html, nothing, type TemplateResult } from 'lit';
import { InboxSignedInEvent } from '../events/inbox-events.js';
import { errorMessage } from '../internal/errors.js';
import { InboxView } from '../internal/inbox-view.js';

/**
 * @summary Sign-in: a staff token pasted once, exchanged by the server for a session cookie. The
 * token is sent once and never kept by the page.
 *
 * @event carezone-inbox-signed-in - The token was accepted (`InboxSignedInEvent`, with the session).
 */
export class InboxSignIn extends InboxView {
  static override properties = {
    ...InboxView.properties,
    notice: {},
    _error: { state: true },
    _busy: { state: true },
  };

  /** Said above the form: why the sign-in is shown (signed out, session ended). */
  declare notice: string | undefined;
  declare protected _error: string | undefined;
  declare protected _busy: boolean;

  constructor() {
    super();
    this._busy = false;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const invalid = this._error !== undefined;
    return html`<section aria-labelledby="sign-in-title">
      <h1 id="sign-in-title" tabindex="-1">${t.signInTitle}</h1>
      ${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}
      <p>${t.signInIntro}</p>
      <form @submit=${this.#submit} novalidate>
        <div class="field">
          <label for="token">${t.tokenLabel}</label>
          <p class="hint" id="token-hint">${t.tokenHint}</p>
          <input id="token" name="token" type="password" autocomplete="off" spellcheck="false"
            autocapitalize="off" aria-describedby="token-hint${invalid ? ' token-error' : ''}"
            aria-invalid=${invalid ? 'true' : 'false'} />
        </div>
        <div id="token-error" role="alert">${invalid ? html`<p class="error">${this._error}</p>` : nothing}</div>
        <button type="submit" aria-disabled=${this._busy ? 'true' : 'false'}>${t.signIn}</button>
      </form>
    </section>`;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this._busy) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#token');
    const token = input?.value.trim() ?? '';
    if (!token) {
      this._error = this.t.errors.validation(this.t.tokenLabel);
      input?.focus();
      return;
    }
    this._busy = true;
    this._error = undefined;
    try {
      const session = await this.api.signIn(token);
      if (input) input.value = '';
      this.dispatchEvent(new InboxSignedInEvent(session));
    } catch (error) {
      this._error = errorMessage(this.t, error, { token: this.t.tokenLabel });
      input?.focus();
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'carezone-inbox-sign-in': InboxSignIn;
  }
}
