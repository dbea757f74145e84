import type { Language, ZoneSummary } from '@carezone/sdk';
import { pickText } from '@carezone/sdk';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { InboxAnnounceEvent, InboxNavigateEvent, InboxSignedInEvent } from '../events/inbox-events.js';
import { InboxApi, type StaffSession } from '../internal/api.js';
import { errorMessage } from '../internal/errors.js';
import type { InboxView } from '../internal/inbox-view.js';
import { chooseLanguage, INBOX_LANGUAGES, initialLanguage } from '../internal/language.js';
import { INBOX_BASE, inboxLinkTarget, newsPath, parseRoute, type Route } from '../internal/router.js';
import { inboxStyles } from '../internal/styles.js';
import type { InboxTranslation } from '../localization/translation.js';
import { INBOX_TRANSLATIONS } from '../localization/translations.js';
import { inboxAppStyles } from './inbox-app.styles.js';

/**
 * @summary The zone team's inbox: sign-in, the session requests and the news of the zone, one page
 * per path under `/inbox/` (History API), in nl, fr, en or de.
 *
 * On every navigation the new view's heading takes the focus and the page's title follows it;
 * results, saves and deletions are said in a live region. A session that ends while a form is
 * being filled in shows the sign-in above the form, which keeps what was typed.
 */
export class CarezoneInbox extends LitElement {
  static override styles = [inboxStyles, inboxAppStyles];

  static override properties = {
    api: { attribute: false },
    _lang: { state: true },
    _session: { state: true },
    _checked: { state: true },
    _checkError: { state: true },
    _everSignedIn: { state: true },
    _notice: { state: true },
    _route: { state: true },
    _search: { state: true },
    _status: { state: true },
    _zones: { state: true },
  };

  /** The way to the API; default: this page's server, with the session cookie. */
  declare api: InboxApi;
  declare protected _lang: Language;
  declare protected _session: StaffSession | undefined;
  /** Whether the session cookie has been checked since the page loaded. */
  declare protected _checked: boolean;
  declare protected _checkError: unknown;
  /** A view was shown once: it stays (hidden) under a new sign-in, with what was typed in it. */
  declare protected _everSignedIn: boolean;
  /** Why the sign-in is shown. */
  declare protected _notice: string | undefined;
  declare protected _route: Route;
  declare protected _search: string;
  /** The live region's text. */
  declare protected _status: string;
  declare protected _zones: ZoneSummary[];

  constructor() {
    super();
    this._lang = initialLanguage();
    this._checked = false;
    this._everSignedIn = false;
    this._route = parseRoute(location.pathname);
    this._search = location.search;
    this._status = '';
    this._zones = [];
    this.addEventListener('click', this.#followLink);
    this.addEventListener('carezone-inbox-navigate', (event: InboxNavigateEvent) =>
      this.#go(event.path, event.options),
    );
    this.addEventListener('carezone-inbox-announce', (event: InboxAnnounceEvent) => this.#say(event.message));
    this.addEventListener(
      'carezone-inbox-signed-in',
      (event: InboxSignedInEvent) => void this.#signedIn(event.session),
    );
  }

  get #t(): InboxTranslation {
    return INBOX_TRANSLATIONS[this._lang];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.api ??= new InboxApi();
    this.api.onUnauthorized = () => this.#sessionEnded();
    document.documentElement.lang = this._lang;
    window.addEventListener('popstate', this.#popState);
    void this.#checkSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#popState);
  }

  async #checkSession(): Promise<void> {
    this._checkError = undefined;
    try {
      const session = await this.api.session();
      if (session) await this.#signedIn(session, false);
    } catch (error) {
      this._checkError = error;
    } finally {
      this._checked = true;
      await this.#focusView();
    }
  }

  async #signedIn(session: StaffSession, focus = true): Promise<void> {
    const first = !this._everSignedIn;
    this._session = session;
    this._everSignedIn = true;
    this._notice = undefined;
    if (first || this._zones.length === 0) {
      this.api.client.zones.list().then(
        (zones) => {
          this._zones = zones;
        },
        () => undefined,
      );
    }
    if (focus) await this.#focusView();
  }

