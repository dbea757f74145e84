import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGUAGES } from '@carezone/contract';
import { DEFAULT_TOPICS } from '../session-requests/topics.js';
import { composeConfirmationMail, composeZoneTeamMail, type RequestForMail } from './compose-mail.js';
import { confirmationLanguage, zoneTeamLanguage } from './mail-language.js';
import { sampleRequest } from './test-helpers/seed-request.js';
import { MAIL_TEXTS, SUMMARY_FIELDS } from './texts/index.js';

const names = { zoneName: { nl: 'Zuid', fr: 'Sud', en: 'South' }, topics: DEFAULT_TOPICS };

function mailFor(overrides: Parameters<typeof sampleRequest>[0] = {}): RequestForMail {
  return {
    reference: 'CZ-7KQM-4TXA',
    zoneId: 'bxl-sud',
    createdAt: '2026-03-02T09:30:00.000Z',
    request: sampleRequest(overrides),
  };
}

describe('composing the e-mails', () => {
  for (const language of LANGUAGES) {
    test(`${language}: both e-mails show every field, in ${language}`, () => {
      const texts = MAIL_TEXTS[language];
      for (const composed of [
        composeZoneTeamMail(mailFor(), names, language),
        composeConfirmationMail(mailFor(), names, language),
      ]) {
        assert.equal(composed.language, language);
        for (const field of SUMMARY_FIELDS) {
          assert.ok(composed.text.includes(texts.fields[field]), `${field} is labelled`);
        }
        assert.ok(composed.text.includes(texts.organisationKinds['municipal-social-service']));
        assert.ok(composed.text.includes(texts.sessionLanguages.bilingual));
        assert.ok(composed.text.includes('CZ-7KQM-4TXA'));
        assert.ok(!composed.text.includes('undefined'));
        assert.ok(composed.html.startsWith('<!DOCTYPE html>'));
        assert.ok(composed.html.includes(`<html lang="${language}">`));
      }
    });
  }

  test('French e-mails write the typographic apostrophe, as the widgets do', () => {
    for (const composed of [
      composeZoneTeamMail(mailFor({ locale: 'fr' }), names, 'fr'),
      composeConfirmationMail(mailFor({ locale: 'fr' }), names, 'fr'),
    ]) {
      // The sample request's own words have no apostrophe: every one here is the mail's or a topic's.
      assert.deepEqual(`${composed.subject}\n${composed.text}`.match(/\p{L}'\p{L}/gu) ?? [], []);
      assert.match(composed.text, /séance d’information/);
    }
  });

  test('the time of the request is shown in Brussels time', () => {
    const { text } = composeZoneTeamMail(mailFor(), names, 'en');
    assert.match(text, /Received on: 2 March 2026 at 10:30/);
  });

  test('what the visitor typed never becomes markup or a new header line', () => {
    const hostile = mailFor({
      organisation: { name: 'Evil <script>alert(1)</script>\r\nBcc: x@example.org', kind: 'other' },
      message: '<img src=x onerror=alert(1)>',
    });
    const composed = composeZoneTeamMail(hostile, names, 'nl');
    assert.ok(!composed.html.includes('<script>'));
    assert.ok(!composed.html.includes('<img'));
    assert.ok(composed.html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!/[\r\n]/.test(composed.subject), 'the subject is one line');
  });

  test('an empty optional field reads "not given"; an unknown topic id and zone are shown as ids', () => {
    const sparse = mailFor({
      contact: { name: 'Jan Peeters', email: 'jan@example.org' },
      topics: ['retired-topic'],
      otherTopic: '',
      preferredPeriod: undefined,
      participants: undefined,
      message: undefined,
    });
    const { text } = composeZoneTeamMail(sparse, { zoneName: undefined, topics: DEFAULT_TOPICS }, 'nl');
    assert.ok(text.includes('Telefoon: (niet opgegeven)'));
    assert.ok(text.includes('Ander thema: (niet opgegeven)'));
    assert.ok(text.includes("Thema's: retired-topic"));
    assert.ok(text.includes('Zorgzone: bxl-sud'));
  });

  test('the confirmation language: the form locale, else the session language, else Dutch', () => {
    assert.equal(confirmationLanguage(sampleRequest({ locale: 'de', language: 'fr' })), 'de');
    assert.equal(confirmationLanguage(sampleRequest({ locale: undefined, language: 'en' })), 'en');
    assert.equal(confirmationLanguage(sampleRequest({ locale: undefined, language: 'bilingual' })), 'nl');
  });

  test("the team's language: the session language, else the form locale, else Dutch", () => {
    assert.equal(zoneTeamLanguage(sampleRequest({ locale: 'de', language: 'fr' })), 'fr');
    assert.equal(zoneTeamLanguage(sampleRequest({ locale: 'en', language: 'bilingual' })), 'en');
    assert.equal(zoneTeamLanguage(sampleRequest({ locale: undefined, language: 'bilingual' })), 'nl');
  });
});
