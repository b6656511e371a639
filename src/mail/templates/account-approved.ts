import { z } from 'zod';
import { formatDateTime } from '../../i18n/format';
import { defineTemplate } from './types';

/** R13: the account exists; the person chooses a password through a one-time link. */
export default defineTemplate({
  name: 'account.approved',
  audience: 'account',
  footer: 'automatic',
  autoSubmitted: 'auto-generated',
  params: z.object({ name: z.string(), link: z.string(), expiresAt: z.string() }),
  sample: {
    name: 'Marie Muster',
    link: 'http://localhost:3000/set-password?token=abc&x=1',
    expiresAt: '2026-03-05T09:00:00.000Z',
  },
  fr: {
    subject: () => 'Votre compte est ouvert : choisissez votre mot de passe',
    body: (p) => [
      { kind: 'p', text: `Bonjour ${p.name},` },
      {
        kind: 'p',
        text: 'Votre demande de compte sur le portail de support a été acceptée. Choisissez votre mot de passe pour vous connecter.',
      },
      { kind: 'action', label: 'Choisir mon mot de passe', url: p.link },
      {
        kind: 'p',
        text: `Ce lien ne peut être utilisé qu'une fois et reste valable jusqu'au ${formatDateTime(p.expiresAt, 'fr')}.`,
      },
    ],
  },
  de: {
    subject: () => 'Ihr Konto ist eröffnet: Wählen Sie Ihr Passwort',
    body: (p) => [
      { kind: 'p', text: `Guten Tag ${p.name}` },
      {
        kind: 'p',
        text: 'Ihr Kontoantrag für das Support-Portal wurde angenommen. Wählen Sie Ihr Passwort, um sich anzumelden.',
      },
      { kind: 'action', label: 'Passwort wählen', url: p.link },
      {
        kind: 'p',
        text: `Dieser Link kann nur einmal verwendet werden und ist gültig bis ${formatDateTime(p.expiresAt, 'de')}.`,
      },
    ],
  },
  en: {
    subject: () => 'Your account is open: choose your password',
    body: (p) => [
      { kind: 'p', text: `Hello ${p.name},` },
      {
        kind: 'p',
        text: 'Your request for an account on the support portal has been approved. Choose your password to sign in.',
      },
      { kind: 'action', label: 'Choose my password', url: p.link },
      {
        kind: 'p',
        text: `This link works only once and is valid until ${formatDateTime(p.expiresAt, 'en')}.`,
      },
    ],
  },
});
