import { css } from 'lit';

export const zoneCardStyles = css`
  /* The placeholder takes about the height of a card, so the page does not jump when it loads. */
  .base {
    min-height: 10rem;
  }
`;
