import type { SessionRequest, SessionRequestStatus } from '@carezone/contract';

type StoredRequest = SessionRequest['request'];

/** The rows of a request summary, in the order both e-mails show them. */
export const SUMMARY_FIELDS = [
  'reference',
  'zone',
  'receivedAt',
  'organisation',
  'organisationKind',
  'contactPerson',
  'email',
  'phone',
  'topics',
  'otherTopic',
  'format',
  'period',
  'participants',
  'sessionLanguage',
  'message',
] as const;
export type SummaryField = (typeof SUMMARY_FIELDS)[number];

/**
 * Every text of the two notification e-mails in one language. One file per language implements it,
 * so the compiler refuses a language with a missing text; `mail-texts.test.ts` also checks none is
 * empty.
 */
export interface MailTexts {
  /** BCP 47 tag for `Intl` (dates). */
  locale: string;
  /** Between a label and its value (French puts a space before the colon). */
  colon: string;
  /** Shown for an optional field the requester left empty. */
  notGiven: string;
  fields: Record<SummaryField, string>;
  organisationKinds: Record<StoredRequest['organisation']['kind'], string>;
  formats: Record<StoredRequest['format'], string>;
  sessionLanguages: Record<StoredRequest['language'], string>;
  /** The e-mail to the zone team. */
  zoneTeam: {
    subject(reference: string, organisation: string): string;
    intro(zoneName: string): string;
    replyHint: string;
    /** Without a public URL (`CAREZONE_PUBLIC_URL`): no link, so "follow it up in Carezone". */
    footer: string;
    /** The link to the request in the staff inbox, when the public URL is known. */
    inboxLink(url: string): string;
    /** The footer that goes with the link. */
    footerLinked: string;
  };
  /** The confirmation to the person who filled in the form. */
  requester: {
    subject(reference: string): string;
    greeting(name: string): string;
    intro(zoneName: string): string;
    referenceLine(reference: string): string;
    summaryHeading: string;
    nextStepsHeading: string;
    nextSteps(zoneName: string): string;
    privacy: string;
    closing: string;
    signature(zoneName: string): string;
    automatic: string;
  };
  /**
   * The requester's news of a status change the team made (planned, declined, or another one the
   * team chose to tell), with the team's note when the team sends it. Greeting, closing and
   * signature are the confirmation's.
   */
  requesterUpdate: {
    subject(reference: string): string;
    status: Record<SessionRequestStatus, (zoneName: string) => string>;
    noteHeading: string;
    questions(reference: string): string;
    automatic: string;
  };
}
