import { isApiError, type PublicClient } from '@carezone/sdk';
import { html } from 'hono/html';
import type { Html } from '../embed-document.js';
import type { EmbedLocalize } from '../embed-localize.js';
import { readError } from './finder-page.js';
import { zoneDetails } from './zone-details.js';

/**
 * The body of `/embed/zone-card?zone=…`: the zone's details as `<carezone-zone-card>` shows them,
 * or its message when the page names no zone or one that does not exist (then with status 404).
 */
export async function zoneCardBody(
  api: PublicClient,
  zoneId: string | undefined,
  localize: EmbedLocalize,
  options: { headingLevel: number; self: string },
): Promise<{ body: Html; status: 200 | 404 }> {
  const texts = localize.t;
  if (!zoneId)
    return { body: html`<p class="message" role="status">${texts.zoneCard.noZone}</p>`, status: 200 };
  try {
    const [zone, layers] = await Promise.all([api.zones.get(zoneId), api.layers.list().catch(() => [])]);
    const layer = layers.find((candidate) => candidate.id === zone.layer);
    return {
      body: zoneDetails(zone, localize, {
        layerTitle: layer && localize.named(layer.title),
        headingLevel: options.headingLevel,
      }),
      status: 200,
    };
  } catch (error) {
    if (isApiError(error) && (error.code === 'NOT_FOUND' || error.code === 'INVALID_QUERY'))
      return {
        body: html`<p class="message" role="status">${texts.zoneCard.unknownZone(zoneId)}</p>`,
        status: 404,
      };
    return {
      body: html`<div class="message error" role="alert">${readError(localize, error)}
<a class="button secondary" href="${options.self}">${texts.retry}</a></div>`,
      status: 200,
    };
  }
}
