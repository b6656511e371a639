import { z } from 'zod';
import { defineTemplate } from './types';

/** To the person who asked for an account (R13): we have it, staff or their manager will decide. */
export default defineTemplate({
  name: 'account.request_received',
  audience: 'account',
  footer: 'automatic',
  autoSubmitted: 'auto-generated',
  params: z.object({ name: z.string(), companyName: z.string().nullish() }),
  sample: { name: 'Marie <Muster>', companyName: 'Acme & Co' },
  fr: {
    subject: () => 'Votre demande de compte a été reçue',
    body: (p) => [
      { kind: 'p', text: `Bonjour ${p.name},` },
      {
        kind: 'p',
        text: `Nous avons bien reçu votre demande de compte sur le portail de support${p.companyName ? ` pour la société ${p.companyName}` : ''}. Elle sera examinée par notre équipe ou par le responsable de votre société ; vous recevrez un e-mail dès qu'elle aura été traitée.`,
      },
    ],
  },
  de: {
    subject: () => 'Ihr Kontoantrag ist eingegangen',
    body: (p) => [
      { kind: 'p', text: `Guten Tag ${p.name}` },
      {
        kind: 'p',
        text: `Wir haben Ihren Antrag auf ein Konto im Support-Portal${p.companyName ? ` für die Firma ${p.companyName}` : ''} erhalten. Er wird von unserem Team oder von der verantwortlichen Person Ihrer Firma geprüft; Sie erhalten eine E-Mail, sobald er bearbeitet ist.`,
      },
    ],
  },
  en: {
    subject: () => 'Your account request has been received',
    body: (p) => [
      { kind: 'p', text: `Hello ${p.name},` },
      {
        kind: 'p',
        text: `We have received your request for an account on the support portal${p.companyName ? ` for ${p.companyName}` : ''}. Our team or your company's manager will review it; you will get an e-mail as soon as it has been handled.`,
      },
    ],
  },
});
