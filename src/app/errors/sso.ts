import type { ErrorEntry } from './types';

/** Staff sign-in through the organisation's identity provider (OpenID Connect). */
export const ssoErrors = {
  sso_not_configured: {
    status: 404,
    message: {
      fr: "La connexion par le fournisseur d'identité de l'entreprise n'est pas configurée.",
      de: 'Die Anmeldung über den Identitätsanbieter des Unternehmens ist nicht eingerichtet.',
      en: "Sign-in through the organisation's identity provider is not configured.",
    },
  },
  sso_provider_unreachable: {
    status: 503,
    message: {
      fr: "Le fournisseur d'identité ne répond pas. Réessayez dans quelques minutes ; si cela persiste, prévenez l'administrateur.",
      de: 'Der Identitätsanbieter antwortet nicht. Versuchen Sie es in einigen Minuten erneut; falls es anhält, benachrichtigen Sie den Administrator.',
      en: 'The identity provider does not answer. Try again in a few minutes; if it persists, tell the administrator.',
    },
  },
  sso_failed: {
    status: 401,
    message: {
      fr: 'La connexion par le fournisseur d’identité a échoué ou a expiré. Recommencez depuis cette page.',
      de: 'Die Anmeldung über den Identitätsanbieter ist fehlgeschlagen oder abgelaufen. Beginnen Sie auf dieser Seite neu.',
      en: 'Sign-in through the identity provider failed or expired. Start again from this page.',
    },
  },
  sso_email_missing: {
    status: 403,
    message: {
      fr: "Le fournisseur d'identité n'a pas transmis d'adresse e-mail : l'accès est refusé.",
      de: 'Der Identitätsanbieter hat keine E-Mail-Adresse übermittelt: Der Zugang wird verweigert.',
      en: 'The identity provider sent no e-mail address: access is refused.',
    },
  },
  sso_email_unverified: {
    status: 403,
    message: {
      fr: "Le fournisseur d'identité n'a pas vérifié votre adresse e-mail : l'accès est refusé.",
      de: 'Der Identitätsanbieter hat Ihre E-Mail-Adresse nicht bestätigt: Der Zugang wird verweigert.',
      en: 'The identity provider has not verified your e-mail address: access is refused.',
    },
  },
  sso_domain_not_allowed: {
    status: 403,
    message: {
      fr: "Les adresses de ce domaine ne sont pas admises à se connecter par le fournisseur d'identité. Utilisez votre compte du personnel, ou connectez-vous avec votre adresse e-mail et votre mot de passe.",
      de: 'Adressen dieser Domain dürfen sich nicht über den Identitätsanbieter anmelden. Verwenden Sie Ihr Mitarbeiterkonto oder melden Sie sich mit E-Mail-Adresse und Passwort an.',
      en: 'Addresses of this domain may not sign in through the identity provider. Use your staff account, or sign in with your e-mail address and password.',
    },
  },
  sso_no_role: {
    status: 403,
    message: {
      fr: "Votre compte n'appartient à aucun groupe donnant accès au portail. Demandez à votre administrateur de vous ajouter au groupe des agents ou des administrateurs.",
      de: 'Ihr Konto gehört zu keiner Gruppe, die Zugang zum Portal gibt. Bitten Sie Ihren Administrator, Sie der Gruppe der Agenten oder der Administratoren hinzuzufügen.',
      en: 'Your account belongs to no group that gives access to the portal. Ask your administrator to add you to the agents’ or administrators’ group.',
    },
  },
  sso_not_staff: {
    status: 403,
    message: {
      fr: 'Cette adresse est celle d’un compte client : connectez-vous avec votre adresse e-mail et votre mot de passe.',
      de: 'Diese Adresse gehört zu einem Kundenkonto: Melden Sie sich mit E-Mail-Adresse und Passwort an.',
      en: 'This address belongs to a customer account: sign in with your e-mail address and password.',
    },
  },
  sso_account_disabled: {
    status: 403,
    message: {
      fr: 'Votre compte du portail est désactivé. Adressez-vous à un administrateur.',
      de: 'Ihr Portalkonto ist deaktiviert. Wenden Sie sich an einen Administrator.',
      en: 'Your portal account is disabled. Contact an administrator.',
    },
  },
  staff_password_disabled: {
    status: 403,
    message: {
      fr: "Le personnel se connecte par le fournisseur d'identité de l'entreprise : utilisez le bouton « Se connecter avec {provider} ».",
      de: 'Mitarbeitende melden sich über den Identitätsanbieter des Unternehmens an: Verwenden Sie die Schaltfläche «Anmelden mit {provider}».',
      en: 'Staff sign in through the organisation’s identity provider: use the “Sign in with {provider}” button.',
    },
  },
} satisfies Record<string, ErrorEntry>;

/** The refusals the sign-in page may be sent back with, in `?sso_error=`. */
export const ssoErrorCodes = [
  'sso_provider_unreachable',
  'sso_failed',
  'sso_email_missing',
  'sso_email_unverified',
  'sso_domain_not_allowed',
  'sso_no_role',
  'sso_not_staff',
  'sso_account_disabled',
  'sso_not_configured',
] as const satisfies readonly (keyof typeof ssoErrors)[];
export type SsoErrorCode = (typeof ssoErrorCodes)[number];
