import { z } from 'zod';
import { CRITICALITIES } from '../../domain/tickets/criticality';
import { TICKET_STATUSES } from '../../domain/tickets/statuses';

const instant = z.string().describe('ISO 8601 instant');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const criticality = z.enum(CRITICALITIES);
const status = z.enum(TICKET_STATUSES);
const clockState = z.enum(['running', 'paused', 'met', 'breached', 'stopped', 'not_applicable']);
const interval = z.object({ start: z.number().int(), end: z.number().int() });

export const commitmentsQuery = z.object({
  /** Staff only: the company whose contract overrides apply; default the global targets. */
  companyId: z.uuid().optional(),
});

export const commitmentsResponse = z.object({
  companyId: z.string().nullable(),
  contractId: z.string().nullable(),
  timeZone: z.string(),
  criticalities: z.array(
    z.object({
      criticality,
      label: z.string(),
      definition: z.string(),
      /** Business minutes until the ticket is taken in charge. */
      engagementMinutes: z.number().int(),
      /** Business minutes until the ticket is resolved. */
      resolutionMinutes: z.number().int(),
      /** The company's contract sets its own value. */
      overridden: z.boolean(),
    }),
  ),
  /** Opening intervals per weekday, minutes from local midnight. */
  weeklyHours: z.record(z.string(), z.array(interval)),
  eveClosingMinute: z.number().int().nullable(),
  closedDays: z.object({
    from: isoDate,
    to: isoDate,
    items: z.array(
      z.object({
        date: isoDate,
        kind: z.enum(['holiday', 'extra', 'eve', 'special_hours']),
        name: z.string().nullable(),
        closesAt: z.string().nullable(),
        hours: z.array(z.object({ start: z.string(), end: z.string() })).nullable(),
      }),
    ),
  }),
  pausingStatuses: z.array(status),
  stoppingStatuses: z.array(status),
  requestTypes: z.array(z.object({ code: z.string(), name: z.string(), countsTowardSla: z.boolean() })),
});

/** One stretch of a clock's life: counted, closed desk, or waiting. */
export const explainedPartSchema = z.object({
  kind: z.enum(['working', 'closed', 'paused']),
  from: instant,
  to: instant,
  /** Wall-clock minutes. */
  minutes: z.number().int(),
  /** Business minutes counted (working) or kept from counting (paused). */
  businessMinutes: z.number().int(),
  /** After the reading instant: what happens if nothing changes. */
  projected: z.boolean(),
  /** After the due time. */
  afterDue: z.boolean(),
  reason: status.nullable(),
  ongoing: z.boolean(),
  closedDays: z.array(
    z.object({ date: isoDate, reason: z.enum(['weekend', 'holiday', 'extra']), name: z.string().nullable() }),
  ),
  /** Starts at the early closing of a holiday eve. */
  eve: z.boolean(),
});

export const clockExplanationSchema = z.object({
  state: clockState,
  criticality,
  initialCriticality: criticality,
  criticalityChanges: z.array(z.object({ at: instant, from: criticality, to: criticality })),
  targetMinutes: z.number().int(),
  startedAt: instant,
  readAt: instant,
  endedAt: instant.nullable(),
  dueAt: instant,
  usedMinutes: z.number().int(),
  leftMinutes: z.number().int(),
  parts: z.array(explainedPartSchema),
  /** Wall-clock minutes from the start to the due time: working = target. */
  untilDue: z.object({ working: z.number().int(), paused: z.number().int(), closed: z.number().int() }),
});

export const slaExplanationsSchema = z.object({
  engagement: clockExplanationSchema.nullable(),
  resolution: clockExplanationSchema.nullable(),
});

export const monthlyReportQuery = z.object({
  /** 'YYYY-MM', Zurich months. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  /** Staff only: the company reported on (customers always get their own). */
  companyId: z.uuid().optional(),
});

const clockCounts = z.object({
  met: z.number().int(),
  breached: z.number().int(),
  running: z.number().int(),
  stopped: z.number().int(),
});

export const monthlyReportResponse = z.object({
  companyId: z.string(),
  companyName: z.string(),
  month: z.string(),
  computedAt: instant,
  /** Tickets opened in the month, counting toward SLA or not. */
  tickets: z.number().int(),
  /** Of which, tickets whose request type counts toward SLA. */
  ticketsWithSla: z.number().int(),
  rows: z.array(
    z.object({ criticality, tickets: z.number().int(), engagement: clockCounts, resolution: clockCounts }),
  ),
  breaches: z.array(
    z.object({
      ticketId: z.string(),
      key: z.string(),
      subject: z.string(),
      clock: z.enum(['engagement', 'resolution']),
      explanation: clockExplanationSchema,
    }),
  ),
});

export const sendMonthlyReportBody = z.object({ month: monthlyReportQuery.shape.month });

export const sendMonthlyReportResponse = z.object({
  /** The managers of the company the report was mailed to. */
  recipients: z.array(z.string()),
});
