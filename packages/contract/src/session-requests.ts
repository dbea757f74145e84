import * as z from 'zod/mini';
import { IsoDateTime, Language, Slug } from './common.js';
import { LIMITS, pageOf, QueryLimit } from './queries.js';

const Text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

export const OrganisationKind = z.enum([
  'welfare-service',
  'health-service',
  'municipal-social-service',
  'school',
  'other',
]);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const SessionFormat = z.enum(['on-site', 'online']);
export const SessionLanguage = z.enum(['nl', 'fr', 'bilingual', 'en', 'de']);
export const SessionRequestStatus = z.enum(['received', 'planned', 'done', 'declined']);
export type SessionRequestStatus = z.infer<typeof SessionRequestStatus>;

/** What the form sends. `website` is a honeypot that people leave empty. */
export const SessionRequestInput = z.object({
  organisation: z.object({ name: Text(1, 200), kind: OrganisationKind }),
  zone: Slug,
  contact: z.object({
    name: Text(1, 200),
    email: z.email().check(z.maxLength(254)),
    phone: z.optional(
      z.string().check(z.trim(), z.maxLength(40), z.regex(/^[+()\d\s./-]*$/, 'must be a phone number')),
    ),
  }),
  topics: z.array(Slug).check(z.minLength(1), z.maxLength(20)),
  otherTopic: z.optional(Text(0, 200)),
  format: SessionFormat,
  preferredPeriod: z.optional(Text(0, 200)),
  participants: z.optional(z.int().check(z.minimum(1), z.maximum(10_000))),
  language: SessionLanguage,
  /** The language the requester filled the form in: the confirmation e-mail is written in it. */
  locale: z.optional(Language),
  message: z.optional(Text(0, 5000)),
  consent: z.literal(true),
  website: z.optional(z.string().check(z.maxLength(200))),
  /** Milliseconds the form was open before sending; too fast is a bot. */
  fillTimeMs: z.optional(z.int().check(z.minimum(0))),
});
export type SessionRequestInput = z.infer<typeof SessionRequestInput>;

export const SessionRequestCreated = z.object({
  id: z.string(),
  reference: z.string(),
  status: SessionRequestStatus,
  createdAt: IsoDateTime,
});
export type SessionRequestCreated = z.infer<typeof SessionRequestCreated>;

export const SessionRequestHistoryEntry = z.object({
  status: SessionRequestStatus,
  note: z.nullable(z.string()),
  at: IsoDateTime,
  /** The label of the staff token that made the change; `null` for the requester's own `received`. */
  by: z.nullable(z.string()),
});
export type SessionRequestHistoryEntry = z.infer<typeof SessionRequestHistoryEntry>;

export const SessionRequest = z.object({
  ...SessionRequestCreated.shape,
  request: z.omit(SessionRequestInput, { website: true, fillTimeMs: true }),
  updatedAt: IsoDateTime,
  history: z.array(SessionRequestHistoryEntry),
  /**
   * The hidden honeypot field came filled in, from a form open long enough and with consent given:
   * a person's autofill may have done it. No e-mail went out; staff confirm it (`possibleSpam:
   * false` in a patch) or delete it. The list leaves such requests out unless asked (`spam`).
   */
  possibleSpam: z.boolean(),
});
export type SessionRequest = z.infer<typeof SessionRequest>;

/** Which of a request's e-mails: the zone team's notice, the requester's confirmation, or news of a status change. */
export const SessionRequestMailKind = z.enum(['team', 'confirmation', 'requester-update']);
export type SessionRequestMailKind = z.infer<typeof SessionRequestMailKind>;

/**
 * `queued`: not tried yet; `sent`: handed to the mail server (or written to the mail folder);
 * `failing`: tried and failed, retried with backoff (`lastError` says why, `attempts` how often).
 */
export const SessionRequestMailState = z.enum(['queued', 'sent', 'failing']);
export type SessionRequestMailState = z.infer<typeof SessionRequestMailState>;

