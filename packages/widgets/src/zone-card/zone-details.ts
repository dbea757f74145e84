import type { Zone, ZoneContact, ZoneSummary } from '@carezone/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController, Name } from '../internal/localize.js';

export interface ZoneDetailsOptions {
  /** The layer's title in the visitor's language, when known. */
  layerTitle?: Name | undefined;
  /** The municipalities through which the zone was found (finder results). */
  municipality?: Name[] | undefined;
  /** `aria-level` of the zone name, so the card fits the page's outline. Default 3. */
  headingLevel?: number | undefined;
  /** Shown under the details: a note on how sure the zone is, a button to pick it. */
  extra?: TemplateResult | typeof nothing | undefined;
}

/**
 * One zone's details: name, layer, municipality, team contact and valid-from date. Shared by the
 * zone card and the finder's results, so both read the same. Unknown contact details are said to
 * be unknown; they are never left out silently or guessed.
 */
export function renderZoneDetails(
  zone: ZoneSummary | Zone,
  localize: LocalizeController,
  options: ZoneDetailsOptions = {},
): TemplateResult {
  const texts = localize.t.zone;
  return html`<article part="zone" class="card zone">
    <p part="zone-name" class="zone-name" role="heading" aria-level=${options.headingLevel ?? 3}>
      ${localize.named(zone.name)}
    </p>
    <dl part="zone-details">
      ${row(texts.layer, options.layerTitle)} ${row(texts.municipality, options.municipality)}
      ${row(texts.team, renderContact(zone.contact, localize))}
      ${row(texts.validFrom, zone.validFrom ? localize.date(zone.validFrom) : undefined)}
      ${'municipalities' in zone ? row(texts.municipalities, renderMunicipalities(zone, localize)) : nothing}
    </dl>
    ${options.extra ?? nothing}
  </article>`;
}

/** A term and its value; none without a value (`undefined`: the data does not say). */
function row(term: string, value: Name | Name[] | undefined): TemplateResult | typeof nothing {
  return value === undefined ? nothing : html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
}

function renderContact(contact: ZoneContact, localize: LocalizeController): TemplateResult {
  const texts = localize.t.zone;
  if (!contact.website && !contact.email && !contact.phone) {
    return html`<span part="contact-unknown">${texts.contactUnknown}</span>`;
  }
  return html`<ul part="contact" class="contact">
    ${contact.website ? html`<li>${texts.website} <a href=${contact.website} rel="noopener noreferrer">${hostOf(contact.website)}</a></li>` : nothing}
    ${contact.email ? html`<li>${texts.email} <a href="mailto:${contact.email}">${contact.email}</a></li>` : nothing}
    ${contact.phone ? html`<li>${texts.phone} <a href="tel:${contact.phone.replace(/[^+\d]/g, '')}">${contact.phone}</a></li>` : nothing}
  </ul>`;
}

function renderMunicipalities(zone: Zone, localize: LocalizeController): TemplateResult {
  // One text per item, no template whitespace: the comma after each item follows it directly.
  const label = ({ name, region, postcodes }: Zone['municipalities'][number]) =>
    postcodes.length > 0
      ? html`${localize.named(name, region)} (${localize.t.zone.partly(localize.list(postcodes).join(''))})`
      : localize.named(name, region);
  return html`<ul part="municipalities" class="municipalities">${zone.municipalities.map(
    (municipality) => html`<li>${label(municipality)}</li>`,
  )}</ul>`;
}

/** `https://www.bassin-sud.brussels/fr/` reads as `bassin-sud.brussels`; a malformed URL as given. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
