import { z } from 'zod';
import { formatHoursMinutes } from '../../domain/flex/index';
import { defineTemplate } from './types';

/** R12: the company's Flex balance has just fallen below its contract's threshold (to managers). */
export default defineTemplate({
  name: 'flex.low_balance',
  audience: 'account',
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
        text: `Le solde de votre contrat Flex est passé sous le seuil d'alerte de ${formatHoursMinutes(p.thresholdMinutes)}.`,
      },
      {
        kind: 'facts',
        rows: [
          ['Société', p.companyName],
          ['Contrat', p.contractReference],
          ['Solde actuel', formatHoursMinutes(p.balanceMinutes)],
        ],
      },
      {
        kind: 'p',
        text: 'Pour continuer à faire réaliser de petites évolutions, contactez le Customer Services afin de recharger votre contrat.',
      },
    ],
  },
  de: {
    subject: (p) => `Tiefes Flex-Guthaben${p.companyName ? ` – ${p.companyName}` : ''}`,
    body: (p) => [
      { kind: 'p', text: p.name ? `Guten Tag ${p.name}` : 'Guten Tag' },
      {
        kind: 'p',
        text: `Das Guthaben Ihres Flex-Vertrags ist unter die Warnschwelle von ${formatHoursMinutes(p.thresholdMinutes)} gefallen.`,
      },
      {
        kind: 'facts',
        rows: [
          ['Firma', p.companyName],
          ['Vertrag', p.contractReference],
          ['Aktuelles Guthaben', formatHoursMinutes(p.balanceMinutes)],
        ],
      },
      {
        kind: 'p',
        text: 'Um weiterhin kleine Weiterentwicklungen umsetzen zu lassen, kontaktieren Sie die Customer Services, um Ihren Vertrag aufzuladen.',
      },
    ],
  },
  en: {
    subject: (p) => `Low Flex balance${p.companyName ? ` – ${p.companyName}` : ''}`,
    body: (p) => [
      { kind: 'p', text: p.name ? `Hello ${p.name},` : 'Hello,' },
      {
        kind: 'p',
        text: `The balance of your Flex contract has fallen below the warning threshold of ${formatHoursMinutes(p.thresholdMinutes)}.`,
      },
      {
        kind: 'facts',
        rows: [
          ['Company', p.companyName],
          ['Contract', p.contractReference],
          ['Current balance', formatHoursMinutes(p.balanceMinutes)],
        ],
      },
      {
        kind: 'p',
        text: 'To keep having small evolutions made, contact Customer Services to top up your contract.',
      },
    ],
  },
});
