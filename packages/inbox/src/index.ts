/**
 * @carezone/inbox: the zone team's inbox as Lit components. Importing this module defines no tag:
 * `@carezone/inbox/define` does (the script the server serves at `/inbox/assets/`).
 */
export { CarezoneInbox } from './app/inbox-app.js';
export { InboxAnnounceEvent, InboxNavigateEvent, InboxSignedInEvent } from './events/inbox-events.js';
export {
  FILTER_KEYS,
  filterFromSearch,
  filterQuery,
  InboxApi,
  type InboxApiOptions,
  type InboxRequest,
  type RequestFilter,
  type RequestMail,
  type StaffSession,
  type StatusChange,
} from './internal/api.js';
export { parseRoute, type Route } from './internal/router.js';
export type { InboxTranslation } from './localization/translation.js';
export { INBOX_TRANSLATIONS } from './localization/translations.js';
export { InboxNewsEditor } from './views/news-editor.js';
export { InboxNewsList } from './views/news-list.js';
export { InboxNotFound } from './views/not-found.js';
export { InboxRequestDetail, NEXT_STATUSES } from './views/request-detail.js';
export { InboxRequestList } from './views/request-list.js';
export { InboxSignIn } from './views/sign-in.js';
