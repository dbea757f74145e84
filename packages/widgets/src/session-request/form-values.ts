import { OTHER_TOPIC_ID, SessionRequestInput } from '@carezone/contract';
import type { FieldError, LangMap, Language } from '@carezone/sdk';
import type { SessionRequestTranslation } from '../localization/session-request/translation.js';

/**
 * What the visitor typed and chose, as the fields hold it: text as typed (a draft restores it
 * as it was, and a number typed wrongly stays visible to correct). Keys are the contract's paths,
 * so that a problem of the schema or of the server names its field directly.
 */
export interface FormValues {
  'organisation.name': string;
  'organisation.kind': string;
  'contact.name': string;
  'contact.email': string;
  'contact.phone': string;
  /** Topic ids, `other` included when ticked. */
  topics: string[];
  otherTopic: string;
  format: string;
  preferredPeriod: string;
  participants: string;
  language: string;
  message: string;
  consent: boolean;
  /** The honeypot: people never see it, so it stays empty unless a bot fills it in. */
  website: string;
}

export type FieldName = keyof FormValues | 'zone';

/** The zone a finder chose: its id for the request, its name to show. */
export interface ChosenZone {
  id: string;
  name: LangMap;
}

export const EMPTY_VALUES: FormValues = {
  'organisation.name': '',
  'organisation.kind': '',
  'contact.name': '',
  'contact.email': '',
  'contact.phone': '',
  topics: [],
  otherTopic: '',
  format: '',
  preferredPeriod: '',
  participants: '',
  language: '',
  message: '',
  consent: false,
  website: '',
};

/** Every field in the order of the form: the error summary lists problems in this order. */
export const FIELDS: readonly FieldName[] = [
  'organisation.name',
  'organisation.kind',
  'zone',
  'contact.name',
  'contact.email',
  'contact.phone',
  'topics',
  'otherTopic',
  'format',
  'preferredPeriod',
  'participants',
  'language',
  'message',
  'consent',
];

/** A message per field in trouble. */
export type FieldErrors = Partial<Record<FieldName, string>>;

/**
 * The values once one of the form's inputs changed (its name, value and whether it is checked),
 * or `undefined` for an input that is not the form's: the embedded finder's reach the form's
 * listener retargeted to the finder, without a name.
 */
export function withInput(
  values: FormValues,
  input: Pick<HTMLInputElement, 'name' | 'value' | 'checked'>,
): FormValues | undefined {
  // The honeypot's input is named so that autofill leaves it alone (see session-request.ts).
  const name = (input.name === 'cz-hp' ? 'website' : input.name) as keyof FormValues;
  if (!(name in EMPTY_VALUES)) return undefined;
  const changed = { ...values };
  if (name === 'topics')
    changed.topics = input.checked
      ? [...values.topics, input.value]
      : values.topics.filter((topic) => topic !== input.value);
  else if (name === 'consent') changed.consent = input.checked;
  else changed[name] = input.value;
  return changed;
}

const optional = (text: string) => text.trim() || undefined;

/**
 * The request body as the contract's schema reads it. Empty optional fields are left out; a
 * participants count that is not a whole number is passed on as typed, so that the schema rejects it.
 */
export function requestBody(values: FormValues, zone: string | undefined, locale: Language): unknown {
  const participants = values.participants.trim();
  return {
    organisation: { name: values['organisation.name'], kind: optional(values['organisation.kind']) },
    zone,
    contact: {
      name: values['contact.name'],
      email: values['contact.email'].trim(),
      phone: optional(values['contact.phone']),
    },
    topics: values.topics,
    otherTopic: values.topics.includes(OTHER_TOPIC_ID) ? optional(values.otherTopic) : undefined,
    format: optional(values.format),
    preferredPeriod: optional(values.preferredPeriod),
    participants: /^\d+$/.test(participants) ? Number(participants) : optional(participants),
    language: optional(values.language),
    locale,
    message: optional(values.message),
    consent: values.consent,
    website: optional(values.website),
  };
}

/** Fields whose problem can only be that no option was chosen. */
const CHOICES: readonly FieldName[] = ['organisation.kind', 'format', 'language'];

/**
 * The visitor's message for a problem of `field` (a zod issue code, from this form's check or from
 * the server's field errors); never the schema's own English text.
 */
function messageFor(
  t: SessionRequestTranslation['invalid'],
  field: FieldName,
  code: string,
  empty: boolean,
  maximum: string | undefined,
): string {
  if (CHOICES.includes(field)) return t.choose;
  if (field === 'zone' || field === 'topics' || field === 'participants' || field === 'consent')
    return t[field];
  if (empty) return t.required;
  if (code === 'too_big' && maximum) return t.tooLong(maximum);
  if (field === 'contact.email') return t.email;
  if (field === 'contact.phone') return t.phone;
  return t.other;
}

/** The field a problem's dotted path points to (`topics.2` → `topics`), if it is one of the form's. */
function fieldOf(path: string): FieldName | undefined {
  return FIELDS.find((field) => path === field || path.startsWith(`${field}.`));
}

function isEmpty(values: FormValues, field: FieldName): boolean {
  return field !== 'zone' && String(values[field]).trim() === '';
}

export interface CheckResult {
  /** The body as the schema outputs it (trimmed), when it passed. */
  input?: SessionRequestInput;
  errors: FieldErrors;
}

/**
 * Checks the body with the contract's own schema, the one the server applies, plus the one rule the
 * schema cannot know: a ticked "other" topic needs its name.
 */
export function check(
  values: FormValues,
  body: unknown,
  t: SessionRequestTranslation['invalid'],
  formatNumber: (value: number) => string,
): CheckResult {
  const result = SessionRequestInput.safeParse(body);
  const errors: FieldErrors = {};
  for (const issue of result.error?.issues ?? []) {
    const field = fieldOf(issue.path.join('.'));
    if (!field || errors[field]) continue;
    const maximum = 'maximum' in issue ? formatNumber(Number(issue.maximum)) : undefined;
    errors[field] = messageFor(t, field, issue.code, isEmpty(values, field), maximum);
  }
  if (values.topics.includes(OTHER_TOPIC_ID) && !values.otherTopic.trim()) errors.otherTopic = t.required;
  return Object.keys(errors).length > 0 || !result.success ? { errors } : { input: result.data, errors };
}

/** The server's field errors (VALIDATION_FAILED) on the form's fields; those it cannot place are left out. */
export function serverErrors(
  values: FormValues,
  fieldErrors: readonly FieldError[],
  t: SessionRequestTranslation['invalid'],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, code } of fieldErrors) {
    const field = fieldOf(path);
    if (field && !errors[field])
      errors[field] = messageFor(t, field, code, isEmpty(values, field), undefined);
  }
  return errors;
}
