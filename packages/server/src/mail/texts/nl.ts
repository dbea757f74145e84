import type { MailTexts } from './mail-texts.js';

export const nl: MailTexts = {
  locale: 'nl-BE',
  colon: ': ',
  notGiven: '(niet opgegeven)',
  fields: {
    reference: 'Referentie',
    zone: 'Zorgzone',
    receivedAt: 'Ontvangen op',
    organisation: 'Organisatie',
    organisationKind: 'Soort organisatie',
    contactPerson: 'Contactpersoon',
    email: 'E-mail',
    phone: 'Telefoon',
    topics: "Thema's",
    otherTopic: 'Ander thema',
    format: 'Vorm',
    period: 'Gewenste periode',
    participants: 'Verwacht aantal deelnemers',
    sessionLanguage: 'Taal van de sessie',
    message: 'Bericht',
  },
  organisationKinds: {
    'welfare-service': 'Welzijnsorganisatie',
    'health-service': 'Zorg- of gezondheidsorganisatie',
    'municipal-social-service': 'Sociale dienst van de gemeente of het OCMW',
    school: 'School',
    other: 'Andere',
  },
  formats: {
    'on-site': 'Ter plaatse, bij de organisatie',
    online: 'Online',
  },
  sessionLanguages: {
    nl: 'Nederlands',
    fr: 'Frans',
    bilingual: 'Tweetalig (Nederlands en Frans)',
    en: 'Engels',
    de: 'Duits',
  },
  zoneTeam: {
    subject: (reference, organisation) =>
      `Nieuwe aanvraag ${reference} voor een infosessie van ${organisation}`,
    intro: (zoneName) =>
      `Er is een nieuwe aanvraag voor een infosessie binnengekomen voor zorgzone ${zoneName}.`,
    replyHint:
      'Beantwoord deze e-mail om de contactpersoon rechtstreeks te bereiken, en vermeld daarbij de referentie.',
    footer:
      'Dit bericht werd automatisch verstuurd door Carezone. U kunt de aanvraag verder opvolgen in Carezone.',
    inboxLink: (url) => `Open de aanvraag in de inbox van Carezone: ${url}`,
    footerLinked: 'Dit bericht werd automatisch verstuurd door Carezone.',
  },
  requester: {
    subject: (reference) => `We hebben uw aanvraag goed ontvangen (${reference})`,
    greeting: (name) => `Beste ${name},`,
    intro: (zoneName) =>
      `Bedankt voor uw aanvraag voor een infosessie. We hebben ze goed ontvangen en doorgestuurd naar het team van zorgzone ${zoneName}.`,
    referenceLine: (reference) =>
      `Uw referentienummer is ${reference}. Vermeld het telkens wanneer u ons over deze aanvraag contacteert.`,
    summaryHeading: 'Uw aanvraag',
    nextStepsHeading: 'Hoe gaat het verder?',
    nextSteps: (zoneName) =>
      `Het team van zorgzone ${zoneName} bekijkt uw aanvraag en neemt contact met u op om de inhoud, een datum en de praktische afspraken te bespreken. U hoeft voorlopig niets meer te doen.`,
    privacy:
      'We gebruiken uw gegevens alleen om deze aanvraag te behandelen, en verwijderen ze na afloop van de bewaartermijn.',
    closing: 'Met vriendelijke groeten,',
    signature: (zoneName) => `Het team van zorgzone ${zoneName}`,
    automatic:
      'Dit is een automatisch bericht. Hebt u deze aanvraag niet zelf verstuurd? Dan mag u deze e-mail negeren.',
  },
  requesterUpdate: {
    subject: (reference) => `Nieuws over uw aanvraag voor een infosessie (${reference})`,
    status: {
      received: (zoneName) => `Uw aanvraag ligt bij het team van zorgzone ${zoneName}, dat ze zal bekijken.`,
      planned: (zoneName) => `Goed nieuws: het team van zorgzone ${zoneName} heeft uw infosessie ingepland.`,
      done: (zoneName) =>
        `Het team van zorgzone ${zoneName} heeft uw infosessie als afgerond gemarkeerd. Bedankt voor uw deelname.`,
      declined: (zoneName) =>
        `Helaas kan het team van zorgzone ${zoneName} niet ingaan op uw aanvraag voor een infosessie.`,
    },
    noteHeading: 'Bericht van het team',
    questions: (reference) =>
      `Hebt u nog vragen? Beantwoord dan deze e-mail en vermeld uw referentie ${reference}.`,
    automatic: 'Dit is een automatisch bericht over een aanvraag die u via Carezone verstuurde.',
  },
};
