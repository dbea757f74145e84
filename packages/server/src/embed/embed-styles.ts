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
.search { display: grid; gap: .5rem; max-width: 30rem; margin-bottom: var(--_space) }
.search .row { display: flex; gap: .5rem }
.search input { flex: 1; min-width: 0 }
.result { display: grid; gap: calc(var(--_space) / 2) }
.result:empty { display: none }
.zone-name { font-size: 1.125rem; font-weight: 600 }
.zone dl { margin: .5rem 0 0; display: grid; gap: .25rem }
.zone dl div { display: grid; grid-template-columns: minmax(7rem, 30%) 1fr; gap: .5rem }
.zone dt { color: var(--_muted) }
.zone dd { margin: 0 }
.zone ul { margin: 0; padding: 0; list-style: none }
.municipalities { display: flex; flex-wrap: wrap; gap: 0 .75rem }
.card > .button { margin-top: .75rem }
.choices li { margin: .5rem 0 }
.choice { font-weight: 600 }
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
.compact .summary, .compact .zone-badge { display: none }
details { display: grid; gap: .75rem }
details > summary { list-style: none; width: fit-content }
details > summary::-webkit-details-marker { display: none }
.body { display: grid; gap: .75rem }
.body > * { margin: 0 }
.more { justify-self: start }
@media (max-width: 30rem) { .zone dl div { grid-template-columns: 1fr; gap: 0 } }
@media (forced-colors: active) { .card, .message { border: 1px solid CanvasText } }
`;
