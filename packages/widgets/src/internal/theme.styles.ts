import { css } from 'lit';

/**
 * The look every widget shares, themed through `--carezone-*` custom properties. The defaults meet
 * WCAG 2.1 AA on white (text 15:1, muted text 7:1, accent 6.8:1, borders 4:1) and inherit the
 * host page's font. Private `--_*` properties resolve each token once.
 */
export const themeStyles = css`
  :host {
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

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--carezone-font-family, inherit);
    font-size: var(--carezone-font-size, 1rem);
    line-height: 1.5;
  }

  :host([hidden]) {
    display: none;
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
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  button {
    font: inherit;
    cursor: pointer;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }

  button.secondary {
    background: var(--_surface);
    color: var(--_accent);
  }

  button[disabled] {
    cursor: not-allowed;
    opacity: 0.7;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .card {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .message {
    margin: 0;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .message.error {
    border-inline-start: 4px solid var(--_danger);
  }

  .message button {
    margin-block-start: 0.5rem;
    display: block;
  }

  .skeleton {
    display: grid;
    gap: 0.75rem;
  }

  .skeleton i {
    display: block;
    height: 1rem;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    animation: carezone-pulse 1.5s ease-in-out infinite;
  }

  .skeleton i:first-of-type {
    height: 1.5rem;
    width: 60%;
  }

  @keyframes carezone-pulse {
    50% {
      opacity: 0.5;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton i {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .card,
    .message {
      border: 1px solid CanvasText;
    }
  }
`;
