import type { Translation } from './translation.js';

export const nl: Translation = {
  loading: 'Laden…',
  retry: 'Opnieuw proberen',
  offline: 'U bent offline. Controleer uw verbinding en probeer opnieuw.',
  unexpectedError: 'Er ging iets mis. Probeer het later opnieuw.',
  networkError: 'De dienst is niet bereikbaar. Probeer het over enkele ogenblikken opnieuw.',
  timeout: 'Het antwoord blijft uit. Probeer het opnieuw.',
  errors: {
    INVALID_QUERY: 'Die invoer begrijpen we niet. Geef een postcode of gemeente in.',
    VALIDATION_FAILED: 'Enkele velden zijn niet correct ingevuld.',
    UNKNOWN_PLACE: 'Die plaats kennen we niet.',
    OUT_OF_COVERAGE: 'Deze plaats ligt buiten de zones die we kennen.',
    NOT_FOUND: 'Niet gevonden.',
    NO_GEOMETRY: 'Voor deze zone is geen kaart beschikbaar.',
    METHOD_NOT_ALLOWED: 'Deze handeling is niet toegestaan.',
    UNAUTHORIZED: 'U moet aangemeld zijn.',
    FORBIDDEN: 'U hebt geen toegang tot deze zone.',
    CONFLICT: 'Deze aanvraag werd al met andere gegevens verstuurd.',
    PAYLOAD_TOO_LARGE: 'De aanvraag is te groot.',
    UNSUPPORTED_MEDIA_TYPE: 'Deze aanvraag kan niet verwerkt worden.',
    RATE_LIMITED: 'Te veel aanvragen. Wacht even en probeer opnieuw.',
    NOT_READY: 'De dienst start op. Probeer het zo meteen opnieuw.',
    INTERNAL: 'Er ging iets mis bij ons. Probeer het later opnieuw.',
  },
};
