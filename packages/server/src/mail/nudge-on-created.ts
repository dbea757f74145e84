/**
 * Wraps a fetch handler so that every `201 Created` answer to a POST nudges the mail dispatcher:
 * whatever was stored may have queued e-mails, which then go out at once instead of at the next
 * poll. The HTTP side needs to know nothing about mail; a nudge with nothing due costs one query.
 */
export function nudgeOnCreated<Rest extends unknown[]>(
  fetch: (request: Request, ...rest: Rest) => Response | Promise<Response>,
  nudge: () => void,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const response = await fetch(request, ...rest);
    if (request.method === 'POST' && response.status === 201) nudge();
    return response;
  };
}
