import type { ErrorEntry } from './types';

/** Two-factor sign-in: authenticator apps, recovery codes and passkeys. */
export const twoFactorErrors = {
  second_factor_invalid: {
    status: 401,
    message: {
      fr: 'Ce code n’est pas valable. Saisissez le code à 6 chiffres affiché maintenant par votre application, ou un code de secours non utilisé.',
      de: 'Dieser Code ist ungültig. Geben Sie den 6-stelligen Code ein, den Ihre App jetzt anzeigt, oder einen unbenutzten Wiederherstellungscode.',
      en: 'This code is not valid. Enter the 6-digit code your app shows now, or an unused recovery code.',
    },
  },
  sign_in_challenge_expired: {
    status: 401,
    message: {
      fr: 'Cette connexion a expiré. Saisissez à nouveau votre adresse e-mail et votre mot de passe.',
      de: 'Diese Anmeldung ist abgelaufen. Geben Sie Ihre E-Mail-Adresse und Ihr Passwort erneut ein.',
      en: 'This sign-in has expired. Enter your e-mail address and password again.',
    },
  },
  totp_already_enabled: {
    status: 409,
    message: {
      fr: 'Une application d’authentification est déjà configurée. Désactivez-la d’abord pour en configurer une autre.',
      de: 'Eine Authentifizierungs-App ist bereits eingerichtet. Deaktivieren Sie sie zuerst, um eine andere einzurichten.',
      en: 'An authenticator app is already set up. Turn it off first to set up another one.',
    },
  },
  totp_enrolment_missing: {
    status: 409,
    message: {
      fr: 'Aucune configuration d’application d’authentification n’est en cours. Recommencez la configuration.',
      de: 'Es wird gerade keine Authentifizierungs-App eingerichtet. Beginnen Sie die Einrichtung von vorn.',
      en: 'No authenticator app is being set up. Start the set-up again.',
    },
  },
  totp_not_enabled: {
    status: 409,
    message: {
      fr: 'Aucune application d’authentification n’est configurée pour ce compte.',
      de: 'Für dieses Konto ist keine Authentifizierungs-App eingerichtet.',
      en: 'No authenticator app is set up for this account.',
    },
  },
  two_factor_required: {
    status: 409,
    message: {
      fr: 'La validation en deux étapes est obligatoire pour le personnel : gardez au moins une méthode (application ou clé d’accès).',
      de: 'Die Zwei-Faktor-Anmeldung ist für Mitarbeitende Pflicht: Behalten Sie mindestens eine Methode (App oder Passkey).',
      en: 'Two-step sign-in is required for staff: keep at least one method (app or passkey).',
    },
  },
  two_factor_self_first: {
    status: 409,
    message: {
      fr: 'Configurez d’abord la validation en deux étapes pour votre propre compte (page Profil), puis rendez-la obligatoire.',
      de: 'Richten Sie zuerst die Zwei-Faktor-Anmeldung für Ihr eigenes Konto ein (Seite Profil) und machen Sie sie dann zur Pflicht.',
      en: 'Set up two-step sign-in for your own account first (Profile page), then make it required.',
    },
  },
  passkey_invalid: {
    status: 401,
    message: {
      fr: 'La clé d’accès n’a pas pu être vérifiée. Réessayez, ou utilisez votre application ou un code de secours.',
      de: 'Der Passkey konnte nicht geprüft werden. Versuchen Sie es erneut oder verwenden Sie Ihre App oder einen Wiederherstellungscode.',
      en: 'The passkey could not be verified. Try again, or use your app or a recovery code.',
    },
  },
  passkey_registration_failed: {
    status: 400,
    message: {
      fr: 'La clé d’accès n’a pas pu être enregistrée. Recommencez depuis le début.',
      de: 'Der Passkey konnte nicht gespeichert werden. Beginnen Sie von vorn.',
      en: 'The passkey could not be registered. Start again.',
    },
  },
  passkey_not_found: {
    status: 404,
    message: {
      fr: 'Cette clé d’accès n’existe pas ou a déjà été supprimée.',
      de: 'Dieser Passkey existiert nicht oder wurde bereits entfernt.',
      en: 'This passkey does not exist or was already removed.',
    },
  },
} satisfies Record<string, ErrorEntry>;
