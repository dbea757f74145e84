/**
 * @carezone/widgets: Lit web components of Carezone. This first part holds what every widget
 * shares; the elements themselves (`<carezone-finder>`, `<carezone-zone-card>`, …) follow.
 */
export { DEFAULT_LANGUAGE, resolveLanguage, TRANSLATIONS } from './localization/resolve-language.js';
export type { Translation } from './localization/translation.js';
