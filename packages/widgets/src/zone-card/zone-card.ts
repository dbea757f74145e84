import { isApiError, layersResource, zonesGetResource } from '@carezone/sdk';
import { Task } from '@lit/task';
import { html, type TemplateResult } from 'lit';
import { CarezoneElement } from '../internal/carezone-element.js';
import { renderError, renderLoading, renderMessage } from '../internal/data-states.js';
import { layersOf } from '../internal/layers.js';
import { zoneCardStyles } from './zone-card.styles.js';
import { renderZoneDetails } from './zone-details.js';
import { zoneDetailsStyles } from './zone-details.styles.js';

/**
 * @summary One zone's contact card, for a page that already knows its zone (a municipal page).
 *
 * @csspart base - The wrapper of the card.
 * @csspart zone - The card itself.
 * @csspart zone-name - The zone's name.
 * @csspart zone-details - The list of details (layer, team contact, valid-from date, municipalities).
 * @csspart contact - The team's website, e-mail and phone.
 * @csspart contact-unknown - The sentence shown when the team's contact is not known.
 * @csspart municipalities - The municipalities of the zone.
 * @csspart loading - The placeholder while the zone loads.
 * @csspart error - The message of a failure, with its retry button.
 * @csspart retry-button - The button that loads the zone again.
 * @csspart message - A plain message (no zone given).
 */
export class CarezoneZoneCard extends CarezoneElement {
  static override styles = [...CarezoneElement.styles, zoneDetailsStyles, zoneCardStyles];
  static override resources = { layers: layersResource, zones: zonesGetResource };

  // Lit merges these with the inherited `api`, `lang` and `client`.
  static override properties = {
    zone: {},
    headingLevel: { attribute: 'heading-level', type: Number },
  };

  /** Id of the zone to show (`bxl-sud`, `elz-gent`). */
  declare zone: string | undefined;
  /** `aria-level` of the zone's name, to fit the page's headings. Default 3. */
  declare headingLevel: number;

  constructor() {
    super();
    this.headingLevel = 3;
  }

  readonly #zone = new Task(this, {
    task: async ([client, id], { signal }) => {
      if (!id) return undefined;
      const [zone, layers] = await Promise.all([
        client.zones.get(id, { signal }),
        layersOf(client).catch(() => []),
      ]);
      return { zone, layer: layers.find((layer) => layer.id === zone.layer) };
    },
    args: () => [this.sdk, this.zone] as const,
  });

  protected override render(): TemplateResult {
    const common = this.localize.t;
    return html`<div part="base" class="base" tabindex="-1">
      ${this.#zone.render({
        initial: () => renderLoading(common),
        pending: () => renderLoading(common),
        complete: (value) =>
          value
            ? renderZoneDetails(value.zone, this.localize, {
                layerTitle: value.layer && this.localize.named(value.layer.title),
                headingLevel: this.headingLevel,
              })
            : renderMessage(common.zoneCard.noZone),
        error: (error) =>
          // A malformed id is refused before the search: no such zone either.
          isApiError(error) && (error.code === 'NOT_FOUND' || error.code === 'INVALID_QUERY')
            ? renderMessage(common.zoneCard.unknownZone(this.zone ?? ''))
            : renderError(common, error, () => void this.#zone.run()),
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'carezone-zone-card': CarezoneZoneCard;
  }
}
