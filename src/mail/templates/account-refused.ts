import { z } from 'zod';
import { defineTemplate } from './types';

/** R13: the request was refused, with the reason when staff gave one. */
export default defineTemplate({
  name: 'account.refused',
  audience: 'account',
  footer: 'automatic',
  autoSubmitted: 'auto-generated',
  params: z.object({ name: z.string(), reason: z.string().nullish() }),
  sample: { name: 'Marie Muster', reason: 'Adresse inconnue <chez nous>' },
  fr: {
    subject: () => "Votre demande de compte n'a pas été acceptée",
    body: (p) => [
      { kind: 'p', text: `Bonjour ${p.name},` },
      { kind: 'p', text: "Votre demande de compte sur le portail de support n'a pas été acceptée." },
      ...(p.reason ? [{ kind: 'quote' as const, text: p.reason }] : []),
      {
        kind: 'p',
        text: "Si vous pensez qu'il s'agit d'une erreur, adressez-vous au responsable de votre société ou à votre interlocuteur habituel.",
      },
    ],
  },
  de: {
    subject: () => 'Ihr Kontoantrag wurde nicht angenommen',
    body: (p) => [
      { kind: 'p', text: `Guten Tag ${p.name}` },
      { kind: 'p', text: 'Ihr Kontoantrag für das Support-Portal wurde nicht angenommen.' },
      ...(p.reason ? [{ kind: 'quote' as const, text: p.reason }] : []),
      {
        kind: 'p',
        text: 'Falls Sie dies für einen Irrtum halten, wenden Sie sich an die verantwortliche Person Ihrer Firma oder an Ihre gewohnte Ansprechperson.',
      },
    ],
  },
  en: {
    subject: () => 'Your account request was not approved',
    body: (p) => [
      { kind: 'p', text: `Hello ${p.name},` },
      { kind: 'p', text: 'Your request for an account on the support portal was not approved.' },
      ...(p.reason ? [{ kind: 'quote' as const, text: p.reason }] : []),
      {
        kind: 'p',
        text: "If you think this is a mistake, please contact your company's manager or your usual contact person.",
      },
    ],
  },
});
