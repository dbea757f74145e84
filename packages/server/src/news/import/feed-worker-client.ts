import { Worker, type WorkerOptions } from 'node:worker_threads';
import { FeedImportError } from './feed-error.js';
import type { FeedJob, FeedJobAnswer } from './feed-worker.js';
import type { FeedPreparer, PreparedFeed } from './prepare-feed.js';

/** Far above what a 10 MB feed takes (about a second); a feed past it is not read at all. */
export const FEED_PREPARE_TIMEOUT_MS = 60_000;
/** A feed is at most 10 MB: a parse of it needs a few times that, never gigabytes. */
const WORKER_HEAP_MB = 512;

export interface FeedWorker {
  prepare: FeedPreparer;
  /** Ends the worker; a job still running fails, and so does any `prepare` after. */
  close(): Promise<void>;
}

/**
 * The worker, from the file beside this one. In the build that is `feed-worker.js`. Run from source
 * (tests, `--import tsx`), it is `feed-worker.ts`, and a worker thread does not get tsx's loader
 * from `--import`: it loads the file through tsx's API instead, found from here (tsx is a tool of
 * the repository, never needed by the build).
 */
function startWorkerThread(options: WorkerOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./feed-worker.js', import.meta.url), options);
  }
  const entry = new URL('./feed-worker.ts', import.meta.url).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const code =
    `import(${JSON.stringify(tsxApi)}).then((tsx) => ` +
    `tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(code, { ...options, eval: true });
}

interface Pending {
  resolve(feed: PreparedFeed): void;
  reject(error: Error): void;
}

/**
 * Runs `prepareFeed` in one worker thread, started at the first feed and kept for the next ones
 * (loading the parser and sanitiser costs a third of a second). A job over `timeoutMs`, a worker
 * that runs out of memory or crashes fails that feed with a `FeedImportError` and ends the worker;
 * the next feed gets a new one. The worker never keeps the process alive.
 */
export function createFeedWorker(timeoutMs = FEED_PREPARE_TIMEOUT_MS): FeedWorker {
  let worker: Worker | undefined;
  let closed = false;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  function failAll(error: Error) {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  }

  /**
   * A job keeps the process alive until it ends, as any pending I/O would; an idle worker does not.
   * Done after each change, since adding a 'message' listener takes a reference again.
   */
  function holdWhileBusy(running: Worker) {
    if (pending.size > 0) running.ref();
    else running.unref();
  }

  function start(): Worker {
    const started = startWorkerThread({ resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    started.on('message', (answer: FeedJobAnswer) => {
      const job = pending.get(answer.id);
      if (job === undefined) return;
      pending.delete(answer.id);
      holdWhileBusy(started);
      if (answer.ok) job.resolve(answer.feed);
      else if (answer.name === 'FeedImportError') job.reject(new FeedImportError(answer.message));
      else job.reject(new Error(answer.message));
    });
    started.on('error', (error) => {
      if (worker === started) worker = undefined;
      failAll(new FeedImportError(`the feed could not be read: ${error.message}`, { cause: error }));
    });
    started.on('exit', () => {
      if (worker === started) worker = undefined;
      failAll(new FeedImportError('the feed could not be read: its worker stopped'));
    });
    return started;
  }

  const prepare: FeedPreparer = (source, location, options) => {
    if (closed) return Promise.reject(new FeedImportError(`${location} not read: the server is stopping`));
    worker ??= start();
    const running = worker;
    const id = nextId++;
    return new Promise<PreparedFeed>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(
          new FeedImportError(
            `${location} took more than ${Math.round(timeoutMs / 1000)} s to read: not read`,
          ),
        );
        // The only way to stop a synchronous parse: end the thread.
        void running.terminate();
      }, timeoutMs);
      pending.set(id, {
        resolve: (feed) => {
          clearTimeout(timer);
          resolve(feed);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      holdWhileBusy(running);
      running.postMessage({ id, source, location, options } satisfies FeedJob);
    });
  };

  return {
    prepare,
    async close() {
      closed = true;
      const running = worker;
      worker = undefined;
      await running?.terminate();
    },
  };
}
