import { css } from 'lit';

// One rule a line: whitespace in css`` reaches the bundle as it is.
export const finderStyles = css`
.bar { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5rem }
/* Does not grow: the location button, shown once the layers are known, takes free space and moves nothing. */
.field { position: relative; flex: 0 1 24rem }
label { display: block; font-weight: 600 }
input { width: 100%; min-height: 2.75rem; padding: 0.5rem 0.75rem; font: inherit; color: inherit; background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius) }
ul { margin: 0.5rem 0; padding-inline-start: 1.25rem }
[role='listbox'] { position: absolute; z-index: 1; inset-inline: 0; margin: 0.25rem 0 0; padding: 0.25rem 0; list-style: none; max-height: min(20rem, 60vh); overflow: auto; background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); box-shadow: 0 4px 12px #0003 }
[role='option'] { min-height: 2.75rem; padding: 0.5rem 0.75rem; cursor: pointer }
[role='option']:hover { background: var(--_surface-alt) }
/* The outline shows the active option in forced colours, where backgrounds are overridden. */
[aria-selected='true'] { background: var(--_accent) !important; color: var(--_on-accent); outline: 2px solid transparent }
[role='option'] span { display: block; font-size: 0.875em }
/* The status keeps its line, so that announcements move nothing. */
[part='status'], [part='certainty'] { margin: 0; min-height: 1.5em; color: var(--_muted) }
.result { display: grid; gap: calc(var(--_space) / 2) }
.result p { margin: 0 }
/* About one zone card: a result loading (or replacing another) pushes nothing down. */
.reserve { min-height: 13rem }
@media (max-width: 30rem) { .reserve { min-height: 18rem } }
`;
