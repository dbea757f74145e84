import type { Language } from '@carezone/contract';
import { createHttp, type Http, type RetryOptions } from './internal/http.js';
import { type LayersResource, layersResource } from './resources/layers.js';
import { type Lookup, lookupResource } from './resources/lookup.js';
import { type PlacesResource, placesResource } from './resources/places.js';
import {
  type SessionRequestIntake,
  type SessionRequestsResource,
  sessionRequestIntake,
  sessionRequestsResource,
} from './resources/session-requests.js';
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

/** What a public page needs: the zone data, the topics, and sending a session request. */
export interface PublicClient {
  readonly layers: LayersResource;
  readonly zones: ZonesResource;
  readonly places: PlacesResource;
  /** The zone(s) of a postcode, a NIS code or a point, per layer. */
  readonly lookup: Lookup;
  readonly topics: TopicsResource;
  readonly sessionRequests: SessionRequestIntake;
}

/** Everything, the staff's calls included (they need `token`). */
export interface CarezoneClient extends PublicClient {
  /** Sending a request (anyone), and reading and moving requests on (staff, with `token`). */
  readonly sessionRequests: SessionRequestsResource;
}

/**
 * A client of the Carezone API v1. Every response is validated against the contract; failures
 * reject with the errors of `./errors.js`. Clients share no state: create one per API and settings.
 */
export function createClient(options: ClientOptions): CarezoneClient {
  const http = createHttp(options);
  return { ...publicResources(http), sessionRequests: sessionRequestsResource(http) };
}

/**
 * A client without the staff's calls, for browser pages: the same behaviour, but a bundler can
 * leave the staff's schemas and code out (about 2 KB gzip of the widget bundles).
 */
export function createPublicClient(options: ClientOptions): PublicClient {
  return publicResources(createHttp(options));
}

function publicResources(http: Http): PublicClient {
  return {
    layers: layersResource(http),
    zones: zonesResource(http),
    places: placesResource(http),
    lookup: lookupResource(http),
    topics: topicsResource(http),
    sessionRequests: sessionRequestIntake(http),
  };
}
