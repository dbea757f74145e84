import { css } from 'lit';

/**
 * The look of every part of the inbox. Colours meet WCAG 2.1 AA on white and on the alternate
 * surface (text 15:1, muted 7:1, accent 6.8:1, danger 6.5:1); layouts are single-column below
 * 40 rem, so the page works at 320 px.
 */
export const inboxStyles = css`
  :host {
    --_text: #1b1f24;
    --_muted: #4a5562;
    --_surface: #ffffff;
    --_surface-alt: #f2f4f7;
    --_border: #6f7a86;
    --_accent: #0b5cad;
    --_on-accent: #ffffff;
    --_danger: #b3261e;
    --_success: #1e6b34;
    --_radius: 0.375rem;
    --_space: 1rem;
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    line-height: 1.5;
    overflow-wrap: break-word;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  a {
    color: var(--_accent);
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 0.75rem;
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  h1 {
    font-size: 1.6rem;
  }
  h2 {
    font-size: 1.25rem;
    margin-top: 1.5rem;
  }
  h3 {
    font-size: 1.05rem;
  }
  h1:focus {
    outline: none;
  }
  h1:focus-visible {
    outline: 3px solid var(--_accent);
  }
  button,
  .button {
    font: inherit;
    cursor: pointer;
    display: inline-block;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    text-decoration: none;
  }
  button.secondary,
  .button.secondary {
    background: var(--_surface);
    color: var(--_accent);
  }
  button.danger {
    background: var(--_surface);
    border-color: var(--_danger);
    color: var(--_danger);
  }
  button[aria-disabled='true'] {
    cursor: progress;
  }
  label,
  .label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9rem;
    margin: 0 0 0.25rem;
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem;
    min-height: 2.75rem;
    width: 100%;
    max-width: 100%;
  }
  textarea {
    min-height: 8rem;
    resize: vertical;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-weight: normal;
    margin: 0.5rem 0;
  }
  .field {
    margin-bottom: var(--_space);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0 0 var(--_space);
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .grid {
    display: grid;
    gap: 0 var(--_space);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .error {
    color: var(--_danger);
    border-left: 4px solid var(--_danger);
    background: var(--_surface-alt);
    padding: 0.5rem 0.75rem;
    margin: 0 0 var(--_space);
  }
  .notice {
    border-left: 4px solid var(--_accent);
    background: var(--_surface-alt);
    padding: 0.5rem 0.75rem;
    margin: 0 0 var(--_space);
  }
  .success {
    color: var(--_success);
    font-weight: 600;
  }
  .error-text {
    color: var(--_danger);
    font-weight: 600;
  }
  .columns {
    display: grid;
    gap: 0 var(--_space);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
  }
  .muted {
    color: var(--_muted);
  }
  .badge {
    display: inline-block;
    border: 1px solid var(--_border);
    border-radius: 1rem;
    padding: 0 0.6rem;
    font-size: 0.9rem;
    background: var(--_surface-alt);
    white-space: nowrap;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .plain {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .editor {
    display: grid;
    gap: 0 calc(2 * var(--_space));
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
    align-items: start;
  }
  .message {
    white-space: pre-line;
  }
  .card > :first-child {
    margin-top: 0;
  }
  .card > :last-child {
    margin-bottom: 0;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem var(--_space);
    margin-bottom: 0.75rem;
    background: var(--_surface);
    overflow-wrap: anywhere;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.25rem var(--_space);
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  @media (max-width: 40rem) {
    dl {
      grid-template-columns: 1fr;
    }
    dd {
      margin-bottom: 0.5rem;
    }
  }
`;
