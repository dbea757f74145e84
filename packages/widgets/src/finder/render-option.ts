import type { Place } from '@carezone/sdk';
import { html, type TemplateResult } from 'lit';
import type { LocalizeController } from '../internal/localize.js';

/**
 * "Elsene · gemeente" (typed "Elsene", shown "Ixelles" in French), "Hasselt · 3720 · voormalige
 * gemeente": the name typed when another is shown, then what the suggestion is.
 */
function describe(place: Place, localize: LocalizeController): string {
  const name = localize.name(place.municipality.name, place.municipality.region);
  return [
    place.matched,
    name !== place.label && name !== place.matched && name,
    place.kind !== 'postcode' && place.postcode,
    place.kind !== 'postcode' && localize.t.finder.kinds[place.kind],
  ]
    .filter(Boolean)
    .join(' · ');
}

/** One suggestion of the listbox, `option-<index>`; `active` for the one the keys are on. */
export function renderOption(
  place: Place,
  index: number,
  active: boolean,
  localize: LocalizeController,
  choose: () => void,
): TemplateResult {
  return html`<li part="option" id="option-${index}" role="option" aria-selected=${active}
    @click=${choose}>${place.label} <span>${describe(place, localize)}</span></li>`;
}
