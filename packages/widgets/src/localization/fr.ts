import type { Translation } from './translation.js';

export const fr: Translation = {
  loading: 'Chargement…',
  retry: 'Réessayer',
  offline: 'Vous êtes hors ligne. Vérifiez votre connexion et réessayez.',
  unexpectedError: 'Un problème est survenu. Réessayez plus tard.',
  networkError: 'Le service est injoignable. Réessayez dans quelques instants.',
  timeout: 'La réponse se fait attendre. Réessayez.',
  errors: {
    INVALID_QUERY: 'Nous ne comprenons pas cette saisie. Indiquez un code postal ou une commune.',
    VALIDATION_FAILED: 'Certains champs ne sont pas correctement remplis.',
    UNKNOWN_PLACE: 'Nous ne connaissons pas ce lieu.',
    OUT_OF_COVERAGE: 'Ce lieu se trouve en dehors des zones que nous connaissons.',
    NOT_FOUND: 'Introuvable.',
    NO_GEOMETRY: 'Aucune carte n’est disponible pour cette zone.',
    METHOD_NOT_ALLOWED: 'Cette action n’est pas autorisée.',
    UNAUTHORIZED: 'Vous devez être connecté.',
    FORBIDDEN: 'Vous n’avez pas accès à cette zone.',
    CONFLICT: 'Cette demande a déjà été envoyée avec d’autres données.',
    PAYLOAD_TOO_LARGE: 'La demande est trop volumineuse.',
    UNSUPPORTED_MEDIA_TYPE: 'Cette demande ne peut pas être traitée.',
    RATE_LIMITED: 'Trop de demandes. Patientez un instant et réessayez.',
    NOT_READY: 'Le service démarre. Réessayez dans un instant.',
    INTERNAL: 'Un problème est survenu chez nous. Réessayez plus tard.',
  },
};
