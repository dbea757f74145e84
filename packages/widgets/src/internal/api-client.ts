import { createPublicClient, type PublicClient } from '@carezone/sdk';

/**
 * Where the widgets' API is when the page does not say (`api` attribute): the origin the widget
 * script was loaded from. A script served by the Carezone server therefore needs no configuration.
 */
export function scriptOrigin(moduleUrl: string = import.meta.url): string {
  return new URL(moduleUrl).origin;
}

// Module state on purpose: every widget of a page that talks to one API shares one client (and
// so its connection reuse). Nothing is put on `window`.
const clients = new Map<string, PublicClient>();

/** The one SDK client of the page for `api` (absolute, or relative to the page), or the script's origin. */
export function clientFor(api: string | null | undefined): PublicClient {
  const baseUrl = api ? new URL(api, document.baseURI).href.replace(/\/+$/, '') : scriptOrigin();
  let client = clients.get(baseUrl);
  if (!client) {
    client = createPublicClient({ baseUrl });
    clients.set(baseUrl, client);
  }
  return client;
}
