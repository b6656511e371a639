/**
 * What a person is told about a ticket's SLA (R7): staff see the clocks in full (targets, due
 * times, business minutes used and left, at-risk, pauses); customers see the commitment, its due
 * time and a sentence in their language.
 */
import type { ClockExplanation, SlaClockReport, SlaReport, SlaTargets } from '../../domain/sla/index';
import { type TicketSlaState, ticketSlaState } from '../../domain/sla/index';
import type { TicketStatus } from '../../domain/tickets/index';
import { formatBusinessDuration, formatDateTimeWithWeekday } from '../../i18n/format';
import type { Language } from '../../i18n/language';
import { interpolate } from '../../i18n/language';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { loadTicketFor } from '../tickets/scope';
import { evaluateTicketSla } from './ticket-sla';

export interface StaffTicketSla {
  view: 'staff';
  ticketId: string;
  report: SlaReport;
  targets: SlaTargets;
  contractId: string | null;
  state: TicketSlaState;
  paused: boolean;
  computedAt: Date;
  /** Why each due time is what it is, also for ended clocks. */
  explanations: SlaExplanations;
}

export interface SlaExplanations {
  engagement: ClockExplanation | null;
  resolution: ClockExplanation | null;
}

export interface CustomerCommitment {
  commitment: string;
  dueAt: Date | null;
  met: boolean;
}

export interface CustomerTicketSla {
  view: 'customer';
  ticketId: string;
  applicable: boolean;
  engagement: CustomerCommitment | null;
  resolution: CustomerCommitment | null;
  paused: boolean;
  explanation: string;
  /** Why each due time shown is what it is: the clocks still counting, and those breached. */
  explanations: SlaExplanations;
}

/** The SLA of a ticket the actor may see (404 otherwise), as of now, in the actor's view. */
export async function getTicketSla(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
  language: Language = actor.language,
): Promise<StaffTicketSla | CustomerTicketSla> {
  await loadTicketFor(ctx.db, actor, ticketId);
  const now = ctx.clock.now();
  const evaluation = await evaluateTicketSla(ctx.db, ticketId, now, { explainIn: language });
  if (!evaluation) throw new AppError('not_found');
  const { report, targets, contractId, ticket } = evaluation;
  const explanations = evaluation.explanations ?? { engagement: null, resolution: null };
  const pause = report.pauses.at(-1);
  const pausedNow = pause !== undefined && pause.to === null && report.applicable;
  if (actor.role !== 'customer') {
    return {
      view: 'staff',
      ticketId,
      report,
      targets,
      contractId,
      state: ticketSlaState(report),
      paused: pausedNow,
      computedAt: now,
      explanations,
    };
  }
  if (!report.applicable) {
    return {
      view: 'customer',
      ticketId,
      applicable: false,
      engagement: null,
      resolution: null,
      paused: false,
      explanation: sentences.noSla[language],
      explanations: { engagement: null, resolution: null },
    };
  }
  return {
    view: 'customer',
    ticketId,
    applicable: true,
    engagement: commitment('engagement', report.engagement, language),
    resolution: commitment('resolution', report.resolution, language),
    paused: pausedNow,
    explanation: explain(report, ticket.status, pausedNow ? pause?.reason : undefined, language),
    explanations: {
      engagement: shownToCustomers(explanations.engagement),
      resolution: shownToCustomers(explanations.resolution),
    },
  };
}

/** Customers see the explanation of a due time they are shown, and of a breach. */
function shownToCustomers(explanation: ClockExplanation | null): ClockExplanation | null {
  if (!explanation) return null;
  return ['running', 'paused', 'breached'].includes(explanation.state) ? explanation : null;
}

function commitment(
  clock: 'engagement' | 'resolution',
  report: SlaClockReport,
  language: Language,
): CustomerCommitment {
  const duration = formatBusinessDuration(report.targetMinutes ?? 0, language);
  return {
    commitment: interpolate(sentences[clock][language], { duration }),
    dueAt: report.state === 'stopped' ? null : report.dueAt,
    met: report.state === 'met',
  };
}

