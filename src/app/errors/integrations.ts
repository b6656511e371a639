import type { ErrorEntry } from './types';

/** Programs calling the API: access tokens (and, later, what the portal sends them). */
export const integrationsErrors = {
  api_token_invalid: {
    status: 401,
    message: {
      fr: "Ce jeton d'accès n'est pas valable : il est inconnu, révoqué ou expiré.",
      de: 'Dieses Zugriffstoken ist ungültig: Es ist unbekannt, widerrufen oder abgelaufen.',
      en: 'This access token is not valid: it is unknown, revoked or expired.',
    },
  },
  token_scope_missing: {
    status: 403,
    message: {
      fr: "Ce jeton d'accès ne permet pas cette action (portée requise : {scope}).",
      de: 'Dieses Zugriffstoken erlaubt diese Aktion nicht (erforderlicher Bereich: {scope}).',
      en: 'This access token does not allow this action (scope needed: {scope}).',
    },
  },
  token_route_refused: {
    status: 403,
    message: {
      fr: "Cette action demande une connexion au portail ; un jeton d'accès ne peut pas l'effectuer.",
      de: 'Diese Aktion verlangt eine Anmeldung im Portal; ein Zugriffstoken kann sie nicht ausführen.',
      en: 'This action needs a sign-in to the portal; an access token cannot perform it.',
    },
  },
  token_scope_not_allowed: {
    status: 400,
    message: {
      fr: 'Votre rôle ne permet pas de donner la portée {scope} à un jeton.',
      de: 'Ihre Rolle erlaubt nicht, einem Token den Bereich {scope} zu geben.',
      en: 'Your role does not allow giving the scope {scope} to a token.',
    },
  },
  token_expiry_invalid: {
    status: 400,
    message: {
      fr: "La date d'expiration doit être dans le futur et au plus dans {days} jours.",
      de: 'Das Ablaufdatum muss in der Zukunft liegen, höchstens in {days} Tagen.',
      en: 'The expiry date must be in the future and at most {days} days away.',
    },
  },
} satisfies Record<string, ErrorEntry>;
