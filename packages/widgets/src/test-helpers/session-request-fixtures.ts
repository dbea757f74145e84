import type { SessionRequestCreated, SessionRequestInput, Topic } from '@carezone/sdk';
import { draftKey } from '../session-request/draft.js';
import type { FormValues } from '../session-request/form-values.js';
import { type FixtureAnswer, type FixtureHandler, problem } from './fixture-api.js';
import { finderApi } from './fixtures.js';

// The form's answers. The topics are a deployment's own (`CAREZONE_TOPICS`), not the server's
// defaults: the form offers whatever the server lists.

export const TOPICS: Topic[] = [
  { id: 'diabetes', label: { nl: 'Diabetes', fr: 'Diabète', en: 'Diabetes', de: 'Diabetes' } },
  { id: 'dementia', label: { nl: 'Dementie', fr: 'Démence', en: 'Dementia', de: 'Demenz' } },
  { id: 'vaccination', label: { nl: 'Vaccinatie', fr: 'Vaccination', en: 'Vaccination', de: 'Impfung' } },
  { id: 'addiction', label: { nl: 'Verslaving', fr: 'Assuétudes', en: 'Addiction', de: 'Sucht' } },
];

export const CREATED: SessionRequestCreated = {
  id: '2f1c3a52-8c1e-4c55-9a51-2b0f1f4f8e21',
  reference: 'CZ-7KQM-4TXA',
  status: 'received',
  createdAt: '2025-03-03T09:30:00.000Z',
};

/** A form filled in as a visitor would, every required field and a few optional ones. */
export const FILLED: FormValues = {
  'organisation.name': 'OCMW Voorbeeld',
  'organisation.kind': 'municipal-social-service',
  'contact.name': 'An Peeters',
  'contact.email': 'an.peeters@example.be',
  'contact.phone': '+32 2 000 00 00',
  topics: ['diabetes'],
  otherTopic: '',
  format: 'on-site',
  preferredPeriod: 'maart',
  participants: '25',
  language: 'nl',
  message: '',
  consent: true,
  website: '',
};

/** One POST the form made: its Idempotency-Key and its body. */
export interface SentRequest {
  key: string | null;
  body: SessionRequestInput;
}

export interface FormApiOptions {
  /** The answer to the n-th POST (from 0); default 201 with CREATED. */
  create?: (sent: SentRequest, index: number) => FixtureAnswer | Promise<FixtureAnswer>;
  /** The answer to GET /v1/topics; default TOPICS. */
  topics?: () => FixtureAnswer;
  /** Every other request (places, lookups, zones); default: the finder tests' `finderApi`. */
  others?: FixtureHandler;
}

/**
 * The API of a form: topics, session requests (every POST kept in `sent`), and the finder's
 * places, lookups and zones for the embedded finder and the `zone` attribute.
 */
export function formApi(options: FormApiOptions = {}): { handler: FixtureHandler; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const handler: FixtureHandler = async (url, request) => {
    if (url.pathname === '/v1/topics') return options.topics?.() ?? { body: { data: TOPICS } };
    if (url.pathname === '/v1/session-requests' && request.method === 'POST') {
      const one: SentRequest = {
        key: request.headers.get('idempotency-key'),
        body: (await request.json()) as SessionRequestInput,
      };
      sent.push(one);
      return (await options.create?.(one, sent.length - 1)) ?? { status: 201, body: CREATED };
    }
    return options.others ? options.others(url, request) : finderApi(url);
  };
  return { handler, sent };
}

/** 429 with `Retry-After` in seconds, as the server's rate limit answers. */
export function rateLimited(seconds: number): FixtureAnswer {
  return { ...problem(429, 'RATE_LIMITED'), headers: { 'retry-after': String(seconds) } };
}

/** Puts a draft where the form with this `id` (on this page) looks for it. */
export function storeDraft(
  id: string,
  values: Partial<FormValues>,
  zone?: { id: string; name: { nl: string } },
) {
  sessionStorage.setItem(
    draftKey({ id }),
    JSON.stringify({ values, zone, key: 'draft-key-0000000000000001', shownAt: Date.now() - 60_000 }),
  );
}
