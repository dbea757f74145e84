import type { OrganisationKind, SessionRequestInput } from '@carezone/sdk';
import type { FieldName } from '../../session-request/form-values.js';
import type { SendErrorCode } from '../translation.js';

/**
 * The texts of `<carezone-session-request>`: a catalogue of its own, so that a page with only a
 * finder never downloads them. Texts every widget shares (loading, retry, network and API errors)
 * stay in the widgets' catalogue (`../translation.ts`). Texts with a value in them are functions.
 */
/**
 * The label of each field a person fills in (every field but the honeypot), under its name in the
 * form's values; the error summary names a problem by its field's label too.
 */
export type FieldLabels = Record<Exclude<FieldName, 'website'>, string>;

export interface SessionRequestTranslation {
  /** Names the form (a landmark for screen readers). */
  title: string;
  /** After the label of every required field: required is said in text, not only in colour. */
  required: string;
  /** The label of each field, under its name in the contract (and in the form's values). */
  labels: FieldLabels;
  kinds: Record<OrganisationKind, string>;
  /** Under the embedded finder once it found a zone for sure. */
  zoneChosen: (zone: string) => string;
  /** `zone-source`: the zone comes from a finder elsewhere on the page, not chosen yet. */
  zoneElsewhere: string;
  topicsHint: string;
  /** The "other" topic, which reveals `otherTopic`. */
  other: string;
  formats: Record<SessionRequestInput['format'], string>;
  periodHint: string;
  languages: Record<SessionRequestInput['language'], string>;
  /** What is stored, why, who sees it and for how long: said before the consent is asked. */
  privacy: string;
  submit: string;
  /** Announced while the request is on its way. */
  sending: string;
  /** Title of the error summary. */
  problem: string;
  /** One line of the error summary: the field's label, then what is wrong (French: "Nom : …"). */
  fieldProblem: (label: string, problem: string) => string;
  /** One message per kind of problem, in the visitor's words; never the schema's English. */
  invalid: {
    required: string;
    choose: string;
    topics: string;
    consent: string;
    zone: string;
    email: string;
    phone: string;
    participants: string;
    tooLong: (max: string) => string;
    other: string;
  };
  /** 429 with `Retry-After`: `when` is relative, as `Intl.RelativeTimeFormat` writes it ("in 2 minutes"). */
  retryIn: (when: string) => string;
  /**
   * The codes only a send can answer (the texts of the read ones are shared). CONFLICT: the form's
   * key was already used for other content (an earlier send that did arrive).
   */
  errors: Record<SendErrorCode, string>;
  sent: string;
  reference: (reference: string) => string;
  followUp: string;
}
