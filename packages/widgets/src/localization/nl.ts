import type { Translation } from './translation.js';

export const nl: Translation = {
  loading: 'Laden…',
  retry: 'Opnieuw proberen',
  offline: 'U bent offline. Controleer uw verbinding en probeer opnieuw.',
  unexpectedError: 'Er ging iets mis. Probeer het later opnieuw.',
  networkError: 'De dienst is niet bereikbaar. Probeer het over enkele ogenblikken opnieuw.',
  timeout: 'Het antwoord blijft uit. Probeer het opnieuw.',
  zone: {
    layer: 'Indeling',
    municipality: 'Gemeente',
    team: 'Zoneteam',
    website: 'Website:',
    email: 'E-mail:',
    phone: 'Telefoon:',
    contactUnknown: 'De contactgegevens van dit zoneteam zijn nog niet bekend.',
    validFrom: 'Geldig vanaf',
    municipalities: 'Gemeenten',
    partly: (postcodes) => `deels: ${postcodes}`,
  },
  zoneCard: {
    noZone: 'Er is geen zone opgegeven.',
    unknownZone: (id) => `De zone “${id}” bestaat niet.`,
  },
  finder: {
    label: 'Postcode of gemeente',
    submit: 'Zoeken',
    locate: 'Gebruik mijn locatie',
    found: (n) => (n ? `${n} ${n > 1 ? 'plaatsen' : 'plaats'} gevonden` : 'Geen plaatsen gevonden'),
    didYouMean: (p) => `Bedoelde u ${p}?`,
    kinds: {
      municipality: 'gemeente',
      locality: 'deelgemeente',
      'former-municipality': 'voormalige gemeente',
    },
    postcode: 'postcode',
    nisCode: 'NIS-code',
    here: 'uw locatie',
    probable: (p) => `Waarschijnlijk deze zone: voor ${p} is de grens niet volledig gedocumenteerd.`,
    choose: (p) => `${p} ligt in meer dan één zone. Welk deel bedoelt u?`,
    unknownPart: 'geen zone bekend',
    cannotTell: (p) =>
      `Voor ${p} weten we niet welke zone de uwe is. Kies uw zone of neem contact op met een team:`,
    pick: (z) => `Dit is mijn zone: ${z}`,
    picked: 'U koos deze zone.',
    noZone: (p) => `Voor ${p} is geen zone bekend.`,
    outside: (p) => `Geen zone voor ${p}: deze plaats ligt buiten de zones die we kennen.`,
    unknown: (q) => `Geen plaats bekend voor ${q}.`,
    invalid: (x) =>
      `We begrijpen “${x}” niet. Typ een postcode van 4 cijfers of kies een plaats uit de lijst.`,
    geoDenied: 'Geen toegang tot uw locatie. Typ uw postcode of gemeente.',
    geoFailed: 'Uw locatie kon niet bepaald worden. Typ uw postcode of gemeente.',
  },
  errors: {
    NOT_READY: 'De dienst start op. Probeer het zo meteen opnieuw.',
    INTERNAL: 'Er ging iets mis bij ons. Probeer het later opnieuw.',
  },
};
