// The session request form as a newcomer fills it in: what they enter, and how.
import type { Locator } from 'playwright-core';
import type { Language } from './harness.js';

/** The server takes a form sent faster than this for a bot (contract: MIN_FILL_TIME_MS). */
export const HUMAN_FILL_MS = 3_500;

export interface Entered {
  organisation: string;
  contactName: string;
  email: string;
  phone: string;
  otherTopic: string;
  period: string;
  participants: number;
  message: string;
}

export function enteredFor(lang: Language): Entered {
  return {
    organisation: `Wijkgezondheidscentrum Élan ${lang}`,
    contactName: `Zoë Müller-Dubois ${lang}`,
    email: `zoe.${lang}@example.org`,
    phone: '+32 2 555 01 23',
    otherTopic: 'Mondzorg bij ouderen',
    period: 'maart of april, dinsdagnamiddag',
    participants: 14,
    message: `Ons team van verpleegkundigen — «merci» — Größe ${lang}.`,
  };
}

export async function fill(form: Locator, entered: Entered, lang: Language) {
  const field = (name: string) => form.locator(`[name="${name}"]`);
  await field('organisation.name').fill(entered.organisation);
  await form.locator('input[name="organisation.kind"][value="health-service"]').check();
  await field('contact.name').fill(entered.contactName);
  await field('contact.email').fill(entered.email);
  await field('contact.phone').fill(entered.phone);
  await form.locator('input[name="topics"][value="diabetes"]').check();
  await form.locator('input[name="topics"][value="other"]').check();
  await field('otherTopic').fill(entered.otherTopic);
  await form.locator('input[name="format"][value="on-site"]').check();
  await field('preferredPeriod').fill(entered.period);
  await field('participants').fill(String(entered.participants));
  await form.locator(`input[name="language"][value="${lang === 'fr' ? 'fr' : 'bilingual'}"]`).check();
  await field('message').fill(entered.message);
  await form.locator('#consent').check();
}
