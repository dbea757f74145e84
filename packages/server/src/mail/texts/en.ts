import type { MailTexts } from './mail-texts.js';

export const en: MailTexts = {
  locale: 'en-GB',
  colon: ': ',
  notGiven: '(not given)',
  fields: {
    reference: 'Reference',
    zone: 'Care zone',
    receivedAt: 'Received on',
    organisation: 'Organisation',
    organisationKind: 'Type of organisation',
    contactPerson: 'Contact person',
    email: 'E-mail',
    phone: 'Phone',
    topics: 'Topics',
    otherTopic: 'Other topic',
    format: 'Format',
    period: 'Preferred period',
    participants: 'Expected participants',
    sessionLanguage: 'Language of the session',
    message: 'Message',
  },
  organisationKinds: {
    'welfare-service': 'Welfare service',
    'health-service': 'Health service',
    'municipal-social-service': 'Municipal social service or public social welfare centre',
    school: 'School',
    other: 'Other',
  },
  formats: {
    'on-site': 'On site, at the organisation',
    online: 'Online',
  },
  sessionLanguages: {
    nl: 'Dutch',
    fr: 'French',
    bilingual: 'Bilingual (Dutch and French)',
    en: 'English',
    de: 'German',
  },
  zoneTeam: {
    subject: (reference, organisation) => `New session request ${reference} from ${organisation}`,
    intro: (zoneName) => `A new request for an information session has come in for care zone ${zoneName}.`,
    replyHint: 'Reply to this e-mail to reach the contact person directly, and please quote the reference.',
    footer: 'This message was sent automatically by Carezone. You can follow up the request in Carezone.',
    inboxLink: (url) => `Open the request in the Carezone inbox: ${url}`,
    footerLinked: 'This message was sent automatically by Carezone.',
  },
  requester: {
    subject: (reference) => `We have received your request (${reference})`,
    greeting: (name) => `Dear ${name},`,
    intro: (zoneName) =>
      `Thank you for your request for an information session. We have received it and passed it on to the team of care zone ${zoneName}.`,
    referenceLine: (reference) =>
      `Your reference number is ${reference}. Please mention it whenever you contact us about this request.`,
    summaryHeading: 'What you asked for',
    nextStepsHeading: 'What happens next',
    nextSteps: (zoneName) =>
      `The team of care zone ${zoneName} will look at your request and get in touch with you to discuss the content, a date and the practical arrangements. You do not need to do anything else for now.`,
    privacy:
      'We use your details only to handle this request, and delete them when the retention period ends.',
    closing: 'Kind regards,',
    signature: (zoneName) => `The team of care zone ${zoneName}`,
    automatic:
      'This is an automatic message. If you did not send this request yourself, you can ignore this e-mail.',
  },
  requesterUpdate: {
    subject: (reference) => `News about your request for an information session (${reference})`,
    status: {
      received: (zoneName) => `Your request is with the team of care zone ${zoneName}, who will look at it.`,
      planned: (zoneName) =>
        `Good news: the team of care zone ${zoneName} has planned your information session.`,
      done: (zoneName) =>
        `The team of care zone ${zoneName} has marked your information session as done. Thank you for taking part.`,
      declined: (zoneName) =>
        `Unfortunately, the team of care zone ${zoneName} cannot follow up on your request for an information session.`,
    },
    noteHeading: 'A message from the team',
    questions: (reference) =>
      `If you have any questions, reply to this e-mail and mention your reference ${reference}.`,
    automatic: 'This is an automatic message about a request you sent through Carezone.',
  },
};
