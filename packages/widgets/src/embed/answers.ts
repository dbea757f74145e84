/**
 * The reads an embed page's server already made, handed to the widget that takes the page over:
 * each answers the widget's first request for the same URL, once, so nothing the server rendered is
 * asked for again. The page is Carezone's own (`/embed/…`): replacing its `fetch` touches no site's.
 * Keys as the server's `answerKey` (packages/server/src/embed/api-in-process.ts): path and query, the
 * parameters in name order.
 */
export function answerKey(url: URL): string {
  const query = new URLSearchParams([...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const text = `${query}`;
  return text ? `${url.pathname}?${text}` : url.pathname;
}

export function answerFromPage(): void {
  const data = document.getElementById('carezone-answers')?.textContent;
  if (!data) return;
  const answers = new Map<string, { status: number; type: string; body: unknown }>(
    Object.entries(JSON.parse(data)),
  );
  const fetchOverNetwork = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const key = answerKey(url);
    const answer = request.method === 'GET' && url.origin === location.origin && answers.get(key);
    if (answer) {
      answers.delete(key);
      const { status, type, body } = answer;
      return Promise.resolve(
        new Response(JSON.stringify(body), { status, headers: { 'content-type': type } }),
      );
    }
    return fetchOverNetwork(request);
  };
}
