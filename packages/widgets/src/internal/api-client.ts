import { createTransport, type PublicClient, type ResourceFactories, type Transport } from '@carezone/sdk';

/**
 * Where the widgets' API is when the page does not say (`api` attribute): the origin the widget
 * script was loaded from. A script served by the Carezone server therefore needs no configuration.
 */
export function scriptOrigin(moduleUrl: string = import.meta.url): string {
  return new URL(moduleUrl).origin;
}

/**
 * The API's base URL for `api` (absolute, or relative to the page), else the script's origin: for
 * URLs a widget links to rather than fetches (the news feeds). `clientFor` writes the same rule out
 * itself: calling this from there costs the finder bundle bytes.
 */
export function apiBaseUrl(api: string | null | undefined): string {
  return api ? new URL(api, document.baseURI).href.replace(/\/+$/, '') : scriptOrigin();
}

type ResourceFactory = ResourceFactories[string];

interface PageClient {
  transport: Transport;
  client: Record<string, unknown>;
  /** The factories already applied: each runs once per page and API. */
  made: Set<ResourceFactory>;
}

// Module state on purpose: every widget of a page that talks to one API shares one client (and
// so its connection reuse). Nothing is put on `window`.
const clients = new Map<string, PageClient>();

/**
 * The one SDK client of the page for `api` (absolute, or relative to the page), or the script's
 * origin. It is composed of the resources the widgets ask for (each widget class names its own in
 * `static resources`), so a bundle carries only the SDK code and schemas its widgets use; a
 * resource another widget asked for first is reused. A resource may come in parts (`zones.get`
 * for the zone card, `zones.list` for the news feed): a later part adds its methods to the object
 * the first one made, so every widget keeps holding the same resource.
 */
export function clientFor(api: string | null | undefined, resources: ResourceFactories): PublicClient {
  const baseUrl = api ? new URL(api, document.baseURI).href.replace(/\/+$/, '') : scriptOrigin();
  let page = clients.get(baseUrl);
  if (!page) {
    page = { transport: createTransport({ baseUrl }), client: {}, made: new Set() };
    clients.set(baseUrl, page);
  }
  for (const [name, make] of Object.entries(resources)) {
    if (page.made.has(make)) continue;
    page.made.add(make);
    const made = make(page.transport);
    const first = page.client[name];
    page.client[name] = typeof first === 'object' && first ? Object.assign(first, made) : made;
  }
  // Typed as the whole public client; a widget reads only the resources its class names.
  return page.client as unknown as PublicClient;
}
