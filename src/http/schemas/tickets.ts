import { z } from 'zod';
import {
  CLOSE_REASONS,
  CRITICALITIES,
  DESKS,
  MESSAGE_FORMATS,
  NEXT_ACTORS,
  TICKET_STATUSES,
} from '../../domain/tickets/index';
import { idSchema, text } from './common';

// Built from the domain's constants, the one home of each enum; the web reads `.options`.
export const deskSchema = z.enum(DESKS);
export const ticketStatusSchema = z.enum(TICKET_STATUSES);
export const criticalitySchema = z.enum(CRITICALITIES);
export const closeReasonSchema = z.enum(CLOSE_REASONS);
export const visibilitySchema = z.enum(['public', 'internal']);
/** 'markdown' (what the editor writes) or 'plain' (shown exactly as written; the default). */
export const messageFormatSchema = z.enum(MESSAGE_FORMATS);

const optionalText = (max: number) => z.string().trim().max(max).optional();

export const createTicketBody = z.object({
  desk: deskSchema.default('support'),
  /** Staff: the customer company the ticket is opened for. Customers open for their own. */
  companyId: idSchema.optional(),
  /** Staff: the customer user the ticket is opened on behalf of (they receive the mails). */
  requesterId: idSchema.optional(),
  /** Required for support tickets. */
  requestTypeId: idSchema.optional(),
  /** Required for consulting requests. */
  projectId: idSchema.optional(),
  criticality: criticalitySchema,
  /** Specific, not generic: what fails, where. */
  subject: z.string().trim().min(5).max(200),
  description: text(20_000),
  descriptionFormat: messageFormatSchema.default('plain'),
  softwareVersion: optionalText(100),
  societe: optionalText(200),
  module: optionalText(200),
  /** The closed ticket this one follows up (R10). */
  linkedTicketId: idSchema.optional(),
});
export type CreateTicketBody = z.infer<typeof createTicketBody>;

export const qualifyTicketBody = z.object({
  criticality: criticalitySchema.optional(),
  requestTypeId: idSchema.optional(),
  /** Required when the criticality changes; shown to the customer. */
  reason: z.string().trim().max(2000).optional(),
});

/** Actions that need no input accept an empty JSON object, or nothing. */
export const noBody = z.object({}).nullish();

export const assignTicketBody = z.object({ assigneeId: idSchema.nullable() });

export const changeStatusBody = z.object({
  status: ticketStatusSchema,
  rpcReference: z.string().trim().max(100).optional(),
  spcReference: z.string().trim().max(100).optional(),
  closeReason: closeReasonSchema.optional(),
});

export const closeTicketBody = z.object({
  /** Customers may omit it (closed_by_customer); staff give it. */
  reason: closeReasonSchema.optional(),
});

/** The note is checked by the application, which names what is missing (a blank note is refused). */
export const transferBody = z.object({
  note: z.string().max(50_000),
  customerMessage: z.string().max(50_000).nullish(),
});

export const addMessageBody = z.object({
  body: text(50_000),
  format: messageFormatSchema.default('plain'),
  visibility: visibilitySchema.default('public'),
});

const personSchema = z.object({ id: idSchema, name: z.string() });

export const ticketSchema = z.object({
  id: idSchema,
  key: z.string(),
  desk: deskSchema,
  status: ticketStatusSchema,
  /** Label, next step and who acts next, in the caller's language. */
  statusLabel: z.string(),
  nextStep: z.string(),
  nextActor: z.enum(NEXT_ACTORS),
  criticality: criticalitySchema,
  criticalityLabel: z.string(),
  subject: z.string(),
  description: z.string(),
  descriptionFormat: messageFormatSchema,
  /** The description rendered and sanitised by the server, safe to insert as HTML. */
  descriptionHtml: z.string(),
  softwareVersion: z.string().nullable(),
  societe: z.string().nullable(),
  module: z.string().nullable(),
  company: z.object({ id: idSchema, name: z.string() }),
  requestType: z.object({ id: idSchema, code: z.string(), name: z.string() }).nullable(),
  project: z.object({ id: idSchema, name: z.string() }).nullable(),
  creator: personSchema.nullable(),
  assignee: personSchema.nullable(),
  rpcReference: z.string().nullable(),
  spcReference: z.string().nullable(),
  closeReason: closeReasonSchema.nullable(),
  closeReasonLabel: z.string().nullable(),
  linkedTicketId: idSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  qualifiedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  engagementDueAt: z.string().nullable(),
  resolutionDueAt: z.string().nullable(),
  /** What the caller may do now. */
  abilities: z.object({
    nextStatuses: z.array(ticketStatusSchema),
    canQualify: z.boolean(),
    canTake: z.boolean(),
    canAssign: z.boolean(),
    canAnswer: z.boolean(),
    canAddInternalNote: z.boolean(),
    canClose: z.boolean(),
    canWatch: z.boolean(),
  }),
  /** The caller follows the ticket and gets its public mails. */
  watching: z.boolean(),
  /**
   * R9 while the ticket waits on the customer: the two reminders (sent or to come) and the
   * automatic closing (null when suspended because a reminder could not be sent).
   */
  waitingSchedule: z
    .object({
      reminder1: z.object({ at: z.string(), sent: z.boolean() }),
      reminder2: z.object({ at: z.string(), sent: z.boolean() }),
      closeAt: z.string().nullable(),
    })
    .nullable(),
  /** Staff only. */
  staff: z
    .object({
      lastCustomerActivityAt: z.string().nullable(),
      slaState: z.string().nullable(),
    })
    .optional(),
});
export type TicketDto = z.infer<typeof ticketSchema>;

export const ticketResponse = z.object({ ticket: ticketSchema });

export const messageSchema = z.object({
  id: idSchema,
  /** The source as written (Markdown or plain text). */
  body: z.string(),
  format: messageFormatSchema,
  /** The body rendered and sanitised by the server, safe to insert as HTML. */
  html: z.string(),
  visibility: visibilitySchema,
  source: z.enum(['portal', 'mail']),
});

export const timelineEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.string(),
  visibility: visibilitySchema,
  /** Null when the system acted. */
  actor: z.object({ id: idSchema, name: z.string(), role: z.string() }).nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  data: z.record(z.string(), z.unknown()),
  message: messageSchema.nullable(),
  /** The entry as a sentence in the reader's language, then one line per detail. */
  summary: z.string(),
  details: z.array(z.string()),
});

export const timelineResponse = z.object({ entries: z.array(timelineEntrySchema) });

export const addMessageResponse = z.object({
  message: messageSchema.extend({
    createdAt: z.string(),
    attachments: z.array(z.object({ id: idSchema, fileName: z.string(), size: z.number().int() })),
  }),
  ticket: ticketSchema,
});

export const previewRichTextBody = z.object({
  body: z.string().max(50_000),
  format: messageFormatSchema.default('markdown'),
});
export const previewRichTextResponse = z.object({ html: z.string() });

export const watchResponse = z.object({ watching: z.boolean() });
