import { type FieldError, type Language, OTHER_TOPIC_ID, SessionRequestInput } from '@carezone/contract';
import type { SessionRequestTranslation } from '@carezone/widgets/texts';

/*
 * The form's values and checks as `<carezone-session-request>` has them
 * (`packages/widgets/src/session-request/form-values.ts`), for a form posted without JavaScript.
 * Written again rather than imported: that module is not part of the widgets' public exports, and
 * its neighbours need a DOM. Keep the two alike: the same fields, the same order, the same words.
 */

/** What the visitor typed and chose, as the fields hold it; keys are the contract's paths. */
export interface FormValues {
  'organisation.name': string;
  'organisation.kind': string;
  'contact.name': string;
  'contact.email': string;
  'contact.phone': string;
  topics: string[];
  otherTopic: string;
  format: string;
  preferredPeriod: string;
  participants: string;
  language: string;
  message: string;
  consent: boolean;
  /** The honeypot, posted as `cz-hp` (see the form's honeypot). */
  website: string;
}

export type FieldName = Exclude<keyof FormValues, 'website'> | 'zone';

/** A message per field in trouble. */
export type FieldErrors = Partial<Record<FieldName, string>>;

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

/** A new form: empty, the session in the page's language, as the widget starts. */
export function emptyValues(lang: Language): FormValues {
  return {
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
    language: lang,
    message: '',
    consent: false,
    website: '',
  };
}

/** The values of a posted form, as typed (a checkbox is sent only when ticked). */
export function postedValues(form: FormData): FormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    'organisation.name': text('organisation.name'),
    'organisation.kind': text('organisation.kind'),
    'contact.name': text('contact.name'),
    'contact.email': text('contact.email'),
    'contact.phone': text('contact.phone'),
    topics: form.getAll('topics').filter((topic): topic is string => typeof topic === 'string'),
    otherTopic: text('otherTopic'),
    format: text('format'),
    preferredPeriod: text('preferredPeriod'),
    participants: text('participants'),
    language: text('language'),
    message: text('message'),
    consent: form.has('consent'),
    website: text('cz-hp'),
  };
}

const optional = (text: string) => text.trim() || undefined;

/** The request body as the contract's schema reads it: the widget's `requestBody`. */
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

/** The visitor's message for a problem of `field` (a zod issue code, or the server's code). */
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

/** The widget's `check`: the contract's own schema, plus "a ticked other topic needs its name". */
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

/** The widget's `serverErrors`: the API's field errors on the form's fields, the others left out. */
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
