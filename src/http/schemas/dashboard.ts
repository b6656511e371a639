import { z } from 'zod';
import { CRITICALITIES } from '../../domain/tickets/criticality';
import { idSchema } from './common';

const criticality = z.enum(CRITICALITIES);

export const dashboardResponse = z.object({
  generatedAt: z.string(),
  /** Tickets created in the last 30 or 90 days (with an SLA), met or breached, per criticality. */
  slaCompliance: z.array(
    z.object({
      criticality,
      criticalityLabel: z.string(),
      days: z.union([z.literal(30), z.literal(90)]),
      met: z.number().int(),
      breached: z.number().int(),
      /** Percentage met, one decimal; null when no ticket. */
      metPercent: z.number().nullable(),
    }),
  ),
  backlogByStatus: z.array(
    z.object({ status: z.string(), statusLabel: z.string(), count: z.number().int() }),
  ),
  backlogByAge: z.array(
    z.object({ bucket: z.enum(['lt1d', 'd1to3', 'd3to7', 'd7to30', 'gt30d']), count: z.number().int() }),
  ),
  atRisk: z.array(
    z.object({
      id: idSchema,
      key: z.string(),
      subject: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      criticality,
      criticalityLabel: z.string(),
      companyName: z.string(),
      assigneeName: z.string().nullable(),
      state: z.enum(['at_risk', 'breached']),
      engagementDueAt: z.string().nullable(),
      resolutionDueAt: z.string().nullable(),
    }),
  ),
  /** Tickets closed for lack of answer (R9), per week starting Monday (Europe/Zurich), twelve weeks. */
  autoClosings: z.array(z.object({ week: z.string(), count: z.number().int() })),
  /** Flex-billed minutes logged per company and month (YYYY-MM), twelve months. */
  flexConsumption: z.array(
    z.object({ companyId: idSchema, companyName: z.string(), month: z.string(), minutes: z.number().int() }),
  ),
});
export type DashboardDto = z.infer<typeof dashboardResponse>;

/** The period of the satisfaction figures: the last 30 (default) or 90 days. */
export const satisfactionQuery = z.object({
  days: z.enum(['30', '90']).default('30').describe('The last 30 or 90 days'),
});

/** Answers in the period for one group, and their mean score (1–5, two decimals). */
const figure = { answers: z.number().int(), averageScore: z.number() };

export const satisfactionResponse = z.object({
  days: z.union([z.literal(30), z.literal(90)]),
  byDesk: z.array(z.object({ desk: z.enum(['support', 'consulting']), deskLabel: z.string(), ...figure })),
  byCriticality: z.array(z.object({ criticality, criticalityLabel: z.string(), ...figure })),
  /** The assignee at closing; null for tickets closed unassigned. */
  byAgent: z.array(z.object({ id: idSchema.nullable(), name: z.string().nullable(), ...figure })),
  byCompany: z.array(z.object({ id: idSchema, name: z.string(), ...figure })),
  /** The latest answers with a comment, newest first. */
  comments: z.array(
    z.object({
      ticketId: idSchema,
      ticketKey: z.string(),
      score: z.number().int(),
      comment: z.string(),
      answeredAt: z.string(),
    }),
  ),
});
export type SatisfactionDto = z.infer<typeof satisfactionResponse>;
