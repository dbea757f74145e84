/**
 * The embed pages' one style sheet: the widgets' look (`packages/widgets/src/internal/theme.styles.ts`
 * and each widget's styles), themed through the same `--carezone-*` custom properties, for pages
 * whose content the server renders. Small on purpose: a page without JavaScript downloads this and
 * its HTML only.
 */
export const EMBED_CSS = `:root {
--_text: var(--carezone-color-text, #1b1f24);
--_muted: var(--carezone-color-muted, #4a5562);
--_surface: var(--carezone-color-surface, #ffffff);
--_surface-alt: var(--carezone-color-surface-alt, #f2f4f7);
--_border: var(--carezone-color-border, #6f7a86);
--_accent: var(--carezone-color-accent, #0b5cad);
--_on-accent: var(--carezone-color-on-accent, #ffffff);
--_danger: var(--carezone-color-danger, #b3261e);
--_focus: var(--carezone-color-focus, #0b5cad);
--_radius: var(--carezone-radius, 0.375rem);
--_space: var(--carezone-spacing, 1rem);
color: var(--_text);
background: var(--_surface);
font-family: var(--carezone-font-family, system-ui, sans-serif);
font-size: var(--carezone-font-size, 1rem);
line-height: 1.5;
}
*, *::before, *::after { box-sizing: border-box }
/* The page is as tall as its content, never taller, so that the iframe fits it exactly. */
html { overflow: hidden auto }
body { margin: 0; padding: 2px }
h1, h2, h3, h4, h5, h6, p { margin: 0 }
.zone-card { min-height: 14rem }
a { color: var(--_accent) }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap }
button, .button { display: inline-block; font: inherit; cursor: pointer; min-height: 2.75rem; padding: .5rem 1rem; border-radius: var(--_radius); border: 1px solid var(--_accent); background: var(--_accent); color: var(--_on-accent); text-decoration: none }
.secondary { background: var(--_surface); color: var(--_accent) }
input, select, textarea { font: inherit; color: inherit; min-height: 2.75rem; padding: .5rem .75rem; background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius) }
label, legend { font-weight: 600 }
.card { padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface) }
.message { padding: calc(var(--_space) * .75) var(--_space); border-radius: var(--_radius); background: var(--_surface-alt) }
.message.error { border-inline-start: 4px solid var(--_danger) }
.message .button { margin-block-start: .5rem; display: block; width: fit-content }
.note { margin-top: .5rem; color: var(--_muted) }
ul { margin: .5rem 0; padding-inline-start: 1.25rem }
.search { display: grid; grid: auto auto auto / minmax(0, 24rem) auto; justify-content: start; align-items: end; gap: .5rem }
.search label, .search .js-reserve { grid-column: 1 / -1; justify-self: start }
.search input { width: 100% }
/* Where the widget puts "use my location" and its status line: kept, so nothing moves when it takes over. */
.js-reserve { height: 2.75rem }
.status { min-height: 1.5em; margin: 0 }
.result { display: grid; gap: calc(var(--_space) / 2) }
.result:empty { display: none }
.finder .card, .finder .reserve { min-height: 12.5rem }
.zone-name { margin: 0 0 .5rem; font-size: 1.25em; font-weight: 700; line-height: 1.3 }
.zone dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 }
.zone dl > div { display: contents }
.zone dt { color: var(--_muted) }
.zone dd { margin: 0; overflow-wrap: anywhere }
.contact, .municipalities { margin: 0; padding: 0; list-style: none }
.municipalities { display: flex; flex-wrap: wrap; column-gap: .3em }
.municipalities li:not(:last-child)::after { content: ',' }
.news { display: grid; gap: var(--_space) }
.items { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_space) }
.cards .items { grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr)) }
.list li + li { border-top: 1px solid var(--_border); padding-top: var(--_space) }
.items article { display: grid; gap: .5rem; justify-items: start; overflow-wrap: anywhere }
.cards article { height: 100%; align-content: start; padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius) }
.items .title { font-weight: 700; font-size: 1.125rem }
.meta, .feeds { color: var(--_muted); font-size: .875rem }
.meta:empty { display: none }
.zone-badge { display: inline-block; padding: 0 .5rem; border-radius: var(--_radius); background: var(--_surface-alt) }
time + .zone-badge { margin-inline-start: .5rem }
.compact .items { gap: .75rem }
.compact .summary, .compact .zone-badge { display: none }
.summary { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden }
details { display: block }
details > .body { margin-top: .5rem }
details > summary { display: block; list-style: none; width: fit-content }
details > summary::-webkit-details-marker { display: none }
.body { display: grid; gap: .75rem }
.body > * { margin: 0 }
.more { justify-self: start }
@media (max-width: 30rem) { .zone dl { grid-template-columns: 1fr; row-gap: 0 } .finder .card, .finder .reserve { min-height: 18.5rem } }
@media (forced-colors: active) { .card, .message { border: 1px solid CanvasText } }
.session-request { display: grid; gap: var(--_space) }
.field { display: grid; gap: .25rem; margin: 0; padding: 0; border: 0; min-width: 0 }
.field :is(input:not([type=radio],[type=checkbox]), select) { width: 100%; max-width: 36rem }
.field textarea { width: 100%; max-width: 48rem; resize: vertical }
.required, .hint { font-weight: 400; color: var(--_muted) }
.session-request .choice { display: flex; gap: .75rem; align-items: center; min-height: 2.75rem; font-weight: 400 }
.session-request .choice input { width: 1.5rem; height: 1.5rem; min-height: 0; margin: 0; flex: none; accent-color: var(--_accent) }
.field-error { color: var(--_danger); font-weight: 600 }
[aria-invalid=true] { border: 2px solid var(--_danger) }
.session-request > button { justify-self: start }
.confirmation { display: grid; gap: .75rem }
.code { white-space: nowrap }
@supports selector(:has(*)) { #topics:not(:has([value=other]:checked)) .other-topic { display: none } }
`;

/**
 * Only when scripts are off (`<noscript>` in the page's head): no widget will take the page over,
 * so the room kept for its controls goes.
 */
export const NOSCRIPT_CSS = `.js-reserve, .status { display: none }
`;
