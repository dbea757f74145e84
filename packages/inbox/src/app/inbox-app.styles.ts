import { css } from 'lit';

/** The inbox shell's own styles: the header with the session and the language, the navigation. */
export const inboxAppStyles = css`
  :host {
    min-height: 100vh;
    background: var(--_surface);
  }
  header {
    border-bottom: 1px solid var(--_border);
    background: var(--_surface-alt);
    padding: 0.5rem var(--_space);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem var(--_space);
    align-items: center;
    justify-content: space-between;
    max-width: 72rem;
    margin: 0 auto;
  }
  .brand {
    font-weight: 700;
    font-size: 1.1rem;
    margin: 0;
  }
  .session {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .session p {
    margin: 0;
  }
  .lang {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .lang label {
    margin: 0;
  }
  .lang select {
    width: auto;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    list-style: none;
    padding: 0;
    margin: 0.5rem auto 0;
    max-width: 72rem;
  }
  nav a {
    display: inline-block;
    padding: 0.5rem 0;
    min-height: 2.75rem;
    font-weight: 600;
  }
  nav a[aria-current='page'] {
    text-decoration-thickness: 3px;
    text-underline-offset: 0.3em;
  }
  main {
    max-width: 72rem;
    margin: 0 auto;
    padding: var(--_space);
  }
`;
