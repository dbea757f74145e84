import { type Topic, TopicList } from '@carezone/contract';
import { sendCached } from '../caching.js';
import { serializeWithETag } from '../response-cache.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';

export function topicRoutes(topics: readonly Topic[]): RouteSpec[] {
  // Topics change only with the configuration, that is, on restart.
  const answer = serializeWithETag({ data: [...topics] } satisfies TopicList);
  return [
    defineRoute({
      method: 'get',
      path: '/v1/topics',
      operationId: 'listTopics',
      tag: 'Session requests',
      summary: 'Topics a session can be requested on, labelled in Dutch, French, English and German',
      description:
        'The deployment’s list (`CAREZONE_TOPICS`), or a default one. A request may also name the topic ' +
        '`other` and say what it is in `otherTopic`.',
      responses: { 200: { description: 'The topics, in the order to show them.', schema: TopicList } },
      examples: ['/v1/topics'],
      handler: (c) => sendCached(c, answer, 'application/json'),
    }),
  ];
}
