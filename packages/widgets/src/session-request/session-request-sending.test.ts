// The form's behaviour: its check, sending and retrying, the draft, the zone and the events.
// Accessibility, names, the keyboard and the languages are in session-request.test.ts.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SubmitErrorEvent } from '../events/submit-error.js';
import type { SubmitSuccessEvent } from '../events/submit-success.js';
import { ZoneChangeEvent } from '../events/zone-change.js';
import { CarezoneFinder } from '../finder/finder.js';
import { defineElement } from '../internal/define.js';
import { SESSION_REQUEST_TRANSLATIONS } from '../localization/session-request/translations.js';
import { TRANSLATIONS } from '../localization/translations.js';
import { type FixtureAnswer, fixtureClient, problem } from '../test-helpers/fixture-api.js';
import { brussel, elsene, match, zoneCentreOuest, zoneSud } from '../test-helpers/fixtures.js';
import {
  CREATED,
  FILLED,
  formApi,
  rateLimited,
  storeDraft,
} from '../test-helpers/session-request-fixtures.js';
import { setupForm } from '../test-helpers/session-request-setup.js';
import { draftKey } from './draft.js';

defineElement('carezone-finder', CarezoneFinder);

const en = SESSION_REQUEST_TRANSLATIONS.en;

/** Answers the POSTs in turn (the last one again for any further POST). */
const answers = (...list: FixtureAnswer[]) =>
  formApi({ create: (_sent, index) => list[Math.min(index, list.length - 1)] as FixtureAnswer });

