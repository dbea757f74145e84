import { type LangMap, type Language, pickText } from '@carezone/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadedTranslation, loadTranslation } from '../localization/load-translation.js';
import { resolveLanguage } from '../localization/resolve-language.js';
import type { Translation } from '../localization/translation.js';

type Host = ReactiveControllerHost & HTMLElement;

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
 * (`<html lang>` changes trigger one by themselves).
 */
export class LocalizeController implements ReactiveController {
  readonly #host: Host;
  #lang: Language;
  #translation: Translation | undefined;

  constructor(host: Host) {
    this.#host = host;
    this.#lang = resolveLanguage(host);
    host.addController(this);
  }

  /**
   * Resolves the language now and, if its catalogue has not arrived yet, a promise of it
   * (undefined when it is there, so an update is not delayed by a needless microtask).
   */
  prepare(): Promise<unknown> | undefined {
    this.#lang = resolveLanguage(this.#host);
    const loaded = loadedTranslation(this.#lang);
    if (loaded) {
      this.#translation = loaded;
      return undefined;
    }
    return loadTranslation(this.#lang).then((translation) => {
      this.#translation = translation;
    });
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
    if (!this.#translation) throw new Error('Carezone: the texts are read before their language has loaded');
    return this.#translation;
  }

  /** A zone or place name in this language, with the packs' fallback (nl, then fr, then any). */
  name(map: LangMap): string {
    return pickText(map, this.#lang);
  }

  /** A calendar date (`YYYY-MM-DD`) as the visitor writes it: "1 juli 2024", "1 juillet 2024". */
  date(isoDate: string): string {
    const date = new Date(`${isoDate}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return isoDate;
    return new Intl.DateTimeFormat(this.#locale(), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }

  number(value: number): string {
    return new Intl.NumberFormat(this.#locale()).format(value);
  }

  /** "A, B en C" / "A, B et C": a list joined as the language does. */
  list(items: readonly string[]): string {
    return new Intl.ListFormat(this.#locale(), { type: 'conjunction' }).format(items);
  }

  /** Belgian conventions for every language (date order, separators). */
  #locale(): string {
    return `${this.#lang}-BE`;
  }
}
