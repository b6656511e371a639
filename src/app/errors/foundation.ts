import type { ErrorEntry } from './types';

export const foundationErrors = {
  validation_failed: {
    status: 400,
    message: {
      fr: 'Certaines informations sont invalides. Vérifiez les champs signalés.',
      de: 'Einige Angaben sind ungültig. Bitte prüfen Sie die markierten Felder.',
      en: 'Some information is invalid. Please check the highlighted fields.',
    },
  },
  malformed_request: {
    status: 400,
    message: {
      fr: 'La requête est mal formée.',
      de: 'Die Anfrage ist fehlerhaft.',
      en: 'The request is malformed.',
    },
  },
  text_contains_nul: {
    status: 400,
    message: {
      fr: 'Le texte contient un caractère nul (code 0), qui n’est pas accepté. Retirez-le et réessayez.',
      de: 'Der Text enthält ein Nullzeichen (Code 0), das nicht zulässig ist. Entfernen Sie es und versuchen Sie es erneut.',
      en: 'The text contains a NUL character (code 0), which is not accepted. Remove it and try again.',
    },
  },
  not_authenticated: {
    status: 401,
    message: {
      fr: 'Veuillez vous connecter.',
      de: 'Bitte melden Sie sich an.',
      en: 'Please sign in.',
    },
  },
  invalid_credentials: {
    status: 401,
    message: {
      fr: 'Adresse e-mail ou mot de passe incorrect.',
      de: 'E-Mail-Adresse oder Passwort ist falsch.',
      en: 'Wrong e-mail address or password.',
    },
  },
  too_many_attempts: {
    status: 429,
    message: {
      fr: 'Trop de tentatives de connexion. Réessayez dans {minutes} minutes.',
      de: 'Zu viele Anmeldeversuche. Versuchen Sie es in {minutes} Minuten erneut.',
      en: 'Too many sign-in attempts. Try again in {minutes} minutes.',
    },
  },
  too_many_requests: {
    status: 429,
    message: {
      fr: 'Trop de requêtes. Réessayez dans un instant.',
      de: 'Zu viele Anfragen. Versuchen Sie es gleich noch einmal.',
      en: 'Too many requests. Try again in a moment.',
    },
  },
  csrf_rejected: {
    status: 403,
    message: {
      fr: 'La requête a été refusée par la protection contre la falsification. Rechargez la page et réessayez.',
      de: 'Die Anfrage wurde vom Fälschungsschutz abgelehnt. Laden Sie die Seite neu und versuchen Sie es erneut.',
      en: 'The request was refused by the forgery protection. Reload the page and try again.',
    },
  },
  forbidden: {
    status: 403,
    message: {
      fr: "Vous n'avez pas le droit d'effectuer cette action.",
      de: 'Sie sind nicht berechtigt, diese Aktion auszuführen.',
      en: 'You are not allowed to do this.',
    },
  },
  not_found: {
    status: 404,
    message: {
      fr: "Ce que vous cherchez n'existe pas ou ne vous est pas accessible.",
      de: 'Das Gesuchte existiert nicht oder ist für Sie nicht zugänglich.',
      en: 'What you are looking for does not exist or is not available to you.',
    },
  },
  token_invalid: {
    status: 400,
    message: {
      fr: "Ce lien n'est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau.",
      de: 'Dieser Link ist nicht mehr gültig (bereits verwendet oder abgelaufen). Fordern Sie einen neuen an.',
      en: 'This link is no longer valid (already used or expired). Ask for a new one.',
    },
  },
  email_taken: {
    status: 409,
    message: {
      fr: 'Un compte existe déjà pour cette adresse e-mail.',
      de: 'Für diese E-Mail-Adresse besteht bereits ein Konto.',
      en: 'An account already exists for this e-mail address.',
    },
  },
  request_already_decided: {
    status: 409,
    message: {
      fr: 'Cette demande de compte a déjà été traitée.',
      de: 'Dieser Kontoantrag wurde bereits bearbeitet.',
      en: 'This account request has already been handled.',
    },
  },
  payload_too_large: {
    status: 413,
    message: {
      fr: 'Le contenu envoyé est trop volumineux.',
      de: 'Der gesendete Inhalt ist zu gross.',
      en: 'What you sent is too large.',
    },
  },
  database_unavailable: {
    status: 503,
    message: {
      fr: 'Le service est momentanément indisponible. Réessayez dans quelques instants ; rien de ce qui a été confirmé n’est perdu.',
      de: 'Der Dienst ist vorübergehend nicht verfügbar. Versuchen Sie es in einigen Augenblicken erneut; nichts Bestätigtes geht verloren.',
      en: 'The service is briefly unavailable. Try again in a few moments; nothing that was confirmed is lost.',
    },
  },
  internal: {
    status: 500,
    message: {
      fr: "Une erreur inattendue s'est produite. Réessayez ; si cela persiste, contactez le support.",
      de: 'Ein unerwarteter Fehler ist aufgetreten. Versuchen Sie es erneut; falls er bestehen bleibt, kontaktieren Sie den Support.',
      en: 'Something unexpected went wrong. Try again; if it persists, contact support.',
    },
  },
} satisfies Record<string, ErrorEntry>;
