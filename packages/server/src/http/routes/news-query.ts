import type { NewsQuery } from '@carezone/contract';
import { decodeNewsCursor, type NewsPosition } from '../../news/publish/cursor.js';
import type { ZoneDirectory } from '../../zones/zone-directory.js';
import { invalidQuery } from '../problem.js';

/**
 * News changes with every import, so lists and feeds are cached briefly and then revalidated
 * with their ETag, which costs a query but no transfer.
 */
export const NEWS_CACHE = 'public, max-age=60, stale-while-revalidate=300';

/** The zones a `zone` and `layer` filter select, or `undefined` for all; unknown ids are 400s. */
export function zonesOfQuery(directory: ZoneDirectory, query: Pick<NewsQuery, 'zone' | 'layer'>) {
  if (query.layer !== undefined && !directory.hasLayer(query.layer)) {
    throw invalidQuery([
      { path: 'layer', code: 'unknown_layer', message: `no layer "${query.layer}" is loaded` },
    ]);
  }
  if (query.zone !== undefined && !directory.zone(query.zone)) {
    throw invalidQuery([
      { path: 'zone', code: 'unknown_zone', message: `no zone "${query.zone}" is loaded` },
    ]);
  }
  if (query.layer === undefined) return query.zone === undefined ? undefined : [query.zone];
  const ofLayer = directory.zones({ layer: query.layer }).map((zone) => zone.id);
  return query.zone === undefined ? ofLayer : ofLayer.filter((zone) => zone === query.zone);
}

export function newsCursor(cursor: string | undefined): NewsPosition | undefined {
  if (cursor === undefined) return undefined;
  const position = decodeNewsCursor(cursor);
  if (position === undefined) {
    throw invalidQuery([
      { path: 'cursor', code: 'invalid_cursor', message: 'is not a nextCursor of this list' },
    ]);
  }
  return position;
}
