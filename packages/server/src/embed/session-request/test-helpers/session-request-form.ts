import assert from 'node:assert/strict';
import { type SessionRequest, SessionRequestPage } from '@carezone/contract';
import type { InProcessApp } from '../../../test-helpers/app.js';
import { staffRequest } from '../../../test-helpers/http.js';
import { signShownAt } from '../session-request-fill-time.js';

/** The origin of `app.request`'s URLs: the page's own, whose posts the API takes. */
export const OWN_ORIGIN = 'http://localhost';

/** A text as the pages' escaper (hono/html) writes it. */
export const escaped = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const unescaped = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The form's hidden fields (page settings, key, time shown), as a browser would post them. */
export function hiddenFields(html: string): URLSearchParams {
  const fields = new URLSearchParams();
  for (const [, name = '', value = ''] of html.matchAll(
    /<input type="hidden" name="([^"]+)" value="([^"]*)">/g,
  ))
    fields.append(name, unescaped(value));
  return fields;
}

/** The form page at `path`, answered 200: its HTML and its hidden fields. */
export async function openForm(app: InProcessApp, path = '/embed/session-request?lang=nl&zone=bxl-sud') {
  const response = await app.request(path);
  assert.equal(response.status, 200);
  const html = await response.text();
  return { html, hidden: hiddenFields(html) };
}

/** What a person fills in, over the form's hidden fields; shown a minute ago unless `shownNow`. */
export function filledIn(hidden: URLSearchParams, { shownNow = false } = {}): URLSearchParams {
  const form = new URLSearchParams(hidden);
  if (!shownNow) form.set('shown-at', signShownAt(Date.now() - 60_000));
  const fields: [string, string][] = [
    ['organisation.name', 'OCMW Sint-Gillis'],
    ['organisation.kind', 'municipal-social-service'],
    ['contact.name', 'Anna Peeters'],
    ['contact.email', 'anna.peeters@example.be'],
    ['contact.phone', '+32 2 123 45 67'],
    ['topics', 'diabetes'],
    ['topics', 'mental-health'],
    ['format', 'on-site'],
    ['preferredPeriod', 'In maart'],
    ['participants', '25'],
    ['language', 'bilingual'],
    ['message', 'Voor onze maatschappelijk werkers.'],
    ['consent', 'true'],
    ['cz-hp', ''],
  ];
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

/** The form posted as a browser posts it, from a page of `origin` (none: not a browser). */
export function postForm(
  app: InProcessApp,
  form: URLSearchParams,
  origin: string | undefined = OWN_ORIGIN,
): Promise<Response> {
  return Promise.resolve(
    app.request('/embed/session-request', {
      method: 'POST',
      body: form,
      headers: origin === undefined ? {} : { origin },
    }),
  );
}

/** The `reference` of the confirmation a 303 redirects to. */
export const referenceOf = (response: Response) =>
  new URL(response.headers.get('location') ?? '', OWN_ORIGIN).searchParams.get('reference');

/** Every request stored, flagged ones included, read through the staff API with a network token. */
export async function storedRequests(app: InProcessApp, token: string): Promise<SessionRequest[]> {
  const response = await staffRequest(app, 'GET', '/v1/session-requests?spam=include&limit=100', token);
  assert.equal(response.status, 200);
  return SessionRequestPage.parse(await response.json()).data;
}
