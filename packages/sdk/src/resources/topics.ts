import { type Topic, TopicList } from '@carezone/contract';
import type { Http } from '../internal/http.js';
import type { RequestOptions } from '../request-options.js';

export interface TopicsResource {
  /** The topics a session can be requested on, as this deployment configures them. */
  list(options?: RequestOptions): Promise<Topic[]>;
}

export function topicsResource(http: Http): TopicsResource {
  return {
    async list(options) {
      return (await http.get('topics', TopicList, undefined, options)).data;
    },
  };
}
