import type { StaffSession } from '../internal/api.js';

/** A view asks the inbox to show another page (a link, a saved item). */
export class InboxNavigateEvent extends Event {
  static readonly eventName = 'carezone-inbox-navigate';
  /**
   * `path` with its query. `focus: false` keeps the focus where it is (a filter applied);
   * `replace` replaces the history entry instead of adding one.
   */
  readonly path: string;
  readonly options: { focus?: boolean; replace?: boolean };
  constructor(path: string, options: { focus?: boolean; replace?: boolean } = {}) {
    super(InboxNavigateEvent.eventName, { bubbles: true, composed: true });
    this.path = path;
    this.options = options;
  }
}

/** A view has something to say to a screen reader user (results, saved, deleted). */
export class InboxAnnounceEvent extends Event {
  static readonly eventName = 'carezone-inbox-announce';
  readonly message: string;
  constructor(message: string) {
    super(InboxAnnounceEvent.eventName, { bubbles: true, composed: true });
    this.message = message;
  }
}

/** The sign-in form exchanged a token for a session. */
export class InboxSignedInEvent extends Event {
  static readonly eventName = 'carezone-inbox-signed-in';
  readonly session: StaffSession;
  constructor(session: StaffSession) {
    super(InboxSignedInEvent.eventName, { bubbles: true, composed: true });
    this.session = session;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'carezone-inbox-navigate': InboxNavigateEvent;
    'carezone-inbox-announce': InboxAnnounceEvent;
    'carezone-inbox-signed-in': InboxSignedInEvent;
  }
}
