import type { Zone, ZoneContact, ZoneSummary } from '@carezone/contract';
import { html } from 'hono/html';
import type { Html } from '../embed-document.js';
import type { EmbedLocalize } from '../embed-localize.js';

export interface ZoneDetailsOptions {
  layerTitle?: Html | undefined;
  municipality?: Html | undefined;
  headingLevel: number;
  extra?: Html | undefined;
}

/** One zone's card, as the widgets' `renderZoneDetails` shows it: the same rows in the same order. */
export function zoneDetails(
  zone: ZoneSummary | Zone,
  localize: EmbedLocalize,
  options: ZoneDetailsOptions,
): Html {
  const texts = localize.t.zone;
  return html`<article class="card zone">
<h${options.headingLevel} class="zone-name">${localize.named(zone.name)}</h${options.headingLevel}>
<dl>${row(texts.layer, options.layerTitle)}${row(texts.municipality, options.municipality)}${row(
    texts.team,
    contact(zone.contact, localize),
  )}${row(texts.validFrom, zone.validFrom ? localize.date(zone.validFrom) : undefined)}${
    'municipalities' in zone ? row(texts.municipalities, municipalities(zone, localize)) : ''
  }</dl>
${options.extra ?? ''}
</article>`;
}

function row(term: string, value: Html | string | undefined): Html | string {
  return value === undefined ? '' : html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
}

function contact(contact: ZoneContact, localize: EmbedLocalize): Html {
  const texts = localize.t.zone;
  if (!contact.website && !contact.email && !contact.phone) return html`<span>${texts.contactUnknown}</span>`;
  return html`<ul class="contact">${
    contact.website
      ? html`<li>${texts.website} <a href="${contact.website}" rel="noopener noreferrer" target="_blank">${hostOf(contact.website)}</a></li>`
      : ''
  }${contact.email ? html`<li>${texts.email} <a href="mailto:${contact.email}">${contact.email}</a></li>` : ''}${
    contact.phone
      ? html`<li>${texts.phone} <a href="tel:${contact.phone.replace(/[^+\d]/g, '')}">${contact.phone}</a></li>`
      : ''
  }</ul>`;
}

function municipalities(zone: Zone, localize: EmbedLocalize): Html {
  return html`<ul class="municipalities">${zone.municipalities.map(
    ({ name, region, postcodes }) =>
      html`<li>${localize.named(name, region)}${
        postcodes.length > 0
          ? html` (${localize.t.zone.partly(new Intl.ListFormat(`${localize.lang}-BE`).format(postcodes))})`
          : ''
      }</li>`,
  )}</ul>`;
}

/** `https://www.bassin-sud.brussels/fr/` reads as `bassin-sud.brussels`, as in the widgets. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
