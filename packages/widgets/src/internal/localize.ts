import { type LangMap, type Language, pickLanguage, pickText } from '@carezone/sdk';
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { type Catalogue, widgetTexts } from '../localization/load-translation.js';
import { resolveLanguage } from '../localization/resolve-language.js';
import type { Translation } from '../localization/translation.js';

type Host = ReactiveControllerHost & HTMLElement;

/** A name as a widget shows it: text in the widget's language, else marked with its own (`named`). */
export type Name = string | TemplateResult;

// One observer for the whole page: a CMS language switch that changes `<html lang>` re-renders
// every connected widget, not only those created afterwards.
const connectedHosts = new Set<Host>();
let documentObserver: MutationObserver | undefined;

function observeDocumentLanguage(): void {
  documentObserver ??= new MutationObserver(() => {
    for (const host of connectedHosts) host.requestUpdate();
  });
  documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

/**
 * The language of one widget and the texts, names, dates and numbers in it. The host calls
 * `prepare()` before every update and awaits it when it answers a promise (CarezoneElement does),
 * so a `lang` set on the element or an ancestor takes effect at the next update, with its texts
 * (`<html lang>` changes trigger one by themselves). The texts every widget shares come with
 * it; a widget with texts of its own adds their catalogue with `use()`.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: Host;
  readonly #catalogues: Catalogue<unknown>[] = [widgetTexts];
  #lang: Language;

  constructor(host: Host) {
    this.#host = host;
    this.#lang = resolveLanguage(host);
    host.addController(this);
  }

  /**
   * Resolves the language now and, if one of its catalogues has not arrived yet, a promise of
   * them (undefined when they are there, so an update is not delayed by a needless microtask).
   * The language changes once its texts are there, so `lang` and the texts always agree.
   */
  prepare(): Promise<unknown> | undefined {
    const lang = resolveLanguage(this.#host);
    const missing = this.#catalogues.filter((texts) => !texts.loaded(lang)).map((texts) => texts.load(lang));
    const ready = (): undefined => {
      this.#lang = lang;
    };
    return missing.length > 0 ? Promise.all(missing).then(ready) : ready();
  }

  /** Loads `catalogue` with the shared texts before every update; answers its reader. */
  use<T>(catalogue: Catalogue<T>): () => T {
    this.#catalogues.push(catalogue);
    return () => textsOf(catalogue, this.#lang);
  }

  hostConnected(): void {
    connectedHosts.add(this.#host);
    observeDocumentLanguage();
  }

  hostDisconnected(): void {
    connectedHosts.delete(this.#host);
  }

  get lang(): Language {
    return this.#lang;
  }

  /** The texts of the widget's language. Only read while rendering (after `prepare()`). */
  get t(): Translation {
    return textsOf(widgetTexts, this.#lang);
  }

  /** A zone or place name in this language, else in the fallback `pickText` chooses (`region`: a place's). */
  name(map: LangMap, region?: string): string {
    return pickText(map, this.#lang, region);
  }

  /**
   * A name to show, as `name` picks it, in a `<span lang>` when that is another language than the
   * widget's (a pack without German names shows `<span lang="fr">Sud</span>` in a German widget),
   * so that a screen reader reads it in its own language (WCAG 3.1.2).
   */
  named(map: LangMap, region?: string): Name {
    const lang = pickLanguage(map, this.#lang, region) as Language;
    return lang === this.#lang ? (map[lang] as string) : html`<span lang=${lang}>${map[lang]}</span>`;
  }

  /** A calendar date (`YYYY-MM-DD`) as the visitor writes it: "1 juli 2024", "1 juillet 2024". */
  date(isoDate: string): string {
    const date = new Date(`${isoDate}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return isoDate;
    return new Intl.DateTimeFormat(this.#locale(), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }

  /** "A, B en C" / "A, B et C": a list joined as the language does, its items (names) kept as they are. */
  list<T extends Name>(items: readonly T[]): (T | string)[] {
    return new Intl.ListFormat(this.#locale(), { type: 'conjunction' })
      .formatToParts(Object.keys(items))
      .map((part) => (part.type === 'element' ? (items[+part.value] as T) : part.value));
  }

  #locale(): string {
    return belgianLocale(this.#lang);
  }
}

/**
 * A catalogue's text around a name that may be marked with its language: "Voor <span lang="fr">Sud</span>
 * …" (a catalogue's functions take strings, so the text is split where the name goes).
 */
export function aroundName(text: (name: string) => string, name: Name): TemplateResult {
  const [before, after] = text('\0').split('\0');
  return html`${before}${name}${after}`;
}

/** Belgian conventions for every language (date order, separators): `nl-BE`, `fr-BE`… */
const belgianLocale = (lang: Language) => `${lang}-BE`;

// Formats only some widgets show, as functions beside the controller rather than methods of it:
// a bundle that shows none of them (the finder's) does not carry them.

/** A number as the visitor writes it: "1.234,5", "1 234,5". */
export function formatNumber(localize: LocalizeController, value: number): string {
  return new Intl.NumberFormat(belgianLocale(localize.lang)).format(value);
}

/** "over 2 minuten", "3 hours ago", "gisteren": `value` units from now (negative: past). */
export function formatRelativeTime(
  localize: LocalizeController,
  value: number,
  unit: Intl.RelativeTimeFormatUnit,
): string {
  return new Intl.RelativeTimeFormat(belgianLocale(localize.lang), { numeric: 'auto' }).format(value, unit);
}

/** An instant as a long date in Brussels: "2 december 2026". */
export function formatLongDate(localize: LocalizeController, date: Date): string {
  return new Intl.DateTimeFormat(belgianLocale(localize.lang), {
    dateStyle: 'long',
    timeZone: 'Europe/Brussels',
  }).format(date);
}

function textsOf<T>(catalogue: Catalogue<T>, lang: Language): T {
  // Read only after `prepare()` has loaded the language: never undefined then.
  return catalogue.loaded(lang) as T;
}
