import { zurichLocalString } from '../../domain/calendar/zurich-time';
import { type CsvCell, csvDocument } from '../../domain/csv';
import type { Language } from '../../i18n/language';
import { criticalityLabels, statusLabels } from '../../i18n/ticket-labels';
import type { Actor, AppContext } from '../context';
import { authorize, policy } from '../policy';
import { type ListTicketsInput, listTickets } from './list-tickets';

/** The most rows one export holds: a queue larger than this is narrowed by its filters first. */
export const EXPORT_MAX_ROWS = 10_000;

const headers: Record<Language, string[]> = {
  fr: [
    'Clé',
    'Sujet',
    'Entreprise',
    'Statut',
    'Criticité',
    'Responsable',
    'SLA',
    'Créé le',
    'Modifié le',
    'Échéance prise en charge',
    'Échéance résolution',
  ],
  de: [
    'Schlüssel',
    'Betreff',
    'Firma',
    'Status',
    'Kritikalität',
    'Verantwortlich',
    'SLA',
    'Erstellt',
    'Geändert',
    'Fällig Übernahme',
    'Fällig Lösung',
  ],
  en: [
    'Key',
    'Subject',
    'Company',
    'Status',
    'Criticality',
    'Assignee',
    'SLA',
    'Created',
    'Updated',
    'Engagement due',
    'Resolution due',
  ],
};

const slaLabels: Record<string, Record<Language, string>> = {
  on_track: { fr: 'Dans les temps', de: 'Im Plan', en: 'On track' },
  at_risk: { fr: 'À risque', de: 'Gefährdet', en: 'At risk' },
  breached: { fr: 'Dépassé', de: 'Überschritten', en: 'Breached' },
};

/** `2026-12-01 21:09` in Zurich time: a form every spreadsheet reads as a date. */
const when = (d: Date | null): CsvCell => (d ? { raw: zurichLocalString(d) } : '');

/**
 * Staff: the queue as it is shown (same filters, same sort) as a spreadsheet, every page of it, in
 * the reader's language; free text goes through the one CSV module, which neutralises formulas.
 */
export async function exportTicketsCsv(
  ctx: AppContext,
  actor: Actor,
  input: Omit<ListTicketsInput, 'cursor' | 'limit'>,
  language: Language,
): Promise<{ filename: string; content: string }> {
  authorize(policy.workAsStaff(actor));
  const lines: CsvCell[][] = [headers[language]];
  let cursor: string | undefined;
  do {
    const page = await listTickets(ctx, actor, { ...input, limit: 100, ...(cursor ? { cursor } : {}) });
    for (const t of page.items) {
      lines.push([
        t.key,
        t.subject,
        t.companyName,
        statusLabels[t.status][language],
        criticalityLabels[t.criticality][language],
        t.assignee?.name ?? '',
        t.slaState ? (slaLabels[t.slaState]?.[language] ?? t.slaState) : '',
        when(t.createdAt),
        when(t.updatedAt),
        when(t.engagementDueAt),
        when(t.resolutionDueAt),
      ]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && lines.length <= EXPORT_MAX_ROWS);
  const stamp = zurichLocalString(ctx.clock.now()).slice(0, 10);
  return { filename: `tickets_${stamp}.csv`, content: csvDocument(lines.slice(0, EXPORT_MAX_ROWS + 1)) };
}
