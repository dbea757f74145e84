import type { SessionRequestInput } from '@carezone/contract';

/** A complete, valid form as a person fills it in (zone of the reference and built-in packs). */
export function sampleInput(overrides: Partial<SessionRequestInput> = {}): SessionRequestInput {
  return {
    organisation: { name: 'OCMW Sint-Gillis', kind: 'municipal-social-service' },
    zone: 'bxl-sud',
    contact: { name: 'Anna Peeters', email: 'anna.peeters@example.be', phone: '+32 2 123 45 67' },
    topics: ['diabetes', 'mental-health'],
    format: 'on-site',
    preferredPeriod: 'March, weekday mornings',
    participants: 25,
    language: 'bilingual',
    locale: 'nl',
    message: 'We would like a session for our social workers.',
    consent: true,
    website: '',
    fillTimeMs: 45_000,
    ...overrides,
  };
}

/** The words of `sampleInput` that are personal data: none may appear in a log. */
export const SAMPLE_PERSONAL_DATA = [
  'Anna Peeters',
  'anna.peeters@example.be',
  '+32 2 123 45 67',
  'social workers',
] as const;
