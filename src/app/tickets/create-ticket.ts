import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { companies, projects, tickets, users } from '../../db/schema/index';
import type { Criticality, Desk, MessageFormat } from '../../domain/tickets/index';
import type { Actor, AppContext } from '../context';
import type { KnownAtChange } from '../effects';
import { AppError } from '../errors/index';
import { attachFiles, type IncomingFile } from '../files/attach-files';
import { createdTicketDetail, type TicketDetail } from './get-ticket';
import { withInlinePictures } from './inline-pictures';
import { insertTicket } from './insert-ticket';
import { queueReceipt } from './notify';
import { openingReads } from './opening-reads';
import { openingSla } from './opening-sla';
import { recordEvent, type TicketRow } from './record-event';
import { usableRequestType } from './request-type-check';
import { loadTicketFor } from './scope';

export interface CreateTicketInput {
  desk: Desk;
  /** Staff only: the customer company the ticket is opened for (customers open for their own). */
  companyId?: string;
  /** Staff only: the customer user the ticket is opened on behalf of; mails go to them. */
  requesterId?: string;
  /** Required for support tickets. */
  requestTypeId?: string;
  /** Required for consulting requests: an active project of the company. */
  projectId?: string;
  criticality: Criticality;
  subject: string;
  description: string;
  /** How the description is written; 'plain' (the default) is shown exactly as written. */
  descriptionFormat?: MessageFormat;
  softwareVersion?: string;
  societe?: string;
  module?: string;
  /** A closed ticket this one follows up (R10). */
  linkedTicketId?: string;
  /** Attachments (R15), checked and stored in the same transaction. */
  files?: IncomingFile[];
}

/**
 * Opens a support ticket or a consulting request (R1–R4, R15). Everything is checked before the
 * desk counter is taken, and all of it is one transaction: a refusal leaves nothing behind.
 */
export async function createTicket(
  ctx: AppContext,
  actor: Actor,
  input: CreateTicketInput,
): Promise<TicketRow> {
  return (await createTicketDetail(ctx, actor, input)).ticket;
}

/**
 * `createTicket`, returning the new ticket as `getTicket` shows it to the actor, made of what the
 * creation read and wrote: answering the creation reads nothing again.
 */
export async function createTicketDetail(
  ctx: AppContext,
  actor: Actor,
  input: CreateTicketInput,
): Promise<TicketDetail> {
  const byCustomer = actor.role === 'customer';
  const companyId = byCustomer ? actor.companyId : input.companyId;
  if (!companyId) throw new AppError(byCustomer ? 'forbidden' : 'company_required');
  if (byCustomer && input.companyId && input.companyId !== actor.companyId) throw new AppError('not_found');
  const now = ctx.clock.now();

  return ctx.db.transaction(async (tx) => {
    if (!byCustomer) {
      const [company] = await tx
        .select({ id: companies.id })
        .from(companies)
        .where(eq(companies.id, companyId));
      if (!company) throw new AppError('not_found');
    }
    const reads = await openingReads(tx, { companyId, at: now, requestTypeId: input.requestTypeId });
    const { terms } = reads;
    if (!terms) throw new AppError('no_active_maintenance');
    let requestType: TicketDetail['requestType'] = null;
    const countingTypes = new Map<string, boolean>();
    if (input.requestTypeId) {
      const type = await usableRequestType(
        tx,
        { requestTypeId: input.requestTypeId, companyId, byCustomer, now, language: actor.language },
        { type: reads.requestType },
      );
      requestType = {
        id: type.id,
        code: type.code,
        nameFr: type.nameFr,
        nameDe: type.nameDe,
        nameEn: type.nameEn,
      };
      countingTypes.set(type.id, type.countsTowardSla);
    } else if (input.desk === 'support') {
      throw new AppError('request_type_required');
    }
    const requestTypeId = requestType?.id ?? null;
    const projectId = await checkProject(tx, companyId, input);
    const createdBy = byCustomer ? actor.userId : await requester(tx, actor, companyId, input.requesterId);
    if (input.linkedTicketId) {
      const linked = await loadTicketFor(tx, actor, input.linkedTicketId).catch(() => null);
      if (!linked || linked.companyId !== companyId) throw new AppError('linked_ticket_invalid');
    }

    // The new ticket's SLA is computed before it is written, from what was just read: the row
    // goes in with its due times, and the SLA effect neither reads nor computes it again (known).
    const slaInputs = { config: reads.slaConfig, ...terms, countingTypes };
    const opening = openingSla(slaInputs, {
      at: now,
      criticality: input.criticality,
      countsTowardSla:
        input.desk === 'support' && requestTypeId !== null && countingTypes.get(requestTypeId) === true,
    });
    const known: KnownAtChange = {
      sla: { ...slaInputs, opening: { report: opening.report, targets: opening.targets } },
    };
    const inserted = await insertTicket(tx, {
      desk: input.desk,
      companyId,
      projectId,
      requestTypeId,
      criticality: input.criticality,
      status: 'open',
      subject: input.subject.trim(),
      description: input.description,
      descriptionFormat: input.descriptionFormat ?? 'plain',
      softwareVersion: input.softwareVersion?.trim() || null,
      societe: input.societe?.trim() || null,
      module: input.module?.trim() || null,
      createdBy,
      linkedTicketId: input.linkedTicketId ?? null,
      createdAt: now,
      updatedAt: now,
      lastCustomerActivityAt: byCustomer ? now : null,
      ...opening.stored,
    });
    const row = inserted.ticket;
    const attached = await attachFiles(tx, ctx, {
      ticketId: row.id,
      companyId,
      uploadedBy: actor.userId,
      files: input.files ?? [],
    });
    const description = withInlinePictures(row.description, input.files ?? [], attached);
    if (description !== row.description) {
      await tx.update(tickets).set({ description }).where(eq(tickets.id, row.id));
      row.description = description;
    }
    const { ticket } = await recordEvent(tx, {
      ticket: row,
      actorId: actor.userId,
      kind: 'created',
      visibility: 'public',
      data: {
        desk: row.desk,
        key: row.key,
        criticality: row.criticality,
        requestTypeId,
        projectId,
        linkedTicketId: row.linkedTicketId,
        onBehalfOf: createdBy === actor.userId ? null : createdBy,
        ...(attached.length
          ? { attachments: attached.map((a) => ({ id: a.id, fileName: a.fileName })) }
          : {}),
      },
      now,
      known,
    });
    await queueReceipt(tx, ticket, now);
    return createdTicketDetail(actor, { ...inserted, ticket, requestType });
  });
}

async function checkProject(tx: Tx, companyId: string, input: CreateTicketInput): Promise<string | null> {
  if (!input.projectId) {
    if (input.desk === 'consulting') throw new AppError('project_required');
    return null;
  }
  const [project] = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(
      and(eq(projects.id, input.projectId), eq(projects.companyId, companyId), eq(projects.active, true)),
    )
    .limit(1);
  if (!project) throw new AppError('project_required');
  return project.id;
}

async function requester(tx: Tx, actor: Actor, companyId: string, requesterId?: string): Promise<string> {
  if (!requesterId) return actor.userId;
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, requesterId),
        eq(users.companyId, companyId),
        eq(users.role, 'customer'),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!user) throw new AppError('requester_invalid');
  return user.id;
}
