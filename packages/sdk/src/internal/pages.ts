import type { RequestOptions } from '../request-options.js';

/**
 * Every page of a list paginated by cursor, one after the other: the first, then the page after
 * each `nextCursor` until there is none. The one pagination idiom of the SDK (`pages()`).
 */
export async function* pagesOf<P extends { cursor?: string }, Page extends { nextCursor: string | null }>(
  list: (params: P, options?: RequestOptions) => Promise<Page>,
  params: Omit<P, 'cursor'> = {} as Omit<P, 'cursor'>,
  options?: RequestOptions,
): AsyncGenerator<Page> {
  let cursor: string | undefined;
  do {
    const page = await list({ ...params, ...(cursor === undefined ? {} : { cursor }) } as P, options);
    yield page;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
