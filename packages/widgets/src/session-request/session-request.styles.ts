import { css } from 'lit';

// One rule a line, as the finder's: whitespace in css`` reaches the bundle as it is. No fixed
// widths: inputs take the width there is, up to a readable measure, so 400% zoom reflows.
export const sessionRequestStyles = css`
form { display: grid; gap: var(--_space) }
p { margin: 0 }
.field { display: grid; gap: .25rem; margin: 0; padding: 0; border: 0; min-width: 0 }
legend { padding: 0 }
label, legend { font-weight: 600 }
.required, .hint { font-weight: 400; color: var(--_muted) }
input:not([type=radio],[type=checkbox]), textarea { width: 100%; max-width: 36rem; min-height: 2.75rem; padding: .5rem .75rem; font: inherit; color: inherit; background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius) }
textarea { max-width: 48rem; resize: vertical }
.choice { display: flex; gap: .75rem; align-items: center; min-height: 2.75rem; font-weight: 400; cursor: pointer }
.choice input { width: 1.5rem; height: 1.5rem; margin: 0; flex: none; accent-color: var(--_accent) }
.field-error { color: var(--_danger); font-weight: 600 }
[aria-invalid=true] { border: 2px solid var(--_danger) !important }
.message ul { margin: .5rem 0 0; padding-inline-start: 1.25rem }
.message li + li { margin-top: .25rem }
[part~=error-summary]:focus, [part~=reference]:focus { outline: 3px solid var(--_focus); outline-offset: 2px }
/* The focused reference's ring (3px, 2px away) keeps clear of the line after it. */
[part~=confirmation] { display: grid; gap: .75rem }
button[type=submit] { justify-self: start }
.code { white-space: nowrap }
.topics-loading { min-height: 27.5rem }
[part~=finder] { margin-block: .25rem }
`;
