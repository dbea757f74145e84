import type { Language } from '@carezone/contract';
import { createHttp, type Http, type RetryOptions } from './internal/http.js';
import { type LayersResource, layersResource } from './resources/layers.js';
import { type LookupResource, lookupResource } from './resources/lookup.js';
import { type NewsResource, newsResource } from './resources/news.js';
import { type PlacesResource, placesResource } from './resources/places.js';
import {
  type SessionRequestIntakeResource,
  type SessionRequestsResource,
  sessionRequestsResource,
} from './resources/session-requests.js';
import { type StaffSessionResource, staffSessionResource } from './resources/staff-session.js';
import { type TopicsResource, topicsResource } from './resources/topics.js';
import { type ZonesResource, zonesResource } from './resources/zones.js';

export interface ClientOptions {
  /** Absolute URL of the API, without `/v1` (`https://zones.example.org`, or with a path prefix). */
  baseUrl: string | URL;
  /** Replaces the global `fetch` (tests, instrumentation, a polyfill). Called with a `Request`. */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds to wait for each attempt's response headers. Default 10000. */
  timeout?: number;
  /**
   * Retries of failed GETs on network errors and 502/503/504, with exponential backoff; a 503's
   * `Retry-After` is respected. A number sets the limit (`0` turns retries off). Default 2.
   */
  retry?: number | RetryOptions;
  /** Sent as `Accept-Language`. */
  lang?: Language;
  /** A staff token (`carezone token create`), sent as `Authorization: Bearer`. Never in a browser page. */
  token?: string;
  /** Extra headers sent with every request. */
  headers?: Readonly<Record<string, string>>;
}

/** What a public page needs: the zone data, the topics and news, and sending a session request. */
export interface PublicClient {
  readonly layers: LayersResource;
  readonly zones: ZonesResource;
  readonly places: PlacesResource;
  /** The zone(s) of a postcode, a NIS code or a point, per layer. */
  readonly lookup: LookupResource;
  readonly topics: TopicsResource;
  readonly news: NewsResource;
  readonly sessionRequests: SessionRequestIntakeResource;
}

/** Everything, the staff's calls included (they need `token`). */
export interface CarezoneClient extends PublicClient {
  /** Sending a request (anyone), and reading and moving requests on (staff, with `token`). */
  readonly sessionRequests: SessionRequestsResource;
  /** The staff inbox's sign-in session (cookie), for a page of the Carezone server itself. */
  readonly staffSession: StaffSessionResource;
}

/**
 * How each resource of a client is made from the transport. A bundle that composes its own client
 * with `composeClient` carries only the resources it names, and their schemas.
 */
export const RESOURCES = {
  layers: layersResource,
  zones: zonesResource,
  places: placesResource,
  lookup: lookupResource,
  topics: topicsResource,
  news: newsResource,
  sessionRequests: sessionRequestsResource,
  staffSession: staffSessionResource,
} as const;

/**
 * A client of the Carezone API v1. Every response is validated against the contract; failures
 * reject with the errors of `./errors.js`. Clients share no state: create one per API and settings.
 */
export function createClient(options: ClientOptions): CarezoneClient {
  return composeClient(createTransport(options), RESOURCES);
}

/** The HTTP layer of a client (ky, the contract's validation, the errors); shareable by resources. */
export function createTransport(options: ClientOptions): Transport {
  return createHttp(options);
}

export type Transport = Http;
export type ResourceFactories = { readonly [name: string]: (transport: Transport) => unknown };
export type Composed<R extends ResourceFactories> = { readonly [K in keyof R]: ReturnType<R[K]> };

/**
 * A client of only the resources given, over one transport: `composeClient(transport, { places:
 * placesResource, lookup: lookupResource })`. For bundles that must stay small (the widgets).
 */
export function composeClient<R extends ResourceFactories>(transport: Transport, resources: R): Composed<R> {
  const client: Record<string, unknown> = {};
  for (const [name, make] of Object.entries(resources)) client[name] = make(transport);
  return client as Composed<R>;
}
