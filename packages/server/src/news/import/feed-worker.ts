/**
 * The feed worker's entry: parses and sanitises polled feeds off the server's main thread, so a
 * large or crafted feed costs this thread's time, never the time of requests. One job at a time;
 * see feed-worker-client.ts for the other side.
 */
import { parentPort } from 'node:worker_threads';
import type { FeedItemOptions } from './entries-to-items.js';
import { prepareFeed } from './prepare-feed.js';
import type { FeedBytes } from './read-feed-source.js';

export interface FeedJob {
  id: number;
  source: FeedBytes;
  location: string;
  options: FeedItemOptions;
}

export type FeedJobAnswer =
  | { id: number; ok: true; feed: ReturnType<typeof prepareFeed> }
  | { id: number; ok: false; name: string; message: string };

if (parentPort === null) throw new Error('feed-worker.ts runs as a worker thread only');
const port = parentPort;
port.on('message', (job: FeedJob) => {
  let answer: FeedJobAnswer;
  try {
    answer = { id: job.id, ok: true, feed: prepareFeed(job.source, job.location, job.options) };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    answer = { id: job.id, ok: false, name, message };
  }
  port.postMessage(answer);
});
