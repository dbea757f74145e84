// A session request form posted without JavaScript, through the API in process: stored and
// redirected, replayed, refused (fields, origin, limits, size) or dropped as a bot's, each answered
// with the form as it was typed and the widget's words.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SESSION_REQUEST_TRANSLATIONS } from '@carezone/widgets/texts';
import { resolveAllowedOrigins } from '../../http/allowed-origins.js';
import { REFERENCE_PACK_DIR } from '../../packs/test-helpers/reference-pack.js';
import { REFERENCE_PATTERN } from '../../session-requests/reference.js';
import { createTestApp, type TestApp, withTestApp } from '../../test-helpers/app.js';
import { createTestStaffTokens } from '../../test-helpers/staff-tokens.js';
import {
  escaped,
  filledIn,
  hiddenFields,
  OWN_ORIGIN,
  openForm,
  postForm,
  referenceOf,
  storedRequests,
} from './test-helpers/session-request-form.js';

let opened: TestApp;
let staffToken: string;
before(async () => {
  opened = await createTestApp([REFERENCE_PACK_DIR], {
    rateLimits: { perAddress: 'off', perZone: 'off' },
    allowedOrigins: resolveAllowedOrigins('https://www.gemeente.example', 'production'),
  });
  staffToken = (await createTestStaffTokens(opened.storage.db)).network;
});
after(() => opened.close());

const open = (path?: string) => openForm(opened.app, path);
const post = (form: URLSearchParams, origin?: string) => postForm(opened.app, form, origin);
const stored = () => storedRequests(opened.app, staffToken);

