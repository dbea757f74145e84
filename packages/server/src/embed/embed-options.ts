import { LANGUAGES, type Language } from '@carezone/contract';

/**
 * The theme a page may set through `theme-<name>=<value>` query parameters, as the widgets' custom
 * property `--carezone-<property>`: `theme-accent=%231d6b34` is `--carezone-color-accent: #1d6b34`.
 */
const THEME_PROPERTIES = {
  text: ['color-text', 'colour'],
  muted: ['color-muted', 'colour'],
  surface: ['color-surface', 'colour'],
  'surface-alt': ['color-surface-alt', 'colour'],
  border: ['color-border', 'colour'],
  accent: ['color-accent', 'colour'],
  'on-accent': ['color-on-accent', 'colour'],
  danger: ['color-danger', 'colour'],
  focus: ['color-focus', 'colour'],
  radius: ['radius', 'length'],
  spacing: ['spacing', 'length'],
  'font-size': ['font-size', 'length'],
  'font-family': ['font-family', 'font'],
} as const;

export type ThemeName = keyof typeof THEME_PROPERTIES;
export const THEME_NAMES = Object.keys(THEME_PROPERTIES) as ThemeName[];

/**
 * What a value of each kind may be. Narrow on purpose: the value is written into a style sheet, so
 * nothing that could close a declaration (`;`, `}`) or load something (`url(`) gets through. A
 * value that does not fit is ignored, as a browser ignores an invalid custom property value.
 */
const VALUE_PATTERNS = {
  colour: /^(#[0-9a-f]{3,8}|[a-z]{3,20}|(rgb|hsl|oklch|oklab)a?\([\d.%\s,/+-]+\))$/i,
  length: /^(0|\d{1,3}(\.\d{1,3})?(rem|em|px|%))$/,
  font: /^[\p{L}\d\s,'"-]{1,100}$/u,
} as const;

/** The custom properties the query sets, as CSS declarations (`--carezone-radius: 0`). */
export function themeDeclarations(query: URLSearchParams): string[] {
  const declarations: string[] = [];
  for (const name of THEME_NAMES) {
    const value = query.get(`theme-${name}`)?.trim();
    const [property, kind] = THEME_PROPERTIES[name];
    if (value && VALUE_PATTERNS[kind].test(value)) declarations.push(`--carezone-${property}: ${value};`);
  }
  return declarations;
}

const isLanguage = (tag: string): tag is Language => (LANGUAGES as readonly string[]).includes(tag);

/**
 * The page's language: `lang` when it is one of the four (`lang=fr-BE` is French), else the
 * visitor's first of them in `Accept-Language`, else Dutch, as the widgets fall back.
 */
export function embedLanguage(lang: string | undefined, acceptLanguage: string | undefined): Language {
  const primary = (tag: string) => tag.trim().toLowerCase().split(/[-;]/)[0] ?? '';
  if (lang !== undefined && lang !== '') {
    const asked = primary(lang);
    return isLanguage(asked) ? asked : 'nl';
  }
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((entry) => {
      const [tag = '', ...parameters] = entry.split(';');
      const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: primary(tag), q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.q > 0 && isLanguage(entry.tag))
    .sort((a, b) => b.q - a.q);
  return (preferred[0]?.tag as Language | undefined) ?? 'nl';
}

/**
 * The query parameters a page keeps in its own links and forms (a choice, "more", a new search):
 * its language, its settings and its theme, never what the visitor asked.
 */
export function keptParameters(query: URLSearchParams, names: readonly string[]): [string, string][] {
  const kept = new Set([...names, ...THEME_NAMES.map((name) => `theme-${name}`)]);
  return [...query].filter(([name, value]) => kept.has(name) && value !== '');
}

/** A link to `path` with the kept parameters and `extra` (empty values left out). */
export function linkTo(
  path: string,
  kept: readonly [string, string][],
  extra: Record<string, string | undefined> = {},
): string {
  const query = new URLSearchParams(kept);
  for (const [name, value] of Object.entries(extra)) {
    query.delete(name);
    if (value !== undefined && value !== '') query.set(name, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
