import type { MailTexts } from './mail-texts.js';

export const fr: MailTexts = {
  locale: 'fr-BE',
  colon: '\u00a0: ',
  notGiven: '(non précisé)',
  fields: {
    reference: 'Référence',
    zone: 'Zone de soins',
    receivedAt: 'Reçue le',
    organisation: 'Organisation',
    organisationKind: 'Type d’organisation',
    contactPerson: 'Personne de contact',
    email: 'Adresse e-mail',
    phone: 'Téléphone',
    topics: 'Thèmes',
    otherTopic: 'Autre thème',
    format: 'Format',
    period: 'Période souhaitée',
    participants: 'Nombre de participants attendu',
    sessionLanguage: 'Langue de la séance',
    message: 'Message',
  },
  organisationKinds: {
    'welfare-service': 'Organisation du secteur social',
    'health-service': 'Service de santé ou de soins',
    'municipal-social-service': 'Service social communal ou CPAS',
    school: 'École',
    other: 'Autre',
  },
  formats: {
    'on-site': 'Sur place, dans l’organisation',
    online: 'En ligne',
  },
  sessionLanguages: {
    nl: 'Néerlandais',
    fr: 'Français',
    bilingual: 'Bilingue (néerlandais et français)',
    en: 'Anglais',
    de: 'Allemand',
  },
  zoneTeam: {
    subject: (reference, organisation) =>
      `Nouvelle demande ${reference} de séance d’information\u00a0: ${organisation}`,
    intro: (zoneName) =>
      `Une nouvelle demande de séance d’information est arrivée pour la zone de soins ${zoneName}.`,
    replyHint:
      'Répondez à ce courriel pour joindre directement la personne de contact, en rappelant la référence.',
    footer:
      'Ce message a été envoyé automatiquement par Carezone. Vous pouvez assurer le suivi de la demande dans Carezone.',
    inboxLink: (url) => `Ouvrez la demande dans la boîte de réception de Carezone\u00a0: ${url}`,
    footerLinked: 'Ce message a été envoyé automatiquement par Carezone.',
  },
  requester: {
    subject: (reference) => `Nous avons bien reçu votre demande (${reference})`,
    greeting: (name) => `Bonjour ${name},`,
    intro: (zoneName) =>
      `Merci pour votre demande de séance d’information. Nous l’avons bien reçue et transmise à l’équipe de la zone de soins ${zoneName}.`,
    referenceLine: (reference) =>
      `Votre numéro de référence est ${reference}. Merci de le mentionner chaque fois que vous nous contactez au sujet de cette demande.`,
    summaryHeading: 'Votre demande',
    nextStepsHeading: 'Et ensuite\u00a0?',
    nextSteps: (zoneName) =>
      `L’équipe de la zone de soins ${zoneName} va examiner votre demande et prendra contact avec vous pour convenir du contenu, d’une date et des aspects pratiques. Vous n’avez rien d’autre à faire pour l’instant.`,
    privacy:
      'Nous utilisons vos données uniquement pour traiter cette demande, et les supprimons à la fin du délai de conservation.',
    closing: 'Bien cordialement,',
    signature: (zoneName) => `L’équipe de la zone de soins ${zoneName}`,
    automatic:
      'Ceci est un message automatique. Si vous n’avez pas envoyé cette demande vous-même, vous pouvez ignorer ce courriel.',
  },
  requesterUpdate: {
    subject: (reference) => `Des nouvelles de votre demande de séance d’information (${reference})`,
    status: {
      received: (zoneName) =>
        `Votre demande est entre les mains de l’équipe de la zone de soins ${zoneName}, qui va l’examiner.`,
      planned: (zoneName) =>
        `Bonne nouvelle\u00a0: l’équipe de la zone de soins ${zoneName} a planifié votre séance d’information.`,
      done: (zoneName) =>
        `L’équipe de la zone de soins ${zoneName} a indiqué que votre séance d’information a eu lieu. Merci de votre participation.`,
      declined: (zoneName) =>
        `Malheureusement, l’équipe de la zone de soins ${zoneName} ne peut pas donner suite à votre demande de séance d’information.`,
    },
    noteHeading: 'Message de l’équipe',
    questions: (reference) =>
      `Une question\u00a0? Répondez à ce courriel en mentionnant votre référence ${reference}.`,
    automatic: 'Ceci est un message automatique au sujet d’une demande que vous avez envoyée via Carezone.',
  },
};
