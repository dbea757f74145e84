import {
  type LangMap,
  type Language,
  OTHER_TOPIC_ID,
  pickText,
  type SessionRequestStatus,
  type Topic,
} from '@carezone/contract';
import type { StoredSessionRequestInput } from '../session-requests/stored-input.js';
import { escapeHtml } from './html.js';
import { MAIL_TEXTS, type MailTexts, SUMMARY_FIELDS, type SummaryField } from './texts/index.js';

/** A stored session request as the e-mails need it. */
export interface RequestForMail {
  reference: string;
  zoneId: string;
  /** ISO timestamp of when it was stored. */
  createdAt: string;
  request: StoredSessionRequestInput;
}

/** Names the e-mails show instead of ids. */
export interface MailNames {
  /** The zone's names from the zone directory; `undefined` when no loaded pack knows the zone. */
  zoneName: LangMap | undefined;
  topics: readonly Topic[];
}

export interface ComposedMail {
  language: Language;
  subject: string;
  text: string;
  html: string;
}

/** A header or a table cell holds one line: a pasted line break must not start a new one. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function zoneNameIn(mail: RequestForMail, names: MailNames, language: Language): string {
  return (names.zoneName && pickText(names.zoneName, language)) || mail.zoneId;
}

function topicLabel(id: string, names: MailNames, texts: MailTexts, language: Language): string {
  const topic = names.topics.find((candidate) => candidate.id === id);
  if (topic) return topic.label[language];
  // "Other" is always accepted, whether or not a deployment lists it; an id no longer configured
  // is still better shown than dropped.
  return id === OTHER_TOPIC_ID ? texts.fields.otherTopic : id;
}

function summaryValues(
  mail: RequestForMail,
  names: MailNames,
  language: Language,
): Record<SummaryField, string | undefined> {
  const texts = MAIL_TEXTS[language];
  const { request } = mail;
  const given = (value: string | undefined) =>
    value === undefined || value.trim() === '' ? undefined : value;
  return {
    reference: mail.reference,
    zone: zoneNameIn(mail, names, language),
    receivedAt: new Intl.DateTimeFormat(texts.locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Brussels',
    }).format(new Date(mail.createdAt)),
    organisation: request.organisation.name,
    organisationKind: texts.organisationKinds[request.organisation.kind] ?? request.organisation.kind,
    contactPerson: request.contact.name,
    email: request.contact.email,
    phone: given(request.contact.phone),
    topics: request.topics.map((id) => topicLabel(id, names, texts, language)).join(', '),
    otherTopic: given(request.otherTopic),
    format: texts.formats[request.format] ?? request.format,
    period: given(request.preferredPeriod),
    participants:
      request.participants === undefined
        ? undefined
        : new Intl.NumberFormat(texts.locale).format(request.participants),
    sessionLanguage: texts.sessionLanguages[request.language] ?? request.language,
    message: given(request.message),
  };
}

interface SummaryRow {
  label: string;
  value: string;
  /** The message keeps its line breaks; every other value is one line. */
  multiline: boolean;
}

function summaryRows(mail: RequestForMail, names: MailNames, language: Language): SummaryRow[] {
  const texts = MAIL_TEXTS[language];
  const values = summaryValues(mail, names, language);
  return SUMMARY_FIELDS.map((field) => {
    const multiline = field === 'message';
    const value = values[field] ?? texts.notGiven;
    return {
      label: texts.fields[field],
      value: multiline ? value.replace(/\r\n?/g, '\n').trim() : oneLine(value),
      multiline,
    };
  });
}

function rowsAsText(rows: SummaryRow[], colon: string): string {
  return rows
    .map((row) => `${row.label}${colon.trimEnd()}${row.multiline ? '\n' : ' '}${row.value}`)
    .join('\n');
}

function rowsAsHtml(rows: SummaryRow[]): string {
  const cells = rows.map(
    (row) =>
      `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0">${escapeHtml(row.label)}</th>` +
      `<td style="white-space:${row.multiline ? 'pre-wrap' : 'normal'}">${escapeHtml(row.value)}</td></tr>`,
  );
  return `<table>\n${cells.join('\n')}\n</table>`;
}

function htmlDocument(language: Language, subject: string, body: string[]): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5">',
    ...body,
    '</body></html>',
  ].join('\n');
}

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;
const heading = (text: string) => `<h2 style="font-size:1.1em">${escapeHtml(text)}</h2>`;
/** RFC 3676's signature separator: mail readers grey out or fold what follows. */
const SIGNATURE_SEPARATOR = '-- ';

/**
 * The e-mail from its body lines and its footer: in the text the footer follows the signature
 * separator, in the HTML it closes the body in grey, so that it reads as an aside in both.
 */
