import { setTimeout as sleep } from 'node:timers/promises';
import { startFeedServer } from './feed-server.js';

/** What the feed server answers next. */
export type FeedAnswer =
  /** The feed, with validators: a request that sends them back gets a 304. */
  | { kind: 'feed'; body: string | Uint8Array; contentType: string; etag?: string; lastModified?: string }
  | { kind: 'status'; status: number }
  /** Headers and body never come: the client's timeout has to end it. */
  | { kind: 'silent' };

/** The conditional headers of one request the server received. */
export interface ReceivedRequest {
  path: string;
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
}

export interface PolledFeedServer {
  url: string;
  /** Every request, oldest first. */
  readonly requests: ReceivedRequest[];
  /** How many requests the client gave up before they were answered (it closed the connection). */
  abandoned(): number;
  /** Sets what every following request gets. */
  answer(next: FeedAnswer): void;
  close(): Promise<void>;
}

/**
 * A local feed that honours `If-None-Match` and `If-Modified-Since` as a CMS would, for the poller's
 * tests. `delayMs` holds each answer back, so concurrent pollers overlap for sure.
 */
export async function startPolledFeed(first: FeedAnswer, delayMs = 0): Promise<PolledFeedServer> {
  let current = first;
  const requests: ReceivedRequest[] = [];
  let abandoned = 0;
  const server = await startFeedServer((request, response) => {
    response.on('close', () => {
      if (!response.writableFinished) abandoned++;
    });
    const answer = current;
    const header = (name: string) => request.headers[name] as string | undefined;
    requests.push({
      path: request.url ?? '',
      ifNoneMatch: header('if-none-match'),
      ifModifiedSince: header('if-modified-since'),
    });
    if (answer.kind === 'silent') return;
    void sleep(delayMs).then(() => {
      if (answer.kind === 'status') {
        response.writeHead(answer.status).end('unavailable');
        return;
      }
      const validators = {
        ...(answer.etag && { etag: answer.etag }),
        ...(answer.lastModified && { 'last-modified': answer.lastModified }),
      };
      const unchanged =
        (answer.etag !== undefined && header('if-none-match') === answer.etag) ||
        (answer.etag === undefined &&
          answer.lastModified !== undefined &&
          header('if-modified-since') === answer.lastModified);
      if (unchanged) {
        response.writeHead(304, validators).end();
        return;
      }
      response.writeHead(200, { 'content-type': answer.contentType, ...validators }).end(answer.body);
    });
  });
  return {
    url: server.url,
    requests,
    abandoned: () => abandoned,
    answer(next) {
      current = next;
    },
    close: () => server.close(),
  };
}
