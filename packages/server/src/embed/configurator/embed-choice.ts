import { LANGUAGES, type Language } from '@carezone/contract';
import { NEWS_LAYOUTS, type NewsLayout } from '../pages/news-page.js';

export const EMBED_WIDGETS = ['finder', 'zone-card', 'session-request', 'news'] as const;
export type EmbedWidgetName = (typeof EMBED_WIDGETS)[number];
export const RADII = { square: '0', default: undefined, round: '1rem' } as const;
export type Radius = keyof typeof RADII;
export const FONTS = {
  page: undefined,
  system: 'system-ui, sans-serif',
  serif: 'Georgia, serif',
  sans: 'Arial, Helvetica, sans-serif',
} as const;
export type FontChoice = keyof typeof FONTS;
/** The widgets' own accent (theme.styles.ts): left out of the code when it is kept. */
export const DEFAULT_ACCENT = '#0b5cad';

/** What an editor chose in the configurator: a widget, its settings and its look. */
export interface EmbedChoice {
  widget: EmbedWidgetName;
  language: Language;
  postcode: string | undefined;
  zone: string | undefined;
  layer: string | undefined;
  layout: NewsLayout;
  accent: string;
  radius: Radius;
  font: FontChoice;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.find((candidate) => candidate === value) ?? fallback;

/**
 * The configurator's form as it arrives (its query): anything unknown falls back to the default,
 * so a hand-edited link still shows a working configurator.
 */
export function readChoice(query: URLSearchParams, pageLanguage: Language): EmbedChoice {
  const postcode = query.get('postcode')?.trim();
  const zone = query.get('zone')?.trim();
  const layer = query.get('layer')?.trim();
  const accent = query.get('accent')?.trim().toLowerCase();
  return {
    widget: oneOf(EMBED_WIDGETS, query.get('widget'), 'finder'),
    language: oneOf(LANGUAGES, query.get('language'), pageLanguage),
    postcode: postcode && /^\d{4}$/.test(postcode) ? postcode : undefined,
    zone: zone && /^[a-z0-9][a-z0-9-]{0,99}$/.test(zone) ? zone : undefined,
    layer: layer && /^[a-z0-9][a-z0-9-]{0,99}$/.test(layer) ? layer : undefined,
    layout: oneOf(NEWS_LAYOUTS, query.get('layout'), 'list'),
    accent: accent && /^#[0-9a-f]{6}$/.test(accent) ? accent : DEFAULT_ACCENT,
    radius: oneOf(Object.keys(RADII) as Radius[], query.get('radius'), 'default'),
    font: oneOf(Object.keys(FONTS) as FontChoice[], query.get('font'), 'page'),
  };
}

/** The choice's look as the widgets' custom properties (what differs from their defaults). */
export function themeOf(choice: EmbedChoice): [name: string, property: string, value: string][] {
  const theme: [string, string, string][] = [];
  if (choice.accent !== DEFAULT_ACCENT) theme.push(['accent', '--carezone-color-accent', choice.accent]);
  const radius = RADII[choice.radius];
  if (radius !== undefined) theme.push(['radius', '--carezone-radius', radius]);
  const font = FONTS[choice.font];
  if (font !== undefined) theme.push(['font-family', '--carezone-font-family', font]);
  return theme;
}
