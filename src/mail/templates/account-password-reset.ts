import { z } from 'zod';
import { formatDateTime } from '../../i18n/format';
import { defineTemplate } from './types';

/** R13: a link to choose a new password, asked for on the sign-in page. */
export default defineTemplate({
  name: 'account.password_reset',
  audience: 'account',
  footer: 'automatic',
  autoSubmitted: 'auto-generated',
  params: z.object({ name: z.string(), link: z.string(), expiresAt: z.string() }),
  sample: {
    name: 'Marie Muster',
    link: 'http://localhost:3000/reset-password?token=abc',
    expiresAt: '2026-03-02T10:00:00.000Z',
  },
  fr: {
    subject: () => 'Réinitialisation de votre mot de passe',
    body: (p) => [
      { kind: 'p', text: `Bonjour ${p.name},` },
      {
        kind: 'p',
        text: 'Une réinitialisation du mot de passe de votre compte a été demandée. Pour choisir un nouveau mot de passe, utilisez le lien ci-dessous.',
      },
      { kind: 'action', label: 'Choisir un nouveau mot de passe', url: p.link },
      {
        kind: 'p',
        text: `Ce lien ne peut être utilisé qu'une fois et reste valable jusqu'au ${formatDateTime(p.expiresAt, 'fr')}. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.`,
      },
    ],
  },
  de: {
    subject: () => 'Zurücksetzen Ihres Passworts',
    body: (p) => [
      { kind: 'p', text: `Guten Tag ${p.name}` },
      {
        kind: 'p',
        text: 'Für Ihr Konto wurde das Zurücksetzen des Passworts verlangt. Über den folgenden Link wählen Sie ein neues Passwort.',
      },
      { kind: 'action', label: 'Neues Passwort wählen', url: p.link },
      {
        kind: 'p',
        text: `Dieser Link kann nur einmal verwendet werden und ist gültig bis ${formatDateTime(p.expiresAt, 'de')}. Falls Sie nichts verlangt haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.`,
      },
    ],
  },
  en: {
    subject: () => 'Resetting your password',
    body: (p) => [
      { kind: 'p', text: `Hello ${p.name},` },
      {
        kind: 'p',
        text: 'Someone asked to reset the password of your account. Use the link below to choose a new password.',
      },
      { kind: 'action', label: 'Choose a new password', url: p.link },
      {
        kind: 'p',
        text: `This link works only once and is valid until ${formatDateTime(p.expiresAt, 'en')}. If you did not ask for this, ignore this message: your password stays unchanged.`,
      },
    ],
  },
});
