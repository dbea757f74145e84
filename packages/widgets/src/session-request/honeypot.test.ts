import { expect, waitUntil } from '@open-wc/testing';
import { FILLED } from '../test-helpers/session-request-fixtures.js';
import { setupForm } from '../test-helpers/session-request-setup.js';

/** Words autofill heuristics (browsers, password managers) match in a field's name, id or label. */
const AUTOFILL_WORDS = /web|site|url|home|name|nom|mail|company|organi|firm|phone|tel|address|user|login/i;

/** A plausible value per field, as a browser's or password manager's autofill would put there. */
const AUTOFILL: Record<string, string> = {
  'organisation.name': 'OCMW Voorbeeld',
  'contact.name': 'An Peeters',
  'contact.email': 'an.peeters@example.be',
  'contact.phone': '+32 2 000 00 00',
  participants: '12',
};

describe('the honeypot of <carezone-session-request>', () => {
  afterEach(() => sessionStorage.clear());

  it('is a field autofill leaves alone: no autofill name, id or label, an autocomplete no autofill fills', async () => {
    const { root } = await setupForm();
    const honeypot = root.querySelector<HTMLInputElement>('[aria-hidden="true"] input');
    expect(honeypot).to.exist;
    const label = root.querySelector(`label[for="${honeypot?.id}"]`)?.textContent ?? '';
    for (const text of [honeypot?.name, honeypot?.id, label]) {
      expect(text).to.be.a('string').and.not.empty;
      expect(text).to.not.match(AUTOFILL_WORDS);
    }
    // "off" is ignored by Chrome's autofill; an unknown token makes the field one Chrome never fills,
    // outside every autofill section (a "section-…" token would put it in one).
    const autocomplete = honeypot?.getAttribute('autocomplete') ?? '';
    expect(autocomplete).to.equal('cz-hp');
    expect(autocomplete).to.not.match(/^(on|off)$|section-|web|url|name|mail|tel|organization/);
    const tokens = [...root.querySelectorAll('[autocomplete]')].map((el) => el.getAttribute('autocomplete'));
    expect(tokens.filter((token) => token === autocomplete)).to.have.length(1);
  });

  it('reaches the request as `website` when something fills it, every visible text field too', async () => {
    const form = await setupForm();
    const { topics, format, language } = FILLED;
    await form.fill({
      'organisation.kind': FILLED['organisation.kind'],
      topics,
      format,
      language,
      consent: true,
    });
    // An autofill-like fill: every text field of the form, the hidden one included.
    const inputs = form.root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
      'input:not([type=radio]):not([type=checkbox]), textarea',
    );
    for (const input of inputs) {
      input.value =
        input.name === 'cz-hp' ? 'https://www.voorbeeld.be' : (AUTOFILL[input.name] ?? 'An Peeters');
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    await form.el.updateComplete;
    expect(form.field('cz-hp').value).to.equal('https://www.voorbeeld.be');
    await form.submit();
    await waitUntil(() => form.api.sent.length === 1, 'the form was sent');
    const body = form.api.sent[0]?.body;
    expect(body?.website).to.equal('https://www.voorbeeld.be');
    expect(body?.contact.email).to.equal('an.peeters@example.be');
    expect(body?.consent).to.equal(true);
    expect(body).to.not.have.property('cz-hp');
  });

  it('stays out of the request when nothing fills it', async () => {
    const form = await setupForm();
    await form.fill(FILLED);
    await form.submit();
    await waitUntil(() => form.api.sent.length === 1, 'the form was sent');
    expect(form.api.sent[0]?.body).to.not.have.property('website');
  });
});