function explain(
  report: SlaReport,
  status: TicketStatus,
  pausedFor: TicketStatus | undefined,
  language: Language,
): string {
  const { engagement, resolution } = report;
  if (status === 'closed') return sentences.closed[language];
  if (resolution.state === 'stopped') return sentences.transferred[language];
  if (pausedFor === 'waiting_customer') return sentences.pausedCustomer[language];
  if (pausedFor) return sentences.pausedDevelopment[language];
  const ended = engagement.metAt !== null || engagement.stoppedAt !== null;
  if (!ended) {
    if (engagement.state === 'breached') return sentences.engagementLate[language];
    return interpolate(sentences.engagementDue[language], { due: formatInstant(engagement.dueAt, language) });
  }
  if (resolution.state === 'breached') return sentences.resolutionLate[language];
  return interpolate(sentences.resolutionDue[language], { due: formatInstant(resolution.dueAt, language) });
}

/** "lundi 2 mars 2026 à 10:00", Zurich time, in a sentence the customer reads. */
export function formatInstant(instant: Date | null, language: Language): string {
  return instant ? formatDateTimeWithWeekday(instant, language, { long: true }) : '';
}

const sentences = {
  engagement: {
    fr: 'Prise en charge sous {duration}',
    de: 'Übernahme innert {duration}',
    en: 'Taken in charge within {duration}',
  },
  resolution: {
    fr: 'Résolution sous {duration}',
    de: 'Lösung innert {duration}',
    en: 'Resolution within {duration}',
  },
  noSla: {
    fr: 'Ce type de demande n’est pas soumis à un engagement de délai.',
    de: 'Für diesen Anfragetyp gilt keine Fristzusage.',
    en: 'This type of request comes with no time commitment.',
  },
  closed: {
    fr: 'Cette demande est fermée.',
    de: 'Diese Anfrage ist geschlossen.',
    en: 'This request is closed.',
  },
  transferred: {
    fr: 'Cette demande a été transmise au Consulting : les délais du support ne s’appliquent plus.',
    de: 'Diese Anfrage wurde an das Consulting übergeben: Die Fristen des Supports gelten nicht mehr.',
    en: 'This request was handed to Consulting: the support time commitments no longer apply.',
  },
  pausedCustomer: {
    fr: 'Les délais sont suspendus en attendant votre réponse ; ils reprennent dès que vous répondez. Les échéances indiquées supposent une réponse maintenant.',
    de: 'Die Fristen ruhen, solange wir auf Ihre Antwort warten; sie laufen weiter, sobald Sie antworten. Die angegebenen Termine gelten bei einer Antwort jetzt.',
    en: 'The time commitments are on hold while we wait for your answer; they resume as soon as you reply. The due times shown assume you reply now.',
  },
  pausedDevelopment: {
    fr: 'Les délais sont suspendus pendant que notre département Développement traite la demande.',
    de: 'Die Fristen ruhen, während unsere Entwicklungsabteilung die Anfrage bearbeitet.',
    en: 'The time commitments are on hold while our Development department works on the request.',
  },
  engagementDue: {
    fr: 'Nous prendrons votre demande en charge au plus tard le {due}.',
    de: 'Wir übernehmen Ihre Anfrage spätestens am {due}.',
    en: 'We will take your request in charge by {due} at the latest.',
  },
  engagementLate: {
    fr: 'Le délai de prise en charge est dépassé : votre demande est traitée en priorité.',
    de: 'Die Übernahmefrist ist überschritten: Ihre Anfrage wird vorrangig behandelt.',
    en: 'The time to take your request in charge has passed: it is being handled with priority.',
  },
  resolutionDue: {
    fr: 'Votre demande est prise en charge ; notre objectif est de la résoudre au plus tard le {due}.',
    de: 'Ihre Anfrage ist in Bearbeitung; unser Ziel ist, sie spätestens am {due} zu lösen.',
    en: 'Your request is being handled; we aim to resolve it by {due} at the latest.',
  },
  resolutionLate: {
    fr: 'Le délai de résolution est dépassé : votre demande est traitée en priorité.',
    de: 'Die Lösungsfrist ist überschritten: Ihre Anfrage wird vorrangig behandelt.',
    en: 'The resolution time has passed: your request is being handled with priority.',
  },
} satisfies Record<string, Record<Language, string>>;
