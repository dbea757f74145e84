import type sanitizeHtml from 'sanitize-html';
import { lazyDependency } from '../../lazy-dependency.js';
import { checkNesting } from './nesting-guard.js';

/** sanitize-html, loaded at the first news item rather than at start. */
export const sanitizer = lazyDependency<typeof sanitizeHtml>('sanitize-html');

/** Elements whose text is code or markup, never prose worth keeping: dropped with their text. */
export const NON_TEXT_TAGS = [
  'script',
  'style',
  'textarea',
  'option',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'xmp',
  'noembed',
  'noframes',
  'title',
  'head',
];

/** Schemes a link may keep. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * The absolute URL of `value` when its scheme is allowed, else `undefined`. A relative URL is
 * resolved against the item's own page: left relative, it would point into the embedding site.
 */
export function safeUrl(value: string | undefined, base: string | undefined, schemes: ReadonlySet<string>) {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = base === undefined ? new URL(value.trim()) : new URL(value.trim(), base);
  } catch {
    return undefined;
  }
  return schemes.has(url.protocol) ? url.href : undefined;
}

const HTTPS_ONLY = new Set(['https:']);

/**
 * The one allow-list every news body passes on its way in (feed import, polling, POST and PATCH),
 * so what is stored is already safe to render and to put in the outgoing feeds.
 *
 * Links keep only http, https and mailto and always get `rel="noopener noreferrer"`; `target` is
 * dropped, since the embedding page decides how links open. Images only from https (a feed's
 * http image would be mixed content on every https site, and `data:` can smuggle SVG), with
 * their `alt`; no `srcset`, whose URLs the scheme check would not see.
 */
function optionsFor(base: string | undefined): sanitizeHtml.IOptions {
  return {
    allowedTags: [
      'p',
      'br',
      'h2',
      'h3',
      'h4',
      'ul',
      'ol',
      'li',
      'a',
      'strong',
      'em',
      'b',
      'i',
      'blockquote',
      'img',
      'figure',
      'figcaption',
    ],
    allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    allowVulnerableTags: false,
    // The page's own h1 is the widget's title: a body starts at h2.
    transformTags: {
      h1: 'h2',
      h5: 'h4',
      h6: 'h4',
      a: (_tagName, attribs) => {
        const href = safeUrl(attribs.href, base, LINK_SCHEMES);
        return { tagName: 'a', attribs: { ...(href && { href }), rel: 'noopener noreferrer' } };
      },
      img: (_tagName, attribs) => {
        const src = safeUrl(attribs.src, base, HTTPS_ONLY);
        return { tagName: 'img', attribs: { ...(src && { src }), ...(attribs.alt && { alt: attribs.alt }) } };
      },
    },
    nonTextTags: NON_TEXT_TAGS,
    // An image whose source was refused shows nothing but may still load a broken icon: drop it.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  };
}

const WITHOUT_BASE = optionsFor(undefined);

/**
 * Sanitised HTML of a news body; an empty result means the body had nothing safe to show.
 * `base`: the item's page, against which relative links and images are resolved.
 */
export function sanitizeBody(html: string, base?: string): string {
  const options = base === undefined ? WITHOUT_BASE : optionsFor(base);
  return sanitizeWithin(html, options).trim();
}

/**
 * sanitize-html on input whose nesting is bounded first: its parser's time grows with depth × tags,
 * so without the bound one crafted item could take minutes. Throws a `NewsContentError` when too deep.
 */
export function sanitizeWithin(html: string, options: sanitizeHtml.IOptions): string {
  checkNesting(html);
  return sanitizer()(html, options);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Plain text as HTML paragraphs: blank lines separate paragraphs, single newlines become `<br>`. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => `<p>${block.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c).replace(/\n/g, '<br />')}</p>`)
    .join('\n');
}
