import { type CarezoneClient, createClient } from '@carezone/sdk';

/**
 * What a fixture API answers to one request: a JSON body (a problem when `status` ≥ 400), with
 * extra headers (`retry-after`), after an optional delay; a network failure; or nothing at all
 * until the request is aborted.
 */
export type FixtureAnswer =
  | { status?: number; body: unknown; delay?: number; headers?: Record<string, string> }
  | { network: 'offline' | 'never' };

export type FixtureHandler = (url: URL, request: Request) => FixtureAnswer | Promise<FixtureAnswer>;

export interface FixtureClient extends CarezoneClient {
  /** Every request the widget made, in order. */
  readonly requests: URL[];
}

/**
 * A real SDK client (validation, errors and all) over a fetch that answers from fixtures: widget
 * tests and stories see exactly what the SDK makes of each answer, with no server and no timing
 * luck. Retries are off so that a failure shows at once.
 */
export function fixtureClient(handler: FixtureHandler): FixtureClient {
  const requests: URL[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    requests.push(url);
    const answer = await handler(url, request);
    if ('network' in answer) {
      if (answer.network === 'offline') throw new TypeError('Failed to fetch');
      return new Promise((_resolve, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
      });
    }
    if (answer.delay) await sleep(answer.delay, request.signal);
    const status = answer.status ?? 200;
    return new Response(JSON.stringify(answer.body), {
      status,
      headers: {
        'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
        ...answer.headers,
      },
    });
  };
  const client = createClient({ baseUrl: 'https://api.carezone.test', fetch, retry: 0 });
  return Object.assign(client, { requests });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** An RFC 9457 problem as the API answers it. */
export function problem(status: number, code: string, extra: Record<string, unknown> = {}): FixtureAnswer {
  return { status, body: { type: 'about:blank', title: code, status, code, ...extra } };
}
