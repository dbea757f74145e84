// The session request form as a page without JavaScript: what it renders, in each language, with
// the widget's fields and words; and its confirmation page. What a posted form does is in
// session-request-post.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SESSION_REQUEST_TRANSLATIONS } from '@carezone/widgets/texts';
import { DEFAULT_TOPICS } from '../../session-requests/topics.js';
import { testAppAround } from '../../test-helpers/app.js';
import { EMBED_TEXTS } from '../embed-localize.js';
import { escaped, openForm } from './test-helpers/session-request-form.js';

const app = testAppAround();

describe('GET /embed/session-request', () => {
  test('renders the widget’s fields in each language with its catalogue’s words, never cached', async () => {
    for (const lang of ['nl', 'fr', 'en', 'de'] as const) {
      const response = await app.request(`/embed/session-request?lang=${lang}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const html = await response.text();
      const texts = SESSION_REQUEST_TRANSLATIONS[lang];
      const required = ` <span class="required">${escaped(texts.required)}</span>`;
      const has = (fragment: string) => assert.ok(html.includes(fragment), `${lang}: ${fragment}`);
      has(`<html lang="${lang}">`);
      has(`<title>${escaped(texts.title)}</title>`);
      has(
        `<form method="post" action="/embed/session-request" novalidate aria-label="${escaped(texts.title)}"`,
      );
      const { labels } = texts;
      has(`<label for="organisation-name">${escaped(labels['organisation.name'])}${required}</label>`);
      has(`<legend>${escaped(labels['organisation.kind'])}${required}</legend>`);
      has(`<label for="zone">${escaped(labels.zone)}${required}</label>`);
      has(`<label for="contact-name">${escaped(labels['contact.name'])}${required}</label>`);
      has(`<label for="contact-email">${escaped(labels['contact.email'])}${required}</label>`);
      has(`<label for="contact-phone">${escaped(labels['contact.phone'])}</label>`);
      has(`<legend>${escaped(labels.topics)}${required}</legend>`);
      has(`<label for="otherTopic">${escaped(labels.otherTopic)}${required}</label>`);
      has(`<legend>${escaped(labels.format)}${required}</legend>`);
      has(`<label for="preferredPeriod">${escaped(labels.preferredPeriod)}</label>`);
      has(`<label for="participants">${escaped(labels.participants)}</label>`);
      has(`<legend>${escaped(labels.language)}${required}</legend>`);
      has(`<label for="message">${escaped(labels.message)}</label>`);
      has(`<span>${escaped(labels.consent)}${required}</span>`);
      for (const text of [
        ...Object.values(texts.kinds),
        ...Object.values(texts.formats),
        ...Object.values(texts.languages),
        ...DEFAULT_TOPICS.map((topic) => topic.label[lang]),
        texts.other,
        texts.topicsHint,
        texts.periodHint,
        texts.privacy,
        texts.submit,
      ])
        has(escaped(text));
      // The session in the page's language unless the visitor chooses otherwise, as the widget starts.
      assert.match(html, new RegExp(`name="language" value="${lang}" checked>`));
    }
  });

  test('each control as the widget has it: autocomplete, hints and the privacy statement tied to their fields', async () => {
    const { html } = await openForm(app, '/embed/session-request?lang=en');
    const controls = [
      '<input id="organisation-name" name="organisation.name" type="text" value="" autocomplete="organization">',
      '<input id="contact-name" name="contact.name" type="text" value="" autocomplete="name">',
      '<input id="contact-email" name="contact.email" type="email" value="" autocomplete="email">',
      '<input id="contact-phone" name="contact.phone" type="tel" value="" autocomplete="tel">',
      '<input id="participants" name="participants" type="text" value="" inputmode="numeric">',
      '<fieldset id="topics" class="field" aria-describedby="topics-hint">',
      '<input id="preferredPeriod" name="preferredPeriod" type="text" value="" aria-describedby="preferredPeriod-hint">',
      '<input id="consent" type="checkbox" name="consent" value="true" aria-describedby="privacy">',
    ];
    for (const control of controls) assert.ok(html.includes(control), control);
    // The honeypot, hidden as the widget hides it: off-screen, out of the tab order and of the tree.
    assert.match(
      html,
      /<div class="visually-hidden" aria-hidden="true">\s*<label for="cz-hp">cz-hp<\/label>\s*<input id="cz-hp" name="cz-hp" tabindex="-1" autocomplete="cz-hp" value="">/,
    );
  });

  test('without a zone, the zones to choose by name, grouped by layer; a layer narrows them', async () => {
    const { html } = await openForm(app, '/embed/session-request?lang=fr');
    assert.match(html, /<select id="zone" name="chosen-zone">/);
    const brussels = /<optgroup label="([^"]+)">((?:<option[^>]*>[^<]*<\/option>)+)<\/optgroup>/.exec(html);
    assert.ok(brussels?.[1]?.includes('bruxellois'), brussels?.[1]);
    const names = [...(brussels?.[2] ?? '').matchAll(/>([^<]+)<\/option>/g)].map(([, name]) => name);
    assert.deepEqual(names, ['Centre-Ouest', 'Nord', 'Nord-Est', 'Sud', 'Sud-Est']);
    // A Flemish zone has no French name: its option says which language its name is in.
    assert.ok(html.includes('<option value="elz-gent" lang="nl">Gent</option>'));
    const narrowed = await openForm(app, '/embed/session-request?lang=fr&layer=bxl-care-zones');
    assert.ok(!narrowed.html.includes('<optgroup'), 'one layer: no groups');
    assert.equal((narrowed.html.match(/<option value="bxl-/g) ?? []).length, 5);
    assert.equal((narrowed.html.match(/<option value="elz-/g) ?? []).length, 0);
    assert.deepEqual(narrowed.hidden.getAll('layer'), ['bxl-care-zones']);
  });

  test('a zone given by the page is said, not asked, and kept with the page’s settings and a new key', async () => {
    const path = '/embed/session-request?lang=fr&zone=bxl-sud&theme-accent=%231d6b34';
    const { html, hidden } = await openForm(app, path);
    assert.ok(html.includes(escaped(SESSION_REQUEST_TRANSLATIONS.fr.zoneChosen('Sud'))));
    assert.ok(!html.includes('<select'));
    assert.equal(hidden.get('zone'), 'bxl-sud');
    assert.equal(hidden.get('lang'), 'fr');
    assert.equal(hidden.get('theme-accent'), '#1d6b34');
    assert.match(hidden.get('idempotency-key') ?? '', /^[A-Za-z0-9_-]{16,100}$/);
    assert.match(hidden.get('shown-at') ?? '', /^\d+\.[\w-]+$/);
    const again = await openForm(app, path);
    assert.notEqual(again.hidden.get('idempotency-key'), hidden.get('idempotency-key'));
    // A zone that does not exist leaves the visitor to choose one, and is not carried on.
    const unknown = await openForm(app, '/embed/session-request?lang=fr&zone=atlantis');
    assert.ok(unknown.html.includes('<select id="zone"'));
    assert.equal(unknown.hidden.get('zone'), null);
  });
});

describe('GET /embed/session-request/sent', () => {
  test('says the reference and what follows in the widget’s words, never cached', async () => {
    const response = await app.request('/embed/session-request/sent?lang=de&reference=CZ-7KQM-4TXA');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const html = await response.text();
    const texts = SESSION_REQUEST_TRANSLATIONS.de;
    assert.ok(html.includes(`<title>${escaped(EMBED_TEXTS.de.sent)}</title>`));
    for (const text of [texts.sent, texts.followUp, ...texts.reference('CZ-7KQM-4TXA').split('CZ-7KQM-4TXA')])
      assert.ok(html.includes(escaped(text)), text);
    assert.ok(html.includes('<span class="code">CZ-7KQM-4TXA</span>'));
  });

  test('a reference not of the API’s format is a 400 page that does not repeat it', async () => {
    for (const reference of ['<script>alert(1)</script>', 'CZ-AAAA-AAA1', '']) {
      const response = await app.request(
        `/embed/session-request/sent?lang=en&reference=${encodeURIComponent(reference)}`,
      );
      assert.equal(response.status, 400, reference);
      const html = await response.text();
      assert.ok(!html.includes('alert(1)') && !html.includes('AAA1'), 'nothing of it reflected');
      assert.ok(!html.includes(escaped(SESSION_REQUEST_TRANSLATIONS.en.sent)));
    }
  });
});
