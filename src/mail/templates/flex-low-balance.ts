import { z } from 'zod';
import { formatDuration } from '../../i18n/format';
import { defineTemplate } from './types';

/** R12: the company's Flex balance has just fallen below its contract's threshold (to managers). */
export default defineTemplate({
  name: 'flex.low_balance',
  audience: 'account',
  footer: 'automatic',
  autoSubmitted: 'auto-generated',
  params: z.object({
    companyId: z.string(),
    companyName: z.string().default(''),
    contractReference: z.string().default(''),
    balanceMinutes: z.number().int(),
    thresholdMinutes: z.number().int(),
    name: z.string().default(''),
  }),
  sample: {
    companyId: '00000000-0000-4000-8000-000000000000',
    companyName: 'Muster AG',
    contractReference: 'FLEX-2026-01',
    balanceMinutes: 450,
    thresholdMinutes: 600,
    name: 'Marie Muster',
  },
  fr: {
    subject: (p) => `Solde Flex bas${p.companyName ? ` – ${p.companyName}` : ''}`,
    body: (p) => [
      { kind: 'p', text: p.name ? `Bonjour ${p.name},` : 'Bonjour,' },
      {
        kind: 'p',
        text: `Le solde de votre contrat Flex est passé sous le seuil d'alerte de ${formatDuration(p.thresholdMinutes, 'fr')}.`,
      },
      {
        kind: 'facts',
        rows: [
          ['Société', p.companyName],
          ['Contrat', p.contractReference],
          ['Solde actuel', formatDuration(p.balanceMinutes, 'fr')],
        ],
      },
      {
        kind: 'p',
        text: 'Pour continuer à faire réaliser de petites évolutions, contactez le support pour recharger votre contrat.',
      },
    ],
  },
  de: {
    subject: (p) => `Tiefes Flex-Guthaben${p.companyName ? ` – ${p.companyName}` : ''}`,
    body: (p) => [
      { kind: 'p', text: p.name ? `Guten Tag ${p.name}` : 'Guten Tag' },
      {
        kind: 'p',
        text: `Das Guthaben Ihres Flex-Vertrags ist unter die Warnschwelle von ${formatDuration(p.thresholdMinutes, 'de')} gefallen.`,
      },
      {
        kind: 'facts',
        rows: [
          ['Firma', p.companyName],
          ['Vertrag', p.contractReference],
          ['Aktuelles Guthaben', formatDuration(p.balanceMinutes, 'de')],
        ],
      },
      {
        kind: 'p',
        text: 'Um weiterhin kleine Weiterentwicklungen umsetzen zu lassen, wenden Sie sich an den Support, um Ihr Guthaben aufzuladen.',
      },
    ],
  },
  en: {
    subject: (p) => `Low Flex balance${p.companyName ? ` – ${p.companyName}` : ''}`,
    body: (p) => [
      { kind: 'p', text: p.name ? `Hello ${p.name},` : 'Hello,' },
      {
        kind: 'p',
        text: `The balance of your Flex contract has fallen below the warning threshold of ${formatDuration(p.thresholdMinutes, 'en')}.`,
      },
      {
        kind: 'facts',
        rows: [
          ['Company', p.companyName],
          ['Contract', p.contractReference],
          ['Current balance', formatDuration(p.balanceMinutes, 'en')],
        ],
      },
      {
        kind: 'p',
        text: 'To keep having small evolutions made, contact Customer Services to top up your contract.',
      },
    ],
  },
});