  #sessionEnded(): void {
    if (!this._session) return;
    this._session = undefined;
    this._notice = this.#t.sessionEnded;
    void this.#focusView();
  }

  async #signOut(): Promise<void> {
    try {
      await this.api.signOut();
    } catch {
      // The cookie ends by itself; the page forgets the session either way.
    }
    this._session = undefined;
    this._everSignedIn = false;
    this._notice = this.#t.signedOut;
    this.#say(this.#t.signedOut);
    await this.#focusView();
  }

  readonly #popState = (): void => {
    this._route = parseRoute(location.pathname);
    this._search = location.search;
    void this.#focusView();
  };

  /** Links to pages of the inbox change the view in place; any other link works as usual. */
  readonly #followLink = (event: MouseEvent): void => {
    const path = inboxLinkTarget(event);
    if (path === undefined) return;
    event.preventDefault();
    this.#go(path);
  };

  #go(path: string, { focus = true, replace = false }: { focus?: boolean; replace?: boolean } = {}): void {
    const url = new URL(path, location.href);
    if (replace) history.replaceState(null, '', url);
    else if (url.href !== location.href) history.pushState(null, '', url);
    this._route = parseRoute(url.pathname);
    this._search = url.search;
    if (focus) void this.#focusView();
  }

  /** The view's heading takes the focus, and the page's title follows it. */
  async #focusView(): Promise<void> {
    await this.updateComplete;
    const view = this.renderRoot.querySelector<InboxView>('.view:not([hidden]) > *');
    await view?.focusHeading();
    const heading = view?.renderRoot.querySelector('h1')?.textContent?.trim();
    document.title = heading ? `${heading} · ${this.#t.appTitle}` : this.#t.appTitle;
  }

  #say(message: string): void {
    // Emptied first, so that the same message said twice is read twice.
    this._status = '';
    // A timer, not an animation frame: frames stop in a tab in the background.
    setTimeout(() => {
      this._status = message;
    }, 100);
  }

  #switchLanguage(event: Event): void {
    const language = (event.target as HTMLSelectElement).value as Language;
    if (!INBOX_LANGUAGES.includes(language)) return;
    this._lang = language;
    chooseLanguage(language);
    void this.updateComplete.then(() => {
      const heading = this.renderRoot
        .querySelector('.view:not([hidden]) > *')
        ?.shadowRoot?.querySelector('h1');
      document.title = heading?.textContent
        ? `${heading.textContent.trim()} · ${this.#t.appTitle}`
        : this.#t.appTitle;
    });
  }

  protected override render(): TemplateResult {
    const t = this.#t;
    const signedIn = this._session !== undefined;
    return html`<header>
        <div class="bar">
          <p class="brand">${t.appTitle}</p>
          <div class="session">
            <div class="lang">
              <label for="lang">${t.language}</label>
              <select id="lang" @change=${this.#switchLanguage}>
                ${INBOX_LANGUAGES.map(
                  (language) =>
                    html`<option value=${language} lang=${language} ?selected=${language === this._lang}>${t.languages[language]}</option>`,
                )}
              </select>
            </div>
            ${
              this._session
                ? html`<p>${t.signedInAs(
                    this._session.label,
                    this._session.zone === null ? t.allZones : this.#zoneName(this._session.zone),
                  )}</p>
                  <button class="secondary" type="button" @click=${() => void this.#signOut()}>${t.signOut}</button>`
                : nothing
            }
          </div>
        </div>
        ${signedIn ? this.#renderNav(t) : nothing}
      </header>
      <main>
        ${this.#renderMain(t)}
      </main>
      <p class="visually-hidden" role="status" aria-live="polite">${this._status}</p>`;
  }

  #renderNav(t: InboxTranslation): TemplateResult {
    const onNews = this._route.view.startsWith('news');
    const onRequests = this._route.view === 'requests' || this._route.view === 'request';
    return html`<nav aria-label=${t.navigation}>
      <ul>
        <li><a href=${INBOX_BASE} aria-current=${onRequests ? 'page' : nothing}>${t.navRequests}</a></li>
        <li><a href=${newsPath()} aria-current=${onNews ? 'page' : nothing}>${t.navNews}</a></li>
      </ul>
    </nav>`;
  }

  #renderMain(t: InboxTranslation): TemplateResult {
    if (!this._checked) return html`<p>${t.loading}</p>`;
    if (this._checkError !== undefined && !this._session) {
      return html`<h1 tabindex="-1">${t.appTitle}</h1>
        <div role="alert"><p class="error">${errorMessage(t, this._checkError)}</p></div>
        <button type="button" @click=${() => void this.#checkSession()}>${t.retry}</button>`;
    }
    const signedIn = this._session !== undefined;
    return html`${
      signedIn
        ? nothing
        : html`<div class="view"><carezone-inbox-sign-in .api=${this.api} language=${this._lang}
            .notice=${this._notice}></carezone-inbox-sign-in></div>`
    }
      ${this._everSignedIn ? html`<div class="view" ?hidden=${!signedIn}>${this.#renderView()}</div>` : nothing}`;
  }

  #renderView(): TemplateResult {
    const common = { api: this.api, session: this._session, zones: this._zones, language: this._lang };
    const route = this._route;
    switch (route.view) {
      case 'requests':
        return html`<carezone-inbox-requests .api=${common.api} .session=${common.session} .zones=${common.zones}
          language=${common.language} .search=${this._search}></carezone-inbox-requests>`;
      case 'request':
        return html`<carezone-inbox-request .api=${common.api} .session=${common.session} .zones=${common.zones}
          language=${common.language} .requestId=${route.id}></carezone-inbox-request>`;
      case 'news':
        return html`<carezone-inbox-news .api=${common.api} .session=${common.session} .zones=${common.zones}
          language=${common.language}></carezone-inbox-news>`;
      case 'news-new':
        return html`<carezone-inbox-news-editor .api=${common.api} .session=${common.session} .zones=${common.zones}
          language=${common.language} .itemId=${undefined}></carezone-inbox-news-editor>`;
      case 'news-edit':
        return html`<carezone-inbox-news-editor .api=${common.api} .session=${common.session} .zones=${common.zones}
          language=${common.language} .itemId=${route.id}></carezone-inbox-news-editor>`;
      default:
        return html`<carezone-inbox-not-found language=${common.language}></carezone-inbox-not-found>`;
    }
  }

  #zoneName(id: string): string {
    const zone = this._zones.find((candidate) => candidate.id === id);
    return zone ? pickText(zone.name, this._lang) : id;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'carezone-inbox': CarezoneInbox;
  }
}
