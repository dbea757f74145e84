import { css } from 'lit';

/** Layout of `renderZoneDetails`, for every element that shows zones. */
export const zoneDetailsStyles = css`
  .zone-name {
    margin: 0 0 0.5rem;
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.3;
  }

  dl {
    display: grid;
    gap: 0.25rem;
    margin: 0;
  }

  dl > div {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) 1fr;
    gap: 0 1rem;
  }

  dt {
    color: var(--_muted);
  }

  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .contact,
  .municipalities {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* The municipalities run on as one wrapped line: a card's height hardly depends on their number. */
  .municipalities {
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.3em;
  }

  .municipalities li:not(:last-child)::after {
    content: ',';
  }

  @media (max-width: 30rem) {
    dl > div {
      grid-template-columns: 1fr;
    }
  }
`;
