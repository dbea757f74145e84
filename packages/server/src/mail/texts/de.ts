import type { MailTexts } from './mail-texts.js';

export const de: MailTexts = {
  locale: 'de-BE',
  colon: ': ',
  notGiven: '(keine Angabe)',
  fields: {
    reference: 'Referenz',
    zone: 'Versorgungszone',
    receivedAt: 'Eingegangen am',
    organisation: 'Organisation',
    organisationKind: 'Art der Organisation',
    contactPerson: 'Kontaktperson',
    email: 'E-Mail',
    phone: 'Telefon',
    topics: 'Themen',
    otherTopic: 'Anderes Thema',
    format: 'Form',
    period: 'Gewünschter Zeitraum',
    participants: 'Erwartete Teilnehmerzahl',
    sessionLanguage: 'Sprache der Veranstaltung',
    message: 'Nachricht',
  },
  organisationKinds: {
    'welfare-service': 'Sozialeinrichtung',
    'health-service': 'Gesundheits- oder Pflegeeinrichtung',
    'municipal-social-service': 'Sozialdienst der Gemeinde oder ÖSHZ',
    school: 'Schule',
    other: 'Andere',
  },
  formats: {
    'on-site': 'Vor Ort, in der Organisation',
    online: 'Online',
  },
  sessionLanguages: {
    nl: 'Niederländisch',
    fr: 'Französisch',
    bilingual: 'Zweisprachig (Niederländisch und Französisch)',
    en: 'Englisch',
    de: 'Deutsch',
  },
  zoneTeam: {
    subject: (reference, organisation) =>
      `Neue Anfrage ${reference} für eine Informationsveranstaltung: ${organisation}`,
    intro: (zoneName) =>
      `Für die Versorgungszone ${zoneName} ist eine neue Anfrage für eine Informationsveranstaltung eingegangen.`,
    replyHint:
      'Antworten Sie auf diese E-Mail, um die Kontaktperson direkt zu erreichen, und geben Sie dabei bitte die Referenz an.',
    footer:
      'Diese Nachricht wurde automatisch von Carezone versandt. Sie können die Anfrage in Carezone weiterverfolgen.',
    inboxLink: (url) => `Öffnen Sie die Anfrage im Posteingang von Carezone: ${url}`,
    footerLinked: 'Diese Nachricht wurde automatisch von Carezone versandt.',
  },
  requester: {
    subject: (reference) => `Wir haben Ihre Anfrage erhalten (${reference})`,
    greeting: (name) => `Guten Tag ${name},`,
    intro: (zoneName) =>
      `vielen Dank für Ihre Anfrage für eine Informationsveranstaltung. Wir haben sie erhalten und an das Team der Versorgungszone ${zoneName} weitergeleitet.`,
    referenceLine: (reference) =>
      `Ihre Referenznummer lautet ${reference}. Bitte geben Sie sie an, wenn Sie uns zu dieser Anfrage kontaktieren.`,
    summaryHeading: 'Ihre Anfrage',
    nextStepsHeading: 'Wie geht es weiter?',
    nextSteps: (zoneName) =>
      `Das Team der Versorgungszone ${zoneName} prüft Ihre Anfrage und nimmt Kontakt mit Ihnen auf, um Inhalt, Termin und praktische Einzelheiten zu besprechen. Bis dahin müssen Sie nichts weiter tun.`,
    privacy:
      'Wir verwenden Ihre Daten nur zur Bearbeitung dieser Anfrage und löschen sie nach Ablauf der Aufbewahrungsfrist.',
    closing: 'Mit freundlichen Grüßen',
    signature: (zoneName) => `Das Team der Versorgungszone ${zoneName}`,
    automatic:
      'Dies ist eine automatische Nachricht. Wenn Sie diese Anfrage nicht selbst gesendet haben, können Sie diese E-Mail ignorieren.',
  },
  requesterUpdate: {
    subject: (reference) => `Neuigkeiten zu Ihrer Anfrage für eine Informationsveranstaltung (${reference})`,
    status: {
      received: (zoneName) =>
        `Ihre Anfrage liegt beim Team der Versorgungszone ${zoneName}, das sie prüfen wird.`,
      planned: (zoneName) =>
        `Gute Nachricht: Das Team der Versorgungszone ${zoneName} hat Ihre Informationsveranstaltung eingeplant.`,
      done: (zoneName) =>
        `Das Team der Versorgungszone ${zoneName} hat Ihre Informationsveranstaltung als abgeschlossen markiert. Vielen Dank für Ihre Teilnahme.`,
      declined: (zoneName) =>
        `Leider kann das Team der Versorgungszone ${zoneName} Ihrer Anfrage für eine Informationsveranstaltung nicht nachkommen.`,
    },
    noteHeading: 'Nachricht des Teams',
    questions: (reference) =>
      `Haben Sie Fragen? Antworten Sie auf diese E-Mail und geben Sie Ihre Referenz ${reference} an.`,
    automatic: 'Dies ist eine automatische Nachricht zu einer Anfrage, die Sie über Carezone gesendet haben.',
  },
};
