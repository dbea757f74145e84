import type { Language, ZoneSummary } from '@carezone/sdk';
import { pickText } from '@carezone/sdk';
import { LitElement, type PropertyDeclarations } from 'lit';
import { InboxAnnounceEvent, InboxNavigateEvent } from '../events/inbox-events.js';
import type { InboxTranslation } from '../localization/translation.js';
import { INBOX_TRANSLATIONS } from '../localization/translations.js';
import type { InboxApi, StaffSession } from './api.js';
import { inboxStyles } from './styles.js';

/**
 * What every view of the inbox shares: the API, the texts of the inbox's language, the session,
 * the zones (for names), and a heading that takes the focus when the view is shown.
 */
export class InboxView extends LitElement {
  static override styles = [inboxStyles];

  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    language: {},
    session: { attribute: false },
    zones: { attribute: false },
  };

  /** The inbox's way to the API. */
  declare api: InboxApi;
  /** nl, fr, en or de. */
  declare language: Language;
  /** The signed-in session. */
  declare session: StaffSession | undefined;
  /** The loaded zones, for their names. */
  declare zones: readonly ZoneSummary[];

  constructor() {
    super();
    this.language = 'nl';
    this.zones = [];
  }

  protected get t(): InboxTranslation {
    return INBOX_TRANSLATIONS[this.language] ?? INBOX_TRANSLATIONS.nl;
  }

  /** A zone's name in the inbox's language, else its id. */
  protected zoneName(id: string): string {
    const zone = this.zones.find((candidate) => candidate.id === id);
    return zone ? pickText(zone.name, this.language) : id;
  }

  /** The page's title follows the heading of the view shown (whose text may come with its data). */
  protected override updated(): void {
    const heading = this.renderRoot.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
    if (heading && this.isConnected && !this.closest('[hidden]')) {
      document.title = `${heading} · ${this.t.appTitle}`;
    }
  }

  /** Moves the focus to the view's heading, so a screen reader starts reading the new page there. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected announce(message: string): void {
    this.dispatchEvent(new InboxAnnounceEvent(message));
  }

  protected navigate(path: string, options?: { focus?: boolean; replace?: boolean }): void {
    this.dispatchEvent(new InboxNavigateEvent(path, options));
  }
}
