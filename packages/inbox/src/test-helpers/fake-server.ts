import type { NewsItem, Topic, ZoneSummary } from '@carezone/sdk';
import { InboxApi, type InboxRequest, type StaffSession } from '../internal/api.js';

export const BASE = 'https://inbox.carezone.test';
export const CSRF = 'csrf-0123456789abcdef';

export const ZONE_SESSION: StaffSession = {
  zone: 'bxl-sud',
  label: 'Team Zuid',
  csrfToken: CSRF,
  expiresAt: '2026-12-03T17:00:00.000Z',
};
export const NETWORK_SESSION: StaffSession = { ...ZONE_SESSION, zone: null, label: 'Netwerk' };

const contact = { phone: '+32 2 555 01 00', email: 'zuid@zorgzones.example.be', website: null };
export const ZONES: ZoneSummary[] = [
  {
    id: 'bxl-sud',
    layer: 'bxl-care-zones',
    name: { nl: 'Zuid', fr: 'Sud', en: 'South', de: 'Süd' },
    contact,
    validFrom: null,
    validTo: null,
    hasGeometry: false,
  },
  {
    id: 'bxl-nord',
    layer: 'bxl-care-zones',
    name: { nl: 'Noord', fr: 'Nord', en: 'North', de: 'Nord' },
    contact,
    validFrom: null,
    validTo: null,
    hasGeometry: false,
  },
] as ZoneSummary[];

export const TOPICS: Topic[] = [
  { id: 'diabetes', label: { nl: 'Diabetes', fr: 'Diabète', en: 'Diabetes', de: 'Diabetes' } },
  { id: 'dementia', label: { nl: 'Dementie', fr: 'Démence', en: 'Dementia', de: 'Demenz' } },
];

export const REQUEST: InboxRequest = {
  id: '3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
  reference: 'CZ-2026-0042',
  status: 'received',
  createdAt: '2026-12-01T09:15:00.000Z',
  updatedAt: '2026-12-01T09:15:00.000Z',
  possibleSpam: false,
  request: {
    organisation: { name: 'Wijkgezondheidscentrum Vorst', kind: 'health-service' },
    zone: 'bxl-sud',
    contact: { name: 'An Peeters', email: 'an.peeters@example.be', phone: '+32 2 555 12 34' },
    topics: ['diabetes'],
    format: 'on-site',
    preferredPeriod: 'March',
    participants: 25,
    language: 'nl',
    locale: 'fr',
    message: 'Graag een sessie voor ons team.\nLiefst in de voormiddag.',
    consent: true,
  },
  history: [{ status: 'received', note: null, at: '2026-12-01T09:15:00.000Z', by: null }],
  mails: [
    { kind: 'team', state: 'sent', attempts: 1, lastError: null, at: '2026-12-01T09:15:05.000Z' },
    { kind: 'confirmation', state: 'queued', attempts: 0, lastError: null, at: '2026-12-01T09:15:00.000Z' },
  ],
};

export const NEWS_ITEM: NewsItem = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  title: 'Infosessie diabetes in Vorst',
  summary: 'Het team van zorgzone Zuid geeft een infosessie over diabetes.',
  bodyHtml: '<p>Het team van zorgzone Zuid geeft op 14 maart een infosessie over diabetes.</p>',
  language: 'nl',
  publishedAt: '2026-11-20T10:00:00.000Z',
  updatedAt: null,
  author: null,
  zones: ['bxl-sud'],
  topics: [],
  image: null,
  sourceUrl: null,
};

export interface Sent {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
  credentials: RequestCredentials | undefined;
  cache: RequestCache | undefined;
}

export type Answer = { status?: number; body?: unknown; headers?: Record<string, string> } | 'offline';
export type Route = (sent: Sent) => Answer | undefined | Promise<Answer | undefined>;

/**
 * A fake of the server at the SDK's boundary (its `fetch`): answers by route, records every request
 * with its headers, body and credentials mode. Unrouted calls get the defaults below.
 */
/** `session`: the session of the cookie; `null`: signed out. */
export function fakeServer(route: Route = () => undefined, session: StaffSession | null = ZONE_SESSION) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const entry: Sent = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
      credentials: init?.credentials,
      cache: init?.cache,
    };
    sent.push(entry);
    const answer = (await route(entry)) ?? defaults(entry, session);
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    const status = answer.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? {}), {
      status,
      headers: {
        'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
        ...answer.headers,
      },
    });
  };
  const api = new InboxApi({ baseUrl: BASE, fetch });
  if (session) api.csrfToken = session.csrfToken;
  return { api, sent, fetch };
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}) {
  return { status, body: { type: `/problems/${code}`, title: code, status, code, ...extra } };
}

function defaults({ method, url }: Sent, session: StaffSession | null): Answer {
  const path = url.pathname;
  if (path === '/v1/staff/session') {
    if (method === 'DELETE') return { status: 204 };
    return session ? { body: session } : problem(401, 'UNAUTHORIZED');
  }
  if (path === '/v1/zones') return { body: { data: ZONES } };
  if (path === '/v1/topics') return { body: { data: TOPICS } };
  if (path === '/v1/session-requests') return { body: { data: [REQUEST], nextCursor: null } };
  if (path.startsWith('/v1/session-requests/')) return { body: REQUEST };
  if (path === '/v1/news') return { body: { data: [NEWS_ITEM], nextCursor: null } };
  if (path.startsWith('/v1/news/')) return method === 'DELETE' ? { status: 204 } : { body: NEWS_ITEM };
  return problem(404, 'NOT_FOUND');
}