describe('<carezone-session-request> sending', () => {
  afterEach(() => {
    sessionStorage.clear();
    Reflect.deleteProperty(navigator, 'onLine');
  });

  describe('checking', () => {
    it('shows each problem at its field and in the summary, in words of its own', async () => {
      const form = await setupForm();
      await form.fill({
        ...FILLED,
        'contact.email': 'an.peeters',
        'contact.phone': 'call me',
        participants: 'twelve',
        topics: ['other'],
        'organisation.name': 'x'.repeat(201),
      });
      await form.fill({ topics: [] });
      form.option('topics', 'diabetes').click();
      await form.submit();
      expect(form.errorOf('contact.email')).to.equal(en.invalid.email);
      expect(form.errorOf('contact.phone')).to.equal(en.invalid.phone);
      expect(form.errorOf('participants')).to.equal(en.invalid.participants);
      expect(form.errorOf('otherTopic')).to.equal(en.invalid.required);
      expect(form.errorOf('organisation.name')).to.equal(en.invalid.tooLong('200'));
      const email = form.field('contact.email');
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(form.root.getElementById(email.getAttribute('aria-describedby') ?? '')?.textContent).to.equal(
        en.invalid.email,
      );
      const links = [...(form.part('error-summary')?.querySelectorAll('a') ?? [])].map((a) => a.textContent);
      expect(links).to.deep.equal([
        `${en.labels['organisation.name']}: ${en.invalid.tooLong('200')}`,
        `${en.labels['contact.email']}: ${en.invalid.email}`,
        `${en.labels['contact.phone']}: ${en.invalid.phone}`,
        `${en.labels.otherTopic.replace('?', '')}: ${en.invalid.required}`,
        `${en.labels.participants}: ${en.invalid.participants}`,
      ]);
      // Never zod's English.
      expect(form.root.textContent).to.not.match(/Invalid|Too big|expected/);
      expect(form.api.sent).to.have.length(0);
    });

    it('asks for every required field of an empty form, the groups through their fieldset', async () => {
      const form = await setupForm({ attrs: { zone: undefined, 'zone-source': '#nowhere' } });
      await form.submit();
      const fields = [...(form.part('error-summary')?.querySelectorAll('a') ?? [])].map((a) =>
        a.getAttribute('href'),
      );
      expect(fields).to.deep.equal([
        '#organisation-name',
        '#organisation-kind',
        '#zone',
        '#contact-name',
        '#contact-email',
        '#topics',
        '#format',
        '#consent',
      ]);
      expect(form.errorOf('zone')).to.equal(en.invalid.zone);
      expect(form.errorOf('format')).to.equal(en.invalid.choose);
      expect(form.errorOf('topics')).to.equal(en.invalid.topics);
      expect(form.errorOf('consent')).to.equal(en.invalid.consent);
      const topics = form.root.getElementById('topics');
      expect(topics?.getAttribute('aria-describedby')).to.equal('topics-hint topics-error');
    });

    it('takes the visitor from a summary link to its field, and clears a problem once it is fixed', async () => {
      const form = await setupForm();
      await form.submit();
      const link = form.part('error-summary')?.querySelector<HTMLAnchorElement>('a[href="#contact-email"]');
      link?.click();
      expect(form.root.activeElement).to.equal(form.field('contact.email'));
      expect(location.hash).to.equal('');
      form.part('error-summary')?.querySelector<HTMLAnchorElement>('a[href="#format"]')?.click();
      expect(form.root.activeElement).to.equal(form.option('format', 'on-site'));
      await form.fill({ 'contact.email': 'an@example.be' });
      expect(form.errorOf('contact.email')).to.equal(undefined);
      expect(form.field('contact.email').hasAttribute('aria-invalid')).to.equal(false);
    });

    it('puts the server’s field errors (VALIDATION_FAILED) on the same fields', async () => {
      const form = await setupForm({
        api: answers(
          problem(400, 'VALIDATION_FAILED', {
            errors: [
              { path: 'contact.email', code: 'invalid_format', message: 'must be a valid email' },
              { path: 'topics.0', code: 'invalid_value', message: 'unknown topic' },
            ],
          }),
        ),
      });
      await form.fill(FILLED);
      const failed = oneEvent<SubmitErrorEvent>(form.el, 'carezone-submit-error');
      await form.submit();
      expect((await failed).detail).to.equal('VALIDATION_FAILED');
      await waitUntil(
        () => form.root.activeElement === form.part('error-summary'),
        'the summary took the focus',
      );
      expect(form.errorOf('contact.email')).to.equal(en.invalid.email);
      expect(form.errorOf('topics')).to.equal(en.invalid.topics);
      expect(form.root.textContent).to.not.contain('must be a valid email');
      expect(form.field('organisation.name').value).to.equal(FILLED['organisation.name']);
    });
  });

  describe('sending', () => {
    it('sends the contract’s body with its key, the fill time and the language, and shows the reference', async () => {
      const form = await setupForm({ attrs: { lang: 'fr' } });
      await form.fill(FILLED);
      const succeeded = oneEvent<SubmitSuccessEvent>(form.el, 'carezone-submit-success');
      await form.submit();
      const event: SubmitSuccessEvent = await succeeded;
      expect(event.detail).to.deep.equal(CREATED);
      expect(event.bubbles && event.composed).to.equal(true);
      const [sent] = form.api.sent;
      expect(sent?.key).to.match(/^[A-Za-z0-9_-]{16,100}$/);
      expect(sent?.body).to.deep.equal({
        organisation: { name: 'OCMW Voorbeeld', kind: 'municipal-social-service' },
        zone: 'bxl-sud',
        contact: { name: 'An Peeters', email: 'an.peeters@example.be', phone: '+32 2 000 00 00' },
        topics: ['diabetes'],
        format: 'on-site',
        preferredPeriod: 'maart',
        participants: 25,
        language: 'nl',
        locale: 'fr',
        consent: true,
        fillTimeMs: sent?.body.fillTimeMs,
      });
      expect(sent?.body.fillTimeMs).to.be.a('number').and.at.least(0);
      await waitUntil(
        () => form.root.activeElement === form.part('reference'),
        'the reference took the focus',
      );
      expect(form.text('reference')).to.equal(
        `${SESSION_REQUEST_TRANSLATIONS.fr.sent} ${SESSION_REQUEST_TRANSLATIONS.fr.reference(CREATED.reference)}`,
      );
      expect(form.part('form')).to.equal(null);
      // The focus ring (its width plus its offset around the reference) overlaps no other line.
      const reference = form.part('reference') as HTMLElement;
      const style = getComputedStyle(reference);
      const ring = Number.parseFloat(style.outlineWidth) + Number.parseFloat(style.outlineOffset);
      expect(ring, 'a visible ring').to.be.greaterThan(0);
      const next = reference.nextElementSibling?.getBoundingClientRect();
      expect(next, 'a line follows the reference').to.not.equal(undefined);
      expect(reference.getBoundingClientRect().bottom + ring).to.be.at.most(next?.top ?? 0);
    });

    it('sends once on a double click, and is busy meanwhile', async () => {
      const form = await setupForm({ api: answers({ status: 201, body: CREATED, delay: 200 }) });
      await form.fill(FILLED);
      const button = form.part('submit-button') as HTMLButtonElement;
      button.click();
      button.click();
      await form.el.updateComplete;
      expect(button.disabled).to.equal(true);
      button.dispatchEvent(new Event('click'));
      (form.part('form') as HTMLFormElement).requestSubmit();
      await waitUntil(() => form.part('reference'), 'sent');
      expect(form.api.sent).to.have.length(1);
    });

    it('keeps every field after a failure and retries with the same idempotency key', async () => {
      const form = await setupForm({
        api: answers(problem(500, 'INTERNAL'), { status: 201, body: CREATED }),
      });
      await form.fill(FILLED);
      const failed = oneEvent<SubmitErrorEvent>(form.el, 'carezone-submit-error');
      await form.submit();
      const event: SubmitErrorEvent = await failed;
      expect(event.detail).to.equal('INTERNAL');
      await waitUntil(() => form.part('error'), 'the failure');
      expect(form.text('error')).to.contain(TRANSLATIONS.en.errors.INTERNAL);
      await waitUntil(
        () => form.root.activeElement === form.part('retry-button'),
        'the retry took the focus',
      );
      expect(form.field('contact.email').value).to.equal(FILLED['contact.email']);
      expect(form.option('topics', 'diabetes').checked).to.equal(true);
      expect(form.field('consent').checked).to.equal(true);
      form.part('retry-button')?.click();
      await waitUntil(() => form.part('reference'), 'the retry succeeded');
      const [first, second] = form.api.sent;
      expect(second?.key).to.equal(first?.key);
      expect(second?.body.contact).to.deep.equal(first?.body.contact);
    });

    it('says the service cannot store the request now (STORAGE_UNAVAILABLE), keeps it, and sends it again with its key', async () => {
      const form = await setupForm({
        api: answers(problem(503, 'STORAGE_UNAVAILABLE'), { status: 201, body: CREATED }),
      });
      await form.fill(FILLED);
      await form.submit();
      await waitUntil(() => form.part('error'), 'the failure');
      expect(form.text('error')).to.contain(en.errors.STORAGE_UNAVAILABLE);
      expect(form.field('organisation.name').value).to.equal(FILLED['organisation.name']);
      expect(form.field('contact.email').value).to.equal(FILLED['contact.email']);
      form.part('retry-button')?.click();
      await waitUntil(() => form.part('reference'), 'the retry succeeded');
      const [first, second] = form.api.sent;
      expect(second?.key).to.equal(first?.key);
    });

    it('says when to try again after a rate limit', async () => {
      const form = await setupForm({ attrs: { lang: 'nl' }, api: answers(rateLimited(120)) });
      await form.fill(FILLED);
      const failed = oneEvent<SubmitErrorEvent>(form.el, 'carezone-submit-error');
      await form.submit();
      expect((await failed).detail).to.equal('RATE_LIMITED');
      await waitUntil(() => form.part('error'));
      expect(form.text('error')).to.contain(SESSION_REQUEST_TRANSLATIONS.nl.retryIn('over 2 minuten'));
      const seconds = await setupForm({ api: answers(rateLimited(30)) });
      await seconds.fill(FILLED);
      await seconds.submit();
      await waitUntil(() => seconds.part('error'));
      expect(seconds.text('error')).to.contain(en.retryIn('in 30 seconds'));
    });

    it('tells offline from an unreachable service, and fires NETWORK_ERROR', async () => {
      const form = await setupForm({ api: answers({ network: 'offline' }, { status: 201, body: CREATED }) });
      await form.fill(FILLED);
      const failed = oneEvent<SubmitErrorEvent>(form.el, 'carezone-submit-error');
      await form.submit();
      expect((await failed).detail).to.equal('NETWORK_ERROR');
      await waitUntil(() => form.part('error'));
      expect(form.text('error')).to.contain(TRANSLATIONS.en.networkError);
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      form.part('retry-button')?.click();
      await waitUntil(() => form.part('reference'), 'the retry succeeded');
      const offline = await setupForm({ api: answers({ network: 'offline' }) });
      await offline.fill(FILLED);
      await offline.submit();
      await waitUntil(() => offline.part('error'));
      expect(offline.text('error')).to.contain(TRANSLATIONS.en.offline);
      const [first, second] = form.api.sent;
      expect(second?.key).to.equal(first?.key);
    });

    it('after a 409 CONFLICT, sends other content with a new key', async () => {
      const form = await setupForm({
        api: answers({ network: 'offline' }, problem(409, 'CONFLICT'), { status: 201, body: CREATED }),
      });
      await form.fill(FILLED);
      await form.submit();
      await waitUntil(() => form.part('error'), 'the network failure');
      // The first send did arrive, but its answer was lost; the visitor changes a detail and retries.
      await form.fill({ 'contact.name': 'An Peeters-Janssens' });
      await form.submit();
      await waitUntil(() => form.text('error').includes(en.errors.CONFLICT), 'the conflict');
      form.part('retry-button')?.click();
      await waitUntil(() => form.part('reference'), 'sent as a new request');
      const [first, second, third] = form.api.sent.map((one) => one.key);
      expect(second).to.equal(first);
      expect(third).to.not.equal(first);
    });
  });

  describe('draft', () => {
    it('survives re-creating the element, with its key, and is cleared once sent', async () => {
      const form = await setupForm({ attrs: { id: 'request' }, api: answers(problem(503, 'NOT_READY')) });
      await form.fill({
        'organisation.name': 'OCMW Voorbeeld',
        topics: ['diabetes'],
        format: 'online',
        consent: true,
      });
      await form.fill({ 'contact.email': 'an@example.be' });
      await form.fill(FILLED);
      await form.submit();
      await waitUntil(() => form.part('error'));
      form.el.remove();

      const again = await setupForm({ attrs: { id: 'request' } });
      expect(again.field('organisation.name').value).to.equal('OCMW Voorbeeld');
      expect(again.field('contact.email').value).to.equal(FILLED['contact.email']);
      expect(again.option('topics', 'diabetes').checked).to.equal(true);
      expect(again.option('format', 'on-site').checked).to.equal(true);
      expect(again.field('consent').checked).to.equal(true);
      await again.submit();
      await waitUntil(() => again.part('reference'));
      expect(again.api.sent[0]?.key).to.equal(form.api.sent[0]?.key);
      expect(sessionStorage.getItem(draftKey({ id: 'request' }))).to.equal(null);
    });

    it('keeps nothing in localStorage and sets no cookie', async () => {
      const before = localStorage.length;
      const form = await setupForm();
      await form.fill(FILLED);
      await form.submit();
      await waitUntil(() => form.part('reference'));
      expect(localStorage.length).to.equal(before);
      expect(document.cookie).to.equal('');
    });

    it('restores a draft’s zone chosen in a finder', async () => {
      storeDraft('with-zone', { 'organisation.name': 'CPAS' }, { id: 'bxl-nord', name: { nl: 'Noord' } });
      const form = await setupForm({ attrs: { id: 'with-zone', zone: undefined } });
      expect(form.field('organisation.name').value).to.equal('CPAS');
      expect(form.text('zone-name')).to.equal(en.zoneChosen('Noord'));
      // Kept with no English name: its Dutch one, marked as Dutch inside the English sentence.
      const name = form.part('zone-name')?.querySelector('[lang]');
      expect([name?.textContent, name?.getAttribute('lang')]).to.deep.equal(['Noord', 'nl']);
    });
  });

  describe('zone', () => {
    it('names the zone of the zone attribute, without a finder', async () => {
      const form = await setupForm({ attrs: { lang: 'fr' } });
      await waitUntil(() => form.text('zone-name').includes('Sud'));
      expect(form.root.querySelector('carezone-finder')).to.equal(null);
      expect(form.part('zone-name')?.querySelector('[lang]'), 'the name in the form’s language').to.equal(
        null,
      );
      const german = await setupForm({ attrs: { lang: 'de' } });
      await waitUntil(() => german.text('zone-name').includes('Sud'));
      // No German name: the French one, marked as French inside the German sentence.
      const name = german.part('zone-name')?.querySelector('[lang]');
      expect([name?.textContent, name?.getAttribute('lang')]).to.deep.equal(['Sud', 'fr']);
    });

    it('lets the visitor choose the zone in an embedded finder', async () => {
      const form = await setupForm({ attrs: { zone: undefined, layer: 'bxl-care-zones' } });
      const finder = form.part('finder') as CarezoneFinder;
      expect(finder.localName).to.equal('carezone-finder');
      expect(finder.layer).to.equal('bxl-care-zones');
      expect(finder.getAttribute('lang')).to.equal('en');
      await finder.updateComplete;
      const input = finder.shadowRoot?.querySelector('input') as HTMLInputElement;
      input.focus();
      await sendKeys({ type: 'Elsene' });
      await waitUntil(() => finder.shadowRoot?.querySelector('[role=option]'), 'suggestions', {
        timeout: 3000,
      });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => form.text('zone-name') === en.zoneChosen('South'), 'the zone chosen', {
        timeout: 3000,
      });
      await form.fill(FILLED);
      await form.submit();
      await waitUntil(() => form.part('reference'));
      expect(form.api.sent[0]?.body.zone).to.equal('bxl-sud');
    });

    it('follows the finder of zone-source, and no other', async () => {
      const client = fixtureClient(formApi().handler);
      const page = await fixture(html`<div>
        <carezone-finder id="page-finder" lang="en" .client=${client}></carezone-finder>
        <carezone-finder id="other-finder" lang="en" .client=${client}></carezone-finder>
      </div>`);
      const form = await setupForm({ attrs: { zone: undefined, 'zone-source': '#page-finder' } });
      expect(form.root.querySelector('carezone-finder')).to.equal(null);
      expect(form.text('zone-name')).to.equal(en.zoneElsewhere);
      const pageFinder = page.querySelector('#page-finder') as CarezoneFinder;
      const other = page.querySelector('#other-finder') as CarezoneFinder;
      other.dispatchEvent(
        new ZoneChangeEvent(match(zoneCentreOuest, { municipality: brussel, postcode: '1000' })),
      );
      await form.el.updateComplete;
      expect(form.text('zone-name')).to.equal(en.zoneElsewhere);
      pageFinder.dispatchEvent(
        new ZoneChangeEvent(match(zoneSud, { municipality: brussel, postcode: '1050' })),
      );
      await form.el.updateComplete;
      expect(form.text('zone-name')).to.equal(en.zoneChosen('South'));
      // Without a zone, the summary's link leads to the followed finder's input.
      const empty = await setupForm({
        attrs: { id: 'second', zone: undefined, 'zone-source': '#other-finder' },
      });
      await empty.submit();
      empty.part('error-summary')?.querySelector<HTMLAnchorElement>('a[href="#zone"]')?.click();
      expect(other.shadowRoot?.activeElement).to.equal(other.shadowRoot?.querySelector('input'));
    });

    it('forgets the zone when its finder has none any more, and then sends to no zone', async () => {
      const page = await fixture(
        html`<div><carezone-finder id="page-finder" lang="en"></carezone-finder></div>`,
      );
      const form = await setupForm({ attrs: { zone: undefined, 'zone-source': '#page-finder' } });
      const pageFinder = page.querySelector('#page-finder') as CarezoneFinder;
      pageFinder.dispatchEvent(new ZoneChangeEvent(match(zoneSud, { municipality: elsene, postcode: null })));
      await form.el.updateComplete;
      expect(form.text('zone-name')).to.equal(en.zoneChosen('South'));
      await form.fill(FILLED);
      pageFinder.dispatchEvent(new ZoneChangeEvent(null));
      await form.el.updateComplete;
      expect(form.text('zone-name')).to.equal(en.zoneElsewhere);
      await form.submit();
      expect(form.errorOf('zone')).to.equal(en.invalid.zone);
      expect(form.api.sent).to.deep.equal([], 'nothing sent to the zone shown before');
    });
  });
});
