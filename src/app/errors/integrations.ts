import type { ErrorEntry } from './types';

/** Programs calling the API (access tokens) and programs the portal calls (webhooks). */
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
  webhook_url_invalid: {
    status: 400,
    message: {
      fr: "L'adresse d'un webhook doit être une URL https:// complète.",
      de: 'Die Adresse eines Webhooks muss eine vollständige https://-URL sein.',
      en: 'A webhook address must be a complete https:// URL.',
    },
  },
  webhook_host_unknown: {
    status: 400,
    message: {
      fr: "Le nom d'hôte {host} est introuvable : vérifiez l'adresse.",
      de: 'Der Hostname {host} wurde nicht gefunden: Prüfen Sie die Adresse.',
      en: 'The host name {host} cannot be found: check the address.',
    },
  },
  webhook_address_private: {
    status: 400,
    message: {
      fr: "{host} mène à l'adresse {address} d'un réseau privé ou local. Cochez « Autoriser le réseau privé » si ce récepteur est bien chez vous.",
      de: '{host} führt zur Adresse {address} eines privaten oder lokalen Netzes. Kreuzen Sie «Privates Netz zulassen» an, wenn dieser Empfänger wirklich bei Ihnen steht.',
      en: '{host} leads to {address}, an address of a private or local network. Tick “Allow the private network” if this receiver is indeed yours.',
    },
  },
} satisfies Record<string, ErrorEntry>;
