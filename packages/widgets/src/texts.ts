/**
 * Every text of the widgets in the four languages, for code that renders a widget's page itself:
 * the server's embed pages (`/embed/…`, which work without JavaScript) read their words here, so a
 * page and its widget never say different things. The widgets load one language at a time instead.
 */
export type { NewsTranslation } from './localization/news/translation.js';
export { NEWS_TRANSLATIONS } from './localization/news/translations.js';
export type { SessionRequestTranslation } from './localization/session-request/translation.js';
export { SESSION_REQUEST_TRANSLATIONS } from './localization/session-request/translations.js';
export type { Translation } from './localization/translation.js';
export { TRANSLATIONS } from './localization/translations.js';
