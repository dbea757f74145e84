import { css } from 'lit';

// One rule a line, as the other widgets': whitespace in css`` reaches the bundle as it is. No fixed
// widths: cards take `min(100%, 16rem)` at least, so 400% zoom leaves one column. Summaries show three
// lines at most (the full text is a click away), so items have about the height of the placeholders
// (a two-line title; compact items are meant for narrow sidebars); until the first render (the
// texts' chunk on its way), the host holds five items' worth (the default `limit`; cards in two rows,
// or one column on a narrow screen), then the placeholders take over.
export const newsStyles = css`
[part~=base] { display: grid; gap: var(--_space) }
p { margin: 0 }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_space) }
.cards ul, .cards [part~=loading] { grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr)) }
.list li + li { border-top: 1px solid var(--_border); padding-top: var(--_space) }
article { display: grid; gap: .5rem; justify-items: start; overflow-wrap: anywhere }
.cards article { height: 100%; align-content: start; padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface) }
[part~=title] { font-weight: 700; font-size: 1.125rem }
[part~=meta], [part~=feeds] { color: var(--_muted); font-size: .875rem }
[part~=meta]:empty { display: none }
[part~=zone-badge] { display: inline-block; padding: 0 .5rem; border-radius: var(--_radius); background: var(--_surface-alt) }
time + [part~=zone-badge] { margin-inline-start: .5rem }
.compact ul { gap: .75rem }
.compact [part~=summary], .compact [part~=zone-badge] { display: none }
[part~=body]:not([hidden]) { display: grid; gap: .75rem }
[part~=body] img { max-width: 100%; height: auto }
[part~=body] > div > * { margin: 0 }
[part~=load-more] { justify-self: start }
/* Busy, not disabled: a disabled button would drop the focus while the next page loads. */
[part~=load-more][aria-disabled=true] { cursor: progress; opacity: .7 }
[part~=summary] { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden }
[part~=loading] i, [part~=loading] i:first-of-type { width: auto; height: 12rem }
.cards [part~=loading] i, .cards [part~=loading] i:first-of-type { height: 18rem }
.compact [part~=loading] i, .compact [part~=loading] i:first-of-type { height: 10rem }
:host(:not(:state(ready))) { min-height: 66rem }
:host([layout=cards]:not(:state(ready))) { min-height: 40rem }
:host([layout=compact]:not(:state(ready))) { min-height: 56rem }
@media (max-width: 40rem) { :host([layout=cards]:not(:state(ready))) { min-height: 96rem } }
@media (forced-colors: active) { [part~=zone-badge] { border: 1px solid CanvasText } }
`;
