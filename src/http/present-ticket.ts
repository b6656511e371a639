import type { Actor } from '../app/context';
import type { TicketDetail } from '../app/tickets/get-ticket';
import type { WaitingSchedule } from '../app/tickets/waiting-schedule';
import { STATUS_INFO } from '../domain/tickets/index';
import type { Language } from '../i18n/language';
import { closeReasonLabels, criticalityLabels, statusLabels, statusNextSteps } from '../i18n/ticket-labels';
import { renderRichText } from '../rich-text/render';
import { iso } from './present';

/** The allow-list of what leaves the server about a ticket. */
export function presentTicket(detail: TicketDetail, actor: Actor, language: Language) {
  const { ticket } = detail;
  const status = STATUS_INFO[ticket.status];
  return {
    id: ticket.id,
    key: ticket.key,
    desk: ticket.desk,
    status: ticket.status,
    statusLabel: statusLabels[ticket.status][language],
    nextStep: statusNextSteps[ticket.status][language],
    nextActor: status.nextActor,
    criticality: ticket.criticality,
    criticalityLabel: criticalityLabels[ticket.criticality][language],
    subject: ticket.subject,
    description: ticket.description,
    descriptionFormat: ticket.descriptionFormat,
    descriptionHtml: renderRichText({ body: ticket.description, format: ticket.descriptionFormat }),
    softwareVersion: ticket.softwareVersion,
    societe: ticket.societe,
    module: ticket.module,
    company: { id: ticket.companyId, name: detail.companyName },
    requestType: detail.requestType
      ? {
          id: detail.requestType.id,
          code: detail.requestType.code,
          name: {
            fr: detail.requestType.nameFr,
            de: detail.requestType.nameDe,
            en: detail.requestType.nameEn,
          }[language],
        }
      : null,
    project: detail.project,
    creator: detail.creator ? { id: detail.creator.id, name: detail.creator.name } : null,
    assignee: detail.assignee ? { id: detail.assignee.id, name: detail.assignee.name } : null,
    rpcReference: ticket.rpcReference,
    spcReference: ticket.spcReference,
    closeReason: ticket.closeReason,
    closeReasonLabel: ticket.closeReason ? closeReasonLabels[ticket.closeReason][language] : null,
    linkedTicketId: ticket.linkedTicketId,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    qualifiedAt: iso(ticket.qualifiedAt),
    closedAt: iso(ticket.closedAt),
    engagementDueAt: iso(ticket.engagementDueAt),
    resolutionDueAt: iso(ticket.resolutionDueAt),
    abilities: detail.abilities,
    watching: detail.watching,
    waitingSchedule: presentWaitingSchedule(detail.waitingSchedule),
    ...(actor.role === 'customer'
      ? {}
      : { staff: { lastCustomerActivityAt: iso(ticket.lastCustomerActivityAt), slaState: ticket.slaState } }),
  };
}

function presentWaitingSchedule(schedule: WaitingSchedule | null) {
  if (!schedule) return null;
  const reminder = (r: WaitingSchedule['reminder1']) => ({ at: r.at.toISOString(), sent: r.sent });
  return {
    reminder1: reminder(schedule.reminder1),
    reminder2: reminder(schedule.reminder2),
    closeAt: iso(schedule.closeAt),
  };
}
