/**
 * @carezone/widgets: Lit web components of Carezone. Importing this module defines no tag; import
 * `@carezone/widgets/define` (or load a bundle) for that, or define the classes under names of
 * your own.
 */
export { type SubmitErrorCode, SubmitErrorEvent } from './events/submit-error.js';
export { SubmitSuccessEvent } from './events/submit-success.js';
export { ZoneChangeEvent } from './events/zone-change.js';
export { CarezoneFinder } from './finder/finder.js';
export { CarezoneElement } from './internal/carezone-element.js';
export type { NewsTranslation } from './localization/news/translation.js';
export { NEWS_TRANSLATIONS } from './localization/news/translations.js';
export { DEFAULT_LANGUAGE, resolveLanguage } from './localization/resolve-language.js';
export type { SessionRequestTranslation } from './localization/session-request/translation.js';
export { SESSION_REQUEST_TRANSLATIONS } from './localization/session-request/translations.js';
export type { Translation } from './localization/translation.js';
export { TRANSLATIONS } from './localization/translations.js';
export { CarezoneNews } from './news/news.js';
export { CarezoneSessionRequest } from './session-request/session-request.js';
export { CarezoneZoneCard } from './zone-card/zone-card.js';
