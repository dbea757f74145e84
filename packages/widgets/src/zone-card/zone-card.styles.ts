import { css } from 'lit';

export const zoneCardStyles = css`
  /*
   * The height of a loaded card (four one-line details, the municipalities as one wrapped line),
   * held from the moment the tag is defined: the page does not jump while the zone loads.
   */
  :host,
  .zone {
    min-height: 14rem;
  }

  @media (max-width: 30rem) {
    :host,
    .zone {
      min-height: 21.5rem;
    }
  }
`;
