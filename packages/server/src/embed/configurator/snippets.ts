import { createHash } from 'node:crypto';
import { type EmbedChoice, themeOf } from './embed-choice.js';

/** Where the code points: the server's public origin and its widgets' version and hashes. */
export interface SnippetSource {
  origin: string;
  version: string | undefined;
  /** `integrity.json`'s files: script name → `sha384-…`. */
  integrity: Readonly<Record<string, string>>;
}

export interface Snippets {
  script: string;
  iframe: string;
  link: string;
  csp: string;
}

const TAGS = {
  finder: ['carezone-finder', 'carezone-finder.js'],
  'zone-card': ['carezone-zone-card', 'carezone-finder.js'],
  'session-request': ['carezone-session-request', 'carezone-session-request.js'],
  news: ['carezone-news', 'carezone-news.js'],
} as const;

/** A fixed height for an iframe without carezone-embed.js, about what each widget needs. */
const FALLBACK_HEIGHTS = { finder: 560, 'zone-card': 380, 'session-request': 1500, news: 900 } as const;

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The widget's attributes for the choice, in a stable order (empty ones left out). */
function attributesOf(choice: EmbedChoice): [string, string][] {
  const { widget } = choice;
  const attributes: [string, string | undefined][] = [
    ['lang', choice.language],
    ['layer', widget === 'finder' || widget === 'news' ? choice.layer : undefined],
    ['postcode', widget === 'finder' ? choice.postcode : undefined],
    ['zone', widget === 'finder' ? undefined : choice.zone],
    ['layout', widget === 'news' && choice.layout !== 'list' ? choice.layout : undefined],
  ];
  return attributes.filter((entry): entry is [string, string] => entry[1] !== undefined);
}

/** The embed page of the choice: its path and query, the theme as `theme-…` parameters. */
export function embedPath(choice: EmbedChoice): string {
  const query = new URLSearchParams(attributesOf(choice));
  for (const [name, , value] of themeOf(choice)) query.set(`theme-${name}`, value);
  return `/embed/${choice.widget}?${query}`;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The choice as code to paste, in three forms, and the policy sources the script form needs: the
 * bundle on its versioned, immutable URL pinned by its SHA-384 (`integrity.json`); the iframe with
 * `carezone-embed.js` for its height; a plain link. The theme of the script form is one `<style>`
 * element, allowed by its hash in the policy lines, so a strict policy needs no `'unsafe-inline'`.
 */
export function snippetsOf(choice: EmbedChoice, source: SnippetSource, iframeTitle: string): Snippets {
  const { origin, version, integrity } = source;
  const [tag, bundle] = TAGS[choice.widget];
  const widgetsUrl = `${origin}/widgets/${version ? `${version}/` : ''}`;
  const pinned = (file: string) => {
    const hash = version ? integrity[file] : undefined;
    return hash ? ` integrity="${hash}" crossorigin="anonymous"` : '';
  };
  const attributes = attributesOf(choice)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const theme = themeOf(choice);
  const style =
    theme.length > 0
      ? `${tag} { ${theme.map(([, property, value]) => `${property}: ${value};`).join(' ')} }`
      : '';
  const script = [
    `<script type="module" src="${widgetsUrl}${bundle}"${pinned(bundle)}></script>`,
    ...(style ? [`<style>${style}</style>`] : []),
    `<${tag}${attributes}></${tag}>`,
  ].join('\n');
  const page = `${origin}${embedPath(choice)}`;
  const iframe = [
    `<iframe data-carezone-embed src="${escapeAttribute(page)}" title="${escapeAttribute(iframeTitle)}" width="100%" height="${FALLBACK_HEIGHTS[choice.widget]}" loading="lazy"></iframe>`,
    `<script src="${widgetsUrl}carezone-embed.js"${pinned('carezone-embed.js')} defer></script>`,
  ].join('\n');
  const csp = [
    `script-src ${origin}`,
    `connect-src ${origin}`,
    ...(style ? [`style-src ${sha256(style)}`] : []),
    `frame-src ${origin}`,
  ].join('\n');
  return { script, iframe, link: page, csp };
}
