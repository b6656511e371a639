import { z } from 'zod';
import { formatMonth, plural } from '../../i18n/format';
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
    intro: 'Voici le rapport mensuel de nos engagements de délai pour {company}, {month} : {tickets}.',
    row: '{tickets}, {met}, {breached}',
    action: 'Ouvrir le rapport complet',
  },
  de: {
    subject: 'SLA-Bericht {month}: {company}',
    intro: 'Hier ist der Monatsbericht unserer Fristzusagen für {company}, {month}: {tickets}.',
    row: '{tickets}, {met}, {breached}',
    action: 'Vollständigen Bericht öffnen',
  },
  en: {
    subject: 'SLA report {month}: {company}',
    intro: 'Here is the monthly report of our time commitments for {company}, {month}: {tickets}.',
    row: '{tickets}, {met}, {breached}',
    action: 'Open the full report',
  },
} satisfies Record<Language, Record<string, string>>;

type Forms = { one: string; other: string };
/** The counted nouns, in the right number for each count (Intl plural rules). */
const counted: Record<Language, Record<'opened' | 'tickets' | 'met' | 'breached', Forms>> = {
  fr: {
    opened: { one: 'demande ouverte', other: 'demandes ouvertes' },
    tickets: { one: 'demande', other: 'demandes' },
    met: { one: 'résolue dans les délais', other: 'résolues dans les délais' },
    breached: { one: 'dépassement', other: 'dépassements' },
  },
  de: {
    opened: { one: 'eröffnete Anfrage', other: 'eröffnete Anfragen' },
    tickets: { one: 'Anfrage', other: 'Anfragen' },
    met: { one: 'fristgerecht gelöst', other: 'fristgerecht gelöst' },
    breached: { one: 'Überschreitung', other: 'Überschreitungen' },
  },
  en: {
    opened: { one: 'request opened', other: 'requests opened' },
    tickets: { one: 'request', other: 'requests' },
    met: { one: 'resolved in time', other: 'resolved in time' },
    breached: { one: 'breach', other: 'breaches' },
  },
};

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

function version(language: Language) {
  const w = words[language];
  const c = counted[language];
  return {
    subject: (p: Params) =>
      fill(w.subject, { month: formatMonth(p.month, language), company: p.companyName }),
    body: (p: Params): Block[] => [
      {
        kind: 'p',
        text: fill(w.intro, {
          company: p.companyName,
          month: formatMonth(p.month, language),
          tickets: plural(p.tickets, language, c.opened),
        }),
      },
      {
        kind: 'facts',
        rows: p.rows.map((row) => [
          label(criticalityLabels, row.criticality, language),
          fill(w.row, {
            tickets: plural(row.tickets, language, c.tickets),
            met: plural(row.met, language, c.met),
            breached: plural(row.breached, language, c.breached),
          }),
        ]),
      },
      { kind: 'action', label: w.action, url: p.url },
    ],
  };
}

/** A company's SLA month, mailed by staff to the company's managers. */
export default defineTemplate({
  name: 'sla.monthly-report',
  audience: 'account',
  footer: 'automatic',
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
