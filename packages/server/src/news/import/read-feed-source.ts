import { createReadStream } from 'node:fs';
import { FeedImportError } from './feed-error.js';

/** Far above any real news feed (a year of long articles is a few MB), far below harm. */
export const MAX_FEED_BYTES = 10 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 30_000;

export interface FeedLimits {
  maxBytes?: number | undefined;
  timeoutMs?: number | undefined;
}

/** What a feed's location answered: its bytes and the HTTP charset, if any. */
export interface FeedBytes {
  bytes: Uint8Array;
  contentType?: string | undefined;
}

export function isFeedUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

function tooLarge(location: string, maxBytes: number): FeedImportError {
  return new FeedImportError(
    `${location} is larger than ${maxBytes} bytes: not a news feed, or far too long`,
  );
}

/** Reads a stream up to `maxBytes`, failing as soon as it goes over rather than after reading it all. */
async function readCapped(
  chunks: AsyncIterable<Uint8Array>,
  location: string,
  maxBytes: number,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(location, maxBytes);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

export async function readFeedFile(path: string, limits: FeedLimits = {}): Promise<FeedBytes> {
  const stream = createReadStream(path);
  try {
    return { bytes: await readCapped(stream, path, limits.maxBytes ?? MAX_FEED_BYTES) };
  } catch (error) {
    if (error instanceof FeedImportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FeedImportError(
      code === 'ENOENT' ? `no file ${path}` : `cannot read ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  } finally {
    stream.destroy();
  }
}

export interface ConditionalHeaders {
  etag?: string | null | undefined;
  lastModified?: string | null | undefined;
}

export type FetchedFeed =
  | ({ kind: 'fetched'; etag: string | null; lastModified: string | null } & FeedBytes)
  | { kind: 'not-modified' };

/**
 * GETs a feed within a time limit and a size limit, conditionally when `conditional` holds the
 * validators of the last answer. Every failure is a `FeedImportError` naming the URL and cause,
 * except a `cancel` (a stopping poller): that rejects with the signal's reason.
 */
export async function fetchFeed(
  url: string,
  conditional: ConditionalHeaders = {},
  limits: FeedLimits = {},
  cancel?: AbortSignal,
): Promise<FetchedFeed> {
  const timeoutMs = limits.timeoutMs ?? FEED_TIMEOUT_MS;
  const maxBytes = limits.maxBytes ?? MAX_FEED_BYTES;
  const headers: Record<string, string> = {
    accept:
      'application/feed+json, application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.5',
  };
  if (conditional.etag) headers['if-none-match'] = conditional.etag;
  if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
  // One signal for the whole exchange: a server that answers headers and then trickles the body
  // is as stuck as one that never answers. `cancel` (a stopping poller) ends it as well, so no
  // connection outlives the server.
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = cancel ? AbortSignal.any([timeout, cancel]) : timeout;
  try {
    const response = await fetch(url, { headers, signal, redirect: 'follow' });
    if (response.status === 304) {
      await response.body?.cancel();
      return { kind: 'not-modified' };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FeedImportError(`${url} answered HTTP ${response.status} ${response.statusText}`.trim());
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw tooLarge(url, maxBytes);
    }
    const bytes = response.body ? await readCapped(response.body, url, maxBytes) : new Uint8Array();
    return {
      kind: 'fetched',
      bytes,
      contentType: response.headers.get('content-type') ?? undefined,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
  } catch (error) {
    if (error instanceof FeedImportError) throw error;
    if (cancel?.aborted) throw cancel.reason;
    if (timeout.aborted) {
      throw new FeedImportError(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`, {
        cause: error,
      });
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new FeedImportError(
      `cannot fetch ${url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}
