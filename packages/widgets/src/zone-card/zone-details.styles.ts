import { css } from 'lit';

/** Layout of `renderZoneDetails`, for every element that shows zones. */
export const zoneDetailsStyles = css`
  .zone-name {
    margin: 0 0 0.5rem;
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.3;
  }

  /* One grid for the whole list, so that every value starts at the same column. */
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }

  dl > div {
    display: contents;
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
    dl {
      grid-template-columns: 1fr;
      row-gap: 0;
    }
  }
`;
