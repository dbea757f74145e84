import type { Translation } from './translation.js';

export const de: Translation = {
  loading: 'Wird geladen…',
  retry: 'Erneut versuchen',
  offline: 'Sie sind offline. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  unexpectedError: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es später erneut.',
  networkError: 'Der Dienst ist nicht erreichbar. Versuchen Sie es gleich erneut.',
  timeout: 'Die Antwort dauert zu lange. Bitte versuchen Sie es erneut.',
  zone: {
    layer: 'Einteilung',
    municipality: 'Gemeinde',
    team: 'Zonenteam',
    website: 'Website:',
    email: 'E-Mail:',
    phone: 'Telefon:',
    contactUnknown: 'Die Kontaktdaten dieses Zonenteams sind noch nicht bekannt.',
    validFrom: 'Gültig ab',
    municipalities: 'Gemeinden',
    partly: (postcodes) => `teilweise: ${postcodes}`,
  },
  zoneCard: {
    noZone: 'Es wurde keine Zone angegeben.',
    unknownZone: (id) => `Die Zone „${id}“ gibt es nicht.`,
  },
  finder: {
    label: 'Postleitzahl oder Gemeinde',
    submit: 'Suchen',
    locate: 'Meinen Standort verwenden',
    found: (n) => (n ? `${n} ${n > 1 ? 'Orte' : 'Ort'} gefunden` : 'Keine Orte gefunden'),
    didYouMean: (p) => `Meinten Sie ${p}?`,
    kinds: { municipality: 'Gemeinde', locality: 'Ortsteil', 'former-municipality': 'ehemalige Gemeinde' },
    postcode: 'die Postleitzahl',
    nisCode: 'den NIS-Code',
    here: 'Ihren Standort',
    probable: (p) => `Wahrscheinlich diese Zone: Für ${p} ist die Grenze nicht vollständig dokumentiert.`,
    choose: (p) => `${p} ist auf mehrere Zonen aufgeteilt. In welchem Teil sind Sie?`,
    unknownPart: 'keine Zone bekannt',
    cannotTell: (p) =>
      `Für ${p} wissen wir nicht, welche Ihre Zone ist. Wählen Sie selbst oder wenden Sie sich an ein Team:`,
    pick: (z) => `Das ist meine Zone: ${z}`,
    picked: 'Sie haben diese Zone gewählt.',
    noZone: (p) => `Für ${p} ist keine Zone bekannt.`,
    outside: (p) => `Keine Zone für ${p}: Dieser Ort liegt außerhalb der uns bekannten Zonen.`,
    unknown: (q) => `Kein Ort bekannt für ${q}.`,
    invalid: (x) =>
      `„${x}“ verstehen wir nicht. Geben Sie eine vierstellige Postleitzahl ein oder wählen Sie einen Ort aus der Liste.`,
    geoDenied:
      'Der Zugriff auf Ihren Standort wurde verweigert. Geben Sie Ihre Postleitzahl oder Gemeinde ein.',
    geoFailed: 'Ihr Standort konnte nicht ermittelt werden. Geben Sie Ihre Postleitzahl oder Gemeinde ein.',
  },
  errors: {
    NOT_READY: 'Der Dienst startet. Versuchen Sie es gleich erneut.',
    INTERNAL: 'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es später erneut.',
  },
};
