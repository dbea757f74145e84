import { type LangMap, type Language, pickLanguage } from '@carezone/contract';
import { NEWS_TRANSLATIONS, SESSION_REQUEST_TRANSLATIONS, TRANSLATIONS } from '@carezone/widgets/texts';
import { html } from 'hono/html';
import type { Html } from './embed-document.js';

/**
 * The widgets' `LocalizeController` for a server-rendered page: the same catalogues and the same
 * rules for names, lists and dates, so that a page and its widget read alike word for word.
 */
export class EmbedLocalize {
  readonly lang: Language;
  readonly #locale: string;

  constructor(lang: Language) {
    this.lang = lang;
    this.#locale = `${lang}-BE`;
  }

  get t() {
    return TRANSLATIONS[this.lang];
  }

  get form() {
    return SESSION_REQUEST_TRANSLATIONS[this.lang];
  }

  get news() {
    return NEWS_TRANSLATIONS[this.lang];
  }

  /** A name in the page's language, else marked with its own (`<span lang="fr">`), as the widgets do. */
  named(map: LangMap, region?: string): Html {
    const lang = pickLanguage(map, this.lang, region);
    if (lang === undefined) return html``;
    return lang === this.lang ? html`${map[lang]}` : html`<span lang="${lang}">${map[lang]}</span>`;
  }

  /** "A, B en C", its items kept as they are (marked names stay whole). */
  list(items: readonly Html[]): Html {
    const parts = new Intl.ListFormat(this.#locale, { type: 'conjunction' }).formatToParts(
      Object.keys(items),
    );
    return html`${parts.map((part) => (part.type === 'element' ? items[Number(part.value)] : part.value))}`;
  }

  /** `2024-07-01` as "1 juli 2024". */
  date(isoDate: string): string {
    const date = new Date(`${isoDate}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return isoDate;
    return new Intl.DateTimeFormat(this.#locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }

  number(value: number): string {
    return new Intl.NumberFormat(this.#locale).format(value);
  }
}

/** A catalogue sentence around a (possibly marked) name: the widgets' `aroundName`. */
export function aroundName(text: (name: string) => string, name: Html | string): Html {
  const [before = '', after = ''] = text('\0').split('\0');
  return html`${before}${name}${after}`;
}

/** The embed pages' own few words: their titles. */
export const EMBED_TEXTS: Record<Language, { finder: string; zoneCard: string; sent: string }> = {
  nl: { finder: 'Uw zone vinden', zoneCard: 'Zone', sent: 'Aanvraag verstuurd' },
  fr: { finder: 'Trouver votre zone', zoneCard: 'Zone', sent: 'Demande envoyée' },
  en: { finder: 'Find your zone', zoneCard: 'Zone', sent: 'Request sent' },
  de: { finder: 'Ihre Zone finden', zoneCard: 'Zone', sent: 'Anfrage gesendet' },
};