function composed(
  language: Language,
  subject: string,
  { text, html, footer }: { text: string[]; html: string[]; footer: string },
): ComposedMail {
  return {
    language,
    subject,
    text: [...text, '', SIGNATURE_SEPARATOR, footer, ''].join('\n'),
    html: htmlDocument(language, subject, [...html, `<p style="color:#555">${escapeHtml(footer)}</p>`]),
  };
}

/**
 * The e-mail that tells the zone team a request has come in: every value that was entered, and,
 * when the server knows its public URL, a link to the request in the staff inbox (`inboxUrl`).
 */
export function composeZoneTeamMail(
  mail: RequestForMail,
  names: MailNames,
  language: Language,
  inboxUrl?: string,
): ComposedMail {
  const texts = MAIL_TEXTS[language].zoneTeam;
  const zoneName = zoneNameIn(mail, names, language);
  const rows = summaryRows(mail, names, language);
  const subject = oneLine(texts.subject(mail.reference, mail.request.organisation.name));
  const text = [texts.intro(zoneName), '', rowsAsText(rows, MAIL_TEXTS[language].colon), '', texts.replyHint];
  const html = [paragraph(texts.intro(zoneName)), rowsAsHtml(rows), paragraph(texts.replyHint)];
  if (inboxUrl !== undefined) {
    text.push('', texts.inboxLink(inboxUrl));
    // The URL is the server's own origin and a UUID, escaped all the same.
    const link = `<a href="${escapeHtml(inboxUrl)}">${escapeHtml(inboxUrl)}</a>`;
    html.push(`<p>${escapeHtml(texts.inboxLink('\u0000')).replace('\u0000', link)}</p>`);
  }
  return composed(language, subject, {
    text,
    html,
    footer: inboxUrl === undefined ? texts.footer : texts.footerLinked,
  });
}

/** What the requester is told of: the status the team moved the request to, and the note if sent. */
export interface RequesterUpdate {
  status: SessionRequestStatus;
  /** The team's note, only when the team chose to send it. */
  note?: string | undefined;
}

/**
 * The requester's news of a status change, in the language of the form: what the team did, the
 * team's note when it was sent (kept as typed in the text, escaped and with its line breaks in the
 * HTML), and how to ask more.
 */
export function composeRequesterUpdateMail(
  mail: RequestForMail,
  names: MailNames,
  language: Language,
  update: RequesterUpdate,
): ComposedMail {
  const { requester, requesterUpdate: texts } = MAIL_TEXTS[language];
  const zoneName = zoneNameIn(mail, names, language);
  const name = oneLine(mail.request.contact.name);
  const subject = oneLine(texts.subject(mail.reference));
  const statusLine = texts.status[update.status](zoneName);
  const note = update.note?.replace(/\r\n?/g, '\n').trim() || undefined;
  const text = [requester.greeting(name), '', statusLine, ''];
  const html = [paragraph(requester.greeting(name)), paragraph(statusLine)];
  if (note !== undefined) {
    text.push(texts.noteHeading, '', note, '');
    html.push(heading(texts.noteHeading), `<p style="white-space:pre-wrap">${escapeHtml(note)}</p>`);
  }
  text.push(texts.questions(mail.reference), '', requester.closing, requester.signature(zoneName));
  html.push(
    paragraph(texts.questions(mail.reference)),
    `<p>${escapeHtml(requester.closing)}<br>${escapeHtml(requester.signature(zoneName))}</p>`,
  );
  return composed(language, subject, { text, html, footer: texts.automatic });
}

/** The requester's confirmation: the reference, what they asked for, and what happens next. */
export function composeConfirmationMail(
  mail: RequestForMail,
  names: MailNames,
  language: Language,
): ComposedMail {
  const texts = MAIL_TEXTS[language].requester;
  const zoneName = zoneNameIn(mail, names, language);
  const rows = summaryRows(mail, names, language);
  const name = oneLine(mail.request.contact.name);
  const subject = oneLine(texts.subject(mail.reference));
  const text = [
    texts.greeting(name),
    '',
    texts.intro(zoneName),
    '',
    texts.referenceLine(mail.reference),
    '',
    texts.summaryHeading,
    '',
    rowsAsText(rows, MAIL_TEXTS[language].colon),
    '',
    texts.nextStepsHeading,
    '',
    texts.nextSteps(zoneName),
    '',
    texts.privacy,
    '',
    texts.closing,
    texts.signature(zoneName),
  ];
  const html = [
    paragraph(texts.greeting(name)),
    paragraph(texts.intro(zoneName)),
    `<p><strong>${escapeHtml(texts.referenceLine(mail.reference))}</strong></p>`,
    heading(texts.summaryHeading),
    rowsAsHtml(rows),
    heading(texts.nextStepsHeading),
    paragraph(texts.nextSteps(zoneName)),
    paragraph(texts.privacy),
    `<p>${escapeHtml(texts.closing)}<br>${escapeHtml(texts.signature(zoneName))}</p>`,
  ];
  return composed(language, subject, { text, html, footer: texts.automatic });
}
