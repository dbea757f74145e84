/** The pages of the inbox, from `location.pathname` (and the list's filters from its query). */
export type Route =
  | { view: 'requests' }
  | { view: 'request'; id: string }
  | { view: 'news' }
  | { view: 'news-new' }
  | { view: 'news-edit'; id: string }
  | { view: 'not-found' };

export const INBOX_BASE = '/inbox/';

export function parseRoute(pathname: string): Route {
  if (pathname === '/inbox' || pathname === INBOX_BASE) return { view: 'requests' };
  if (!pathname.startsWith(INBOX_BASE)) return { view: 'not-found' };
  const segments = pathname.slice(INBOX_BASE.length).replace(/\/$/, '').split('/');
  let decoded: string[];
  try {
    decoded = segments.map((segment) => decodeURIComponent(segment));
  } catch {
    return { view: 'not-found' };
  }
  const [first, second, ...rest] = decoded;
  if (rest.length > 0 || decoded.some((segment) => segment === '')) return { view: 'not-found' };
  if (first === 'requests' && second) return { view: 'request', id: second };
  if (first === 'news' && second === undefined) return { view: 'news' };
  if (first === 'news' && second === 'new') return { view: 'news-new' };
  if (first === 'news' && second) return { view: 'news-edit', id: second };
  return { view: 'not-found' };
}

export const requestPath = (id: string): string => `${INBOX_BASE}requests/${encodeURIComponent(id)}`;
export const newsPath = (id?: string): string =>
  id === undefined ? `${INBOX_BASE}news` : `${INBOX_BASE}news/${encodeURIComponent(id)}`;
export const NEW_NEWS_PATH = `${INBOX_BASE}news/new`;

/**
 * The inbox path a plain click on a link goes to (the view changes in place), or undefined for a
 * click the browser should handle: a modified or other button's click, a download, another target,
 * a page outside the inbox.
 */
export function inboxLinkTarget(event: MouseEvent): string | undefined {
  if (event.defaultPrevented || event.button !== 0) return undefined;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  const link = event
    .composedPath()
    .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
  if (!link || link.hasAttribute('download') || (link.target && link.target !== '_self')) return undefined;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin) return undefined;
  if (url.pathname !== '/inbox' && !url.pathname.startsWith(INBOX_BASE)) return undefined;
  return url.pathname + url.search;
}
