import type { Language } from '@carezone/sdk';

export const DEFAULT_LANGUAGE: Language = 'nl';

/**
 * The SDK's `LANGUAGES`, written out: the page's language is resolved as the script starts
 * (`preload.ts`), before the SDK's modules (and zod under them) have run. A test keeps both equal.
 */
export const WIDGET_LANGUAGES: readonly Language[] = ['nl', 'fr', 'en', 'de'];

function supported(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split('-')[0];
  return WIDGET_LANGUAGES.find((language) => language === primary);
}

/**
 * The language of a widget: its own `lang`, else the nearest ancestor's (crossing shadow roots,
 * since a widget may sit inside another component), else the document's, else Dutch. The nearest
 * declared language decides: an unsupported one (`lang="es"`) falls back to Dutch rather than to a
 * farther ancestor, which would be a language the page did not ask for there.
 */
export function resolveLanguage(element: Element): Language {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      return supported(node.getAttribute('lang') ?? '') ?? DEFAULT_LANGUAGE;
    }
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return DEFAULT_LANGUAGE;
}
