import type { Translation } from './translation.js';

export const de: Translation = {
  loading: 'Wird geladen…',
  retry: 'Erneut versuchen',
  offline: 'Sie sind offline. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  unexpectedError: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es später erneut.',
  networkError: 'Der Dienst ist nicht erreichbar. Versuchen Sie es in einem Moment erneut.',
  timeout: 'Die Antwort dauert zu lange. Bitte versuchen Sie es erneut.',
  errors: {
    INVALID_QUERY: 'Diese Eingabe verstehen wir nicht. Geben Sie eine Postleitzahl oder Gemeinde ein.',
    VALIDATION_FAILED: 'Einige Felder sind nicht korrekt ausgefüllt.',
    UNKNOWN_PLACE: 'Diesen Ort kennen wir nicht.',
    OUT_OF_COVERAGE: 'Dieser Ort liegt außerhalb der uns bekannten Zonen.',
    NOT_FOUND: 'Nicht gefunden.',
    NO_GEOMETRY: 'Für diese Zone ist keine Karte verfügbar.',
    METHOD_NOT_ALLOWED: 'Diese Aktion ist nicht erlaubt.',
    UNAUTHORIZED: 'Sie müssen angemeldet sein.',
    FORBIDDEN: 'Sie haben keinen Zugang zu dieser Zone.',
    CONFLICT: 'Diese Anfrage wurde bereits mit anderen Angaben gesendet.',
    PAYLOAD_TOO_LARGE: 'Die Anfrage ist zu groß.',
    UNSUPPORTED_MEDIA_TYPE: 'Diese Anfrage kann nicht verarbeitet werden.',
    RATE_LIMITED: 'Zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.',
    NOT_READY: 'Der Dienst startet. Versuchen Sie es gleich erneut.',
    INTERNAL: 'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es später erneut.',
  },
};
