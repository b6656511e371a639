import { z } from 'zod';
import type { Language } from '../../i18n/language';
import { criticalityLabels, label } from './labels';
import type { Block } from './types';
import { defineTemplate } from './types';

const params = z.object({
  companyName: z.string(),
  month: z.string(),
  tickets: z.number().int(),
  rows: z.array(
    z.object({
      criticality: z.string(),
      tickets: z.number().int(),
      met: z.number().int(),
      breached: z.number().int(),
    }),
  ),
  url: z.string(),
});
type Params = z.infer<typeof params>;

const words = {
  fr: {
    subject: 'Rapport SLA {month} : {company}',
    intro:
      'Voici le rapport mensuel de nos engagements de délai pour {company}, {month} : {tickets} demande(s) ouverte(s).',
    row: '{tickets} demande(s), {met} résolue(s) dans les délais, {breached} dépassement(s)',
    action: 'Ouvrir le rapport complet',
  },
  de: {
    subject: 'SLA-Bericht {month}: {company}',
    intro:
      'Hier ist der Monatsbericht unserer Fristzusagen für {company}, {month}: {tickets} eröffnete Anfrage(n).',
    row: '{tickets} Anfrage(n), {met} fristgerecht gelöst, {breached} Überschreitung(en)',
    action: 'Vollständigen Bericht öffnen',
  },
  en: {
    subject: 'SLA report {month}: {company}',
    intro:
      'Here is the monthly report of our time commitments for {company}, {month}: {tickets} request(s) opened.',
    row: '{tickets} request(s), {met} resolved in time, {breached} breach(es)',
    action: 'Open the full report',
  },
} satisfies Record<Language, Record<string, string>>;

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

function version(language: Language) {
  const w = words[language];
  return {
    subject: (p: Params) => fill(w.subject, { month: p.month, company: p.companyName }),
    body: (p: Params): Block[] => [
      { kind: 'p', text: fill(w.intro, { company: p.companyName, month: p.month, tickets: p.tickets }) },
      {
        kind: 'facts',
        rows: p.rows.map((row) => [label(criticalityLabels, row.criticality, language), fill(w.row, row)]),
      },
      { kind: 'action', label: w.action, url: p.url },
    ],
  };
}

/** A company's SLA month, mailed by staff to the company's managers. */
export default defineTemplate({
  name: 'sla.monthly-report',
  audience: 'account',
  autoSubmitted: 'auto-generated',
  params,
  sample: {
    companyName: 'Muster AG',
    month: '2026-03',
    tickets: 3,
    rows: [{ criticality: 'haute', tickets: 3, met: 2, breached: 1 }],
    url: 'http://localhost:3000/sla-report?month=2026-03',
  },
  fr: version('fr'),
  de: version('de'),
  en: version('en'),
});