describe('POST /embed/session-request', () => {
  test('a complete form is stored and redirected (303) to its confirmation, in the page’s language and theme', async () => {
    const { hidden } = await open('/embed/session-request?lang=fr&zone=bxl-sud&theme-accent=%231d6b34');
    const response = await post(filledIn(hidden));
    assert.equal(response.status, 303);
    const location = new URL(response.headers.get('location') ?? '', OWN_ORIGIN);
    assert.equal(location.pathname, '/embed/session-request/sent');
    assert.equal(location.searchParams.get('lang'), 'fr');
    assert.equal(location.searchParams.get('theme-accent'), '#1d6b34');
    const reference = location.searchParams.get('reference') ?? '';
    assert.match(reference, REFERENCE_PATTERN);
    const sent = await (await opened.app.request(`${location.pathname}${location.search}`)).text();
    assert.ok(sent.includes(`<span class="code">${reference}</span>`));

    const request = (await stored()).find((item) => item.reference === reference);
    assert.ok(request, 'the request is stored under the reference shown');
    assert.deepEqual(request.request, {
      organisation: { name: 'OCMW Sint-Gillis', kind: 'municipal-social-service' },
      zone: 'bxl-sud',
      contact: { name: 'Anna Peeters', email: 'anna.peeters@example.be', phone: '+32 2 123 45 67' },
      topics: ['diabetes', 'mental-health'],
      format: 'on-site',
      preferredPeriod: 'In maart',
      participants: 25,
      language: 'bilingual',
      locale: 'fr',
      message: 'Voor onze maatschappelijk werkers.',
      consent: true,
    });
    assert.equal(request.possibleSpam, false);
  });

  test('a zone chosen from the list is the request’s zone', async () => {
    const form = filledIn((await open('/embed/session-request?lang=nl')).hidden);
    form.set('chosen-zone', 'bxl-nord');
    const response = await post(form);
    assert.equal(response.status, 303);
    const request = (await stored()).find((item) => item.reference === referenceOf(response));
    assert.equal(request?.request.zone, 'bxl-nord');
  });

  test('the same form posted twice (same key) is one request, both answered with its reference', async () => {
    const form = filledIn((await open()).hidden);
    const first = await post(form);
    const second = await post(form);
    assert.equal(first.status, 303);
    assert.equal(second.status, 303);
    assert.equal(referenceOf(second), referenceOf(first));
    assert.equal((await stored()).filter((item) => item.reference === referenceOf(first)).length, 1);
  });

  test('the same key with other content: 409 with the catalogue’s words and a new key', async () => {
    const { hidden } = await open('/embed/session-request?lang=en&zone=bxl-sud');
    assert.equal((await post(filledIn(hidden))).status, 303);
    const changed = filledIn(hidden);
    changed.set('organisation.name', 'Another organisation');
    const response = await post(changed);
    assert.equal(response.status, 409);
    const html = await response.text();
    assert.ok(html.includes(escaped(SESSION_REQUEST_TRANSLATIONS.en.errors.CONFLICT)));
    assert.ok(html.includes('value="Another organisation"'), 'what was typed stays');
    const key = hiddenFields(html).get('idempotency-key');
    assert.ok(key && key !== hidden.get('idempotency-key'), 'a new key: sending again is a new request');
  });

  test('missing and wrong fields: 422, everything typed kept, each problem at its field and in the summary', async () => {
    const before = (await stored()).length;
    const { hidden } = await open('/embed/session-request?lang=en');
    const form = new URLSearchParams(hidden);
    form.set('organisation.name', 'OCMW <Vorst> & "Co"');
    form.set('contact.email', 'anna@');
    form.set('message', 'Line one\nline two');
    form.append('topics', 'diabetes');
    const response = await post(form);
    assert.equal(response.status, 422);
    const html = await response.text();
    const texts = SESSION_REQUEST_TRANSLATIONS.en;
    assert.ok(html.includes('value="OCMW &lt;Vorst&gt; &amp; &quot;Co&quot;"'), 'the name as typed, escaped');
    assert.ok(html.includes('value="anna@"'));
    assert.ok(html.includes('name="topics" value="diabetes" checked>'));
    assert.ok(html.includes('Line one\nline two</textarea>'));
    assert.equal(hiddenFields(html).get('idempotency-key'), hidden.get('idempotency-key'), 'the same key');
    assert.match(
      html,
      /<div id="error-summary" class="message error" role="alert"[^>]*>\s*<p id="summary-title"><strong>Please check the form<\/strong>/,
    );
    const problems: [target: string, label: string, problem: string][] = [
      ['contact-email', texts.labels['contact.email'], texts.invalid.email],
      ['contact-name', texts.labels['contact.name'], texts.invalid.required],
      ['zone', texts.labels.zone, texts.invalid.zone],
      ['consent', texts.labels.consent, texts.invalid.consent],
      ['format-0', texts.labels.format, texts.invalid.choose],
    ];
    for (const [target, label, problem] of problems) {
      const id = target.replace(/-0$/, '');
      assert.ok(html.includes(`<p id="${id}-error" class="field-error">${escaped(problem)}</p>`), id);
      const line = texts.fieldProblem(label.replace(/\s*[.:?]$/, ''), problem);
      assert.ok(html.includes(`<a href="#${target}">${escaped(line)}</a>`), target);
    }
    assert.match(
      html,
      /<input id="contact-email" [^>]*aria-describedby="contact-email-error" aria-invalid="true">/,
    );
    assert.match(
      html,
      /<select id="zone" name="chosen-zone" aria-describedby="zone-error" aria-invalid="true">/,
    );
    assert.match(
      html,
      /<input id="consent" [^>]*aria-describedby="privacy consent-error" aria-invalid="true">/,
    );
    assert.ok(html.includes('<fieldset id="format" class="field" aria-describedby="format-error">'));
    assert.ok(!html.includes('organisation-name-error'), 'a field filled in has no problem');
    assert.equal((await stored()).length, before, 'nothing was sent');
  });

  test('a problem only the API finds (a topic it does not offer) is said at that field', async () => {
    const form = filledIn((await open('/embed/session-request?lang=de&zone=bxl-sud')).hidden);
    form.append('topics', 'astrology');
    const response = await post(form);
    assert.equal(response.status, 422);
    const html = await response.text();
    const problem = SESSION_REQUEST_TRANSLATIONS.de.invalid.topics;
    assert.ok(html.includes(`<p id="topics-error" class="field-error">${escaped(problem)}</p>`));
    assert.ok(html.includes('name="topics" value="diabetes" checked>'));
  });

  test('a form sent too fast is dropped as the API drops it: answered like a success, nothing stored', async () => {
    const before = (await stored()).length;
    const response = await post(filledIn((await open()).hidden, { shownNow: true }));
    assert.equal(response.status, 303);
    assert.match(referenceOf(response) ?? '', REFERENCE_PATTERN);
    assert.equal((await stored()).length, before);
  });

  test('a filled honeypot is dropped likewise; from a form open long enough, it is stored flagged (autofill)', async () => {
    const before = (await stored()).length;
    const bot = filledIn((await open()).hidden);
    bot.set('cz-hp', 'https://spam.example');
    bot.set('shown-at', `${Date.now() - 60_000}.forged`);
    const dropped = await post(bot);
    assert.equal(dropped.status, 303);
    assert.match(referenceOf(dropped) ?? '', REFERENCE_PATTERN);
    assert.equal((await stored()).length, before, 'a forged time is no fill time: dropped');

    const autofilled = filledIn((await open()).hidden);
    autofilled.set('cz-hp', 'https://www.ocmw.example');
    const response = await post(autofilled);
    const request = (await stored()).find((item) => item.reference === referenceOf(response));
    assert.equal(request?.possibleSpam, true);
  });

  test('a post from another site is refused by the API’s origin rule: 403, nothing stored', async () => {
    const before = (await stored()).length;
    const { hidden } = await open('/embed/session-request?lang=en&zone=bxl-sud');
    const response = await post(filledIn(hidden), 'https://evil.example');
    assert.equal(response.status, 403);
    const html = await response.text();
    assert.ok(html.includes(escaped(SESSION_REQUEST_TRANSLATIONS.en.errors.FORBIDDEN)));
    assert.ok(html.includes('value="Anna Peeters"'));
    assert.equal((await stored()).length, before);
  });

  test('too many requests: 429 with Retry-After and the wait in words, the form kept with its key', async () => {
    const limits = { perAddress: { capacity: 1, windowMs: 60_000 }, perZone: 'off' } as const;
    await withTestApp({ rateLimits: limits }, async (limited) => {
      const path = '/embed/session-request?lang=en&zone=bxl-sud';
      assert.equal((await postForm(limited, filledIn((await openForm(limited, path)).hidden))).status, 303);
      const { hidden } = await openForm(limited, path);
      const response = await postForm(limited, filledIn(hidden));
      assert.equal(response.status, 429);
      const retryAfter = Number(response.headers.get('retry-after'));
      assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      const html = await response.text();
      const when = new Intl.RelativeTimeFormat('en-BE', { numeric: 'auto' }).format(retryAfter, 'second');
      assert.ok(html.includes(escaped(SESSION_REQUEST_TRANSLATIONS.en.retryIn(when))), when);
      assert.match(html, /<div id="send-error" class="message error" role="alert"/);
      assert.ok(html.includes('value="anna.peeters@example.be"'));
      assert.equal(
        hiddenFields(html).get('idempotency-key'),
        hidden.get('idempotency-key'),
        'a retry is idempotent',
      );
    });
  });

  test('a body over the limit is refused with a 413 page', async () => {
    const form = filledIn((await open('/embed/session-request?lang=en')).hidden);
    form.set('message', 'x'.repeat(300 * 1024));
    // The body is not read, so neither is its language: the visitor's Accept-Language says it.
    const response = await opened.app.request('/embed/session-request', {
      method: 'POST',
      body: form,
      headers: { origin: OWN_ORIGIN, 'accept-language': 'en-GB,en;q=0.8' },
    });
    assert.equal(response.status, 413);
    assert.equal(response.headers.get('connection'), 'close');
    const html = await response.text();
    assert.ok(html.includes(escaped(SESSION_REQUEST_TRANSLATIONS.en.errors.PAYLOAD_TOO_LARGE)));
  });
});
