import { css } from 'lit';

// One rule a line: whitespace in css`` reaches the bundle as it is. Every height below is fixed so
// that nothing moves while the widget starts and loads: the host holds its bar and status before
// the first render (which waits for the language), the bar keeps a row for the location button
// (shown once the layers are known), and a loading result takes one card per layer.
export const finderStyles = css`
:host { min-height: 9.5rem }
.bar { display: grid; grid: auto auto 2.75rem / minmax(0, 24rem) auto; justify-content: start; align-items: end; gap: .5rem }
label, [part=location-button] { grid-column: 1 / -1; justify-self: start }
label { font-weight: 600 }
.field { position: relative }
input { width: 100%; min-height: 2.75rem; padding: .5rem .75rem; font: inherit; color: inherit; background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius) }
p { margin: 0 }
ul { margin: .5rem 0; padding-inline-start: 1.25rem }
[role=listbox] { position: absolute; z-index: 1; inset-inline: 0; margin: .25rem 0 0; padding: .25rem 0; list-style: none; max-height: min(20rem, 60vh); overflow: auto; background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); box-shadow: 0 4px 12px #0003 }
[role=option] { min-height: 2.75rem; padding: .5rem .75rem; cursor: pointer }
[role=option]:hover { background: var(--_surface-alt) }
/* The outline shows the active option in forced colours, where backgrounds are overridden. */
[aria-selected=true] { background: var(--_accent) !important; color: var(--_on-accent); outline: 2px solid transparent }
[role=option] span { display: block; font-size: .875em }
[part=status] { min-height: 1.5em; color: var(--_muted) }
.note { margin-top: .5rem; color: var(--_muted) }

.result { display: grid; gap: calc(var(--_space) / 2) }
/* A card (or its placeholder) fits a name and four details (the team's on two lines); the reserve, one card. */
.card, .reserve { min-height: 12.5rem }
@media (max-width: 30rem) { .card, .reserve { min-height: 18.5rem } }
`;
