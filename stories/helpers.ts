import type { Language } from '@carezone/sdk';
import type { StoryContext } from '@storybook/web-components-vite';
import { waitFor } from 'storybook/test';
import { type FixtureAnswer, problem } from '../packages/widgets/src/test-helpers/fixture-api.js';

export const LANGUAGES: readonly Language[] = ['nl', 'fr', 'en', 'de'];

/** `answer`, except that its first call is a 500 INTERNAL: the error state, and a retry that works. */
export function failingOnce<A extends unknown[], R>(
  answer: (...args: A) => R,
): (...args: A) => R | FixtureAnswer {
  let failed = false;
  return (...args) => {
    if (failed) return answer(...args);
    failed = true;
    return problem(500, 'INTERNAL');
  };
}

/** The story's `lang` arg when set, else the language chosen in the toolbar. */
export function languageOf(args: { lang?: string }, context: Pick<StoryContext, 'globals'>): string {
  const fromToolbar = context.globals.lang;
  return args.lang ?? (typeof fromToolbar === 'string' ? fromToolbar : 'nl');
}

export const commonArgTypes = {
  lang: {
    description:
      'nl, fr, en or de. Default: the nearest ancestor’s `lang`, then the document’s, then nl. Unset here: the toolbar’s language.',
    control: { type: 'select' },
    options: LANGUAGES,
    table: { category: 'attributes', type: { summary: "'nl' | 'fr' | 'en' | 'de'" } },
  },
  client: {
    description:
      'Property only: an SDK client of your own (a custom `fetch`, tests, stories); takes precedence over `api`. Each story sets a fixture client.',
    control: false,
    table: { category: 'properties', type: { summary: 'PublicClient | undefined' } },
  },
  api: {
    description:
      'Base URL of the Carezone API. Default: the origin the widget script was loaded from. The stories inject a fixture client (`client` property) instead, which takes precedence.',
    control: false,
    table: { category: 'attributes', type: { summary: 'string' } },
  },
} as const;

/** The custom element a story rendered, once it is there. */
export async function widgetIn<K extends keyof HTMLElementTagNameMap>(
  canvas: HTMLElement,
  tag: K,
): Promise<HTMLElementTagNameMap[K]> {
  return waitFor(() => {
    const element = canvas.querySelector(tag);
    if (!element?.shadowRoot) throw new Error(`no <${tag}> rendered yet`);
    return element;
  });
}

/** An element of a widget's shadow root, waiting until it appears. */
export async function partOf(host: Element, selector: string, timeout = 3000): Promise<HTMLElement> {
  return waitFor(
    () => {
      const found = host.shadowRoot?.querySelector<HTMLElement>(selector);
      if (!found) throw new Error(`no ${selector} in <${host.localName}> yet`);
      return found;
    },
    { timeout },
  );
}
