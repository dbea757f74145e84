import { html, type TemplateResult } from 'lit';
import { CarezoneElement } from '../internal/carezone-element.js';

/**
 * @summary Finds the care zone of a place: a combobox of places and the zone(s) of the choice.
 * (Being built: this placeholder keeps the entries and the bundles compiling.)
 */
export class CarezoneFinder extends CarezoneElement {
  protected override render(): TemplateResult {
    return html`<div part="base"></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'carezone-finder': CarezoneFinder;
  }
}