/** One e-mail of a request, from the outbox. */
export const SessionRequestMail = z.object({
  kind: SessionRequestMailKind,
  state: SessionRequestMailState,
  /** Delivery attempts made so far. */
  attempts: z.int().check(z.minimum(0)),
  /**
   * Why the last attempt failed (no personal data); for a sent one, a note when it was written
   * without a recipient (no inbox known for the zone) or dropped. `null` otherwise.
   */
  lastError: z.nullable(z.string()),
  /** When it was sent; until then, when it was queued. */
  at: IsoDateTime,
});
export type SessionRequestMail = z.infer<typeof SessionRequestMail>;

/**
 * One request as `GET /v1/session-requests/{id}` and `PATCH` answer it: the request with the state
 * of its e-mails, oldest first. The list (`SessionRequestPage`) leaves `mails` out.
 */
export const SessionRequestDetail = z.object({
  ...SessionRequest.shape,
  mails: z.array(SessionRequestMail),
});
export type SessionRequestDetail = z.infer<typeof SessionRequestDetail>;

export const SessionRequestPage = pageOf(SessionRequest);
export type SessionRequestPage = z.infer<typeof SessionRequestPage>;

/** Which requests flagged as possible spam the staff list shows: none (the default), only them, or all. */
export const SpamFilter = z.enum(['exclude', 'only', 'include']);
export type SpamFilter = z.infer<typeof SpamFilter>;

/** A calendar date `YYYY-MM-DD` that exists (no 31 February). */
const CalendarDate = z.iso.date();

/**
 * The filters of the staff list and of its CSV export:
 * - `topic`: requests that asked for this topic (an id of `GET /v1/topics`, or `other`);
 * - `from`, `to`: received on or after / on or before that day (both inclusive), counted in
 *   Brussels time, as the team reads the dates;
 * - `q`: words that must all appear in the organisation's name, the contact's name or e-mail,
 *   whatever their case and accents (`eloise` finds "Éloïse").
 */
export const SessionRequestsFilter = z.object({
  zone: z.optional(Slug),
  status: z.optional(SessionRequestStatus),
  spam: z._default(SpamFilter, 'exclude'),
  topic: z.optional(Slug),
  from: z.optional(CalendarDate),
  to: z.optional(CalendarDate),
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
});
export type SessionRequestsFilter = z.infer<typeof SessionRequestsFilter>;

/** Query of the staff list. `cursor` is the opaque `nextCursor` of the previous page. */
export const SessionRequestsQuery = z.object({
  ...SessionRequestsFilter.shape,
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
  limit: QueryLimit(LIMITS.pageMax, LIMITS.pageDefault),
});
export type SessionRequestsQuery = z.infer<typeof SessionRequestsQuery>;

/** The languages of a CSV export's headers and labels; `,` or `;` (Excel in a Belgian locale) between cells. */
export const SessionRequestsExportQuery = z.object({
  ...SessionRequestsFilter.shape,
  lang: z.optional(Language),
  delimiter: z._default(z.enum([',', ';']), ','),
});
export type SessionRequestsExportQuery = z.infer<typeof SessionRequestsExportQuery>;

/**
 * The header that makes `POST /v1/session-requests` safe to retry: the same key replays the
 * stored answer, the same key with another body is a 409 CONFLICT. A UUID per filled-in form.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IdempotencyKey = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{16,100}$/, 'must be 16 to 100 letters, digits, dashes or underscores'));

/** Fewer milliseconds than this between opening and sending a form is a bot, not a person. */
export const MIN_FILL_TIME_MS = 3000;

/**
 * A staff change: a new `status` (with an optional `note` for the history), and/or
 * `possibleSpam: false` to confirm a request flagged as possible spam, which sends its e-mails.
 * At least one of the two; a flagged request changes status only once confirmed. The note stays
 * with the team unless `noteToRequester` is true.
 */
export const SessionRequestPatch = z.object({
  status: z.optional(SessionRequestStatus),
  note: z.optional(Text(0, 2000)),
  possibleSpam: z.optional(z.literal(false)),
  /**
   * E-mail the requester about this status change. A change to `planned` or `declined` always does
   * (`false` does not stop it); another change (`done`) only with `true`. Needs `status`.
   */
  notifyRequester: z.optional(z.boolean()),
  /** Put the `note` into the requester's e-mail (which this implies). Needs `status` and `note`. */
  noteToRequester: z.optional(z.boolean()),
});
export type SessionRequestPatch = z.infer<typeof SessionRequestPatch>;
