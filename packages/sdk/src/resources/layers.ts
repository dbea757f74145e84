import { type Layer, LayerList } from '@carezone/contract';
import type { Http } from '../internal/http.js';
import type { RequestOptions } from '../request-options.js';

export interface LayersResource {
  /** Every zone layer of the packs the server loaded. */
  list(options?: RequestOptions): Promise<Layer[]>;
}

export function layersResource(http: Http): LayersResource {
  return {
    async list(options) {
      return (await http.get('layers', LayerList, undefined, options)).data;
    },
  };
}
