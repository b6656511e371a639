import { z } from 'zod';
import { TICKET_SLA_STATES } from '../../domain/sla/stored-sla';
import { CRITICALITIES } from '../../domain/tickets/criticality';
import { slaExplanationsSchema } from './commitments';

/** Business minutes: whole, positive, at most a thousand business hours … times ten. */
const targetMinutes = z.number().int().min(1).max(600_000);
/** A real calendar day: 2026-02-30 is refused, not passed on. */
const isoDate = z.iso.date();
const minuteOfDay = z.number().int().min(0).max(1440);
const instant = z.string().describe('ISO 8601 instant');

export const slaTargetSchema = z.object({
  /** Business minutes until the ticket is taken in charge. */
  engagementMinutes: targetMinutes,
  /** Business minutes until the ticket is closed. */
  resolutionMinutes: targetMinutes,
});

export const slaTargetsSchema = z.object({
  critique: slaTargetSchema,
  haute: slaTargetSchema,
  moyenne: slaTargetSchema,
  basse: slaTargetSchema,
});

const partialTarget = slaTargetSchema.partial().strict().optional();

/** A contract's own targets: any criticality, any of its two targets; the rest comes from the global ones. */
export const slaTargetsOverrideSchema = z
  .object({ critique: partialTarget, haute: partialTarget, moyenne: partialTarget, basse: partialTarget })
  .strict();

export const slaTargetsBody = z.object({ targets: slaTargetsSchema });

const settingMeta = {
  /** False while the built-in default applies. */
  saved: z.boolean(),
  updatedAt: instant.nullable(),
  updatedBy: z.string().nullable(),
};

export const slaTargetsResponse = z.object({
  targets: slaTargetsSchema,
  defaults: slaTargetsSchema,
  ...settingMeta,
  /** After a change: open tickets whose due times or state moved. */
  recomputedTickets: z.number().int().optional(),
});

export const slaOverrideBody = z.object({ targets: slaTargetsOverrideSchema });

export const slaOverrideResponse = z.object({
  contractId: z.string(),
  companyId: z.string(),
  override: slaTargetsOverrideSchema,
  effective: slaTargetsSchema,
  updatedAt: instant.nullable(),
  recomputedTickets: z.number().int().optional(),
});

const openingInterval = z
  .object({ start: minuteOfDay, end: minuteOfDay })
  .refine((interval) => interval.start < interval.end, { path: ['end'] });

const dayHours = z.array(openingInterval).max(12);

export const calendarConfigSchema = z.object({
  /** Opening intervals per weekday, in minutes from local midnight (Europe/Zurich). */
  weeklyHours: z.object({
    monday: dayHours,
    tuesday: dayHours,
    wednesday: dayHours,
    thursday: dayHours,
    friday: dayHours,
    saturday: dayHours,
    sunday: dayHours,
  }),
  holidayRegion: z.object({
    country: z.string().trim().min(2).max(3),
    state: z.string().trim().min(1).max(10).optional(),
  }),
  /** The desk closes at this minute on the eve of a public holiday; null: no early closing. */
  eveClosingMinute: minuteOfDay.nullable(),
  extraClosedDays: z
    .array(z.object({ date: isoDate, label: z.string().trim().max(200).optional() }))
    .max(1000),
  specialHours: z
    .array(
      z.object({
        date: isoDate,
        intervals: z.array(openingInterval).max(12),
        label: z.string().trim().max(200).optional(),
      }),
    )
    .max(1000),
});

export const calendarResponse = z.object({
  config: calendarConfigSchema,
  ...settingMeta,
  recomputedTickets: z.number().int().optional(),
});

export const closedDaysQuery = z.object({
  /** First local date, default today (Zurich). */
  from: isoDate.optional(),
  /** Last local date, included; default twelve months after `from`. */
  to: isoDate.optional(),
});

export const closedDaysResponse = z.object({
  from: isoDate,
  to: isoDate,
  items: z.array(
    z.object({
      date: isoDate,
      kind: z.enum(['holiday', 'extra', 'eve', 'special_hours']),
      name: z.string().nullable(),
      /** 'HH:mm' closing time on an eve. */
      closesAt: z.string().nullable(),
      hours: z.array(z.object({ start: z.string(), end: z.string() })).nullable(),
    }),
  ),
});

const clockState = z.enum(['running', 'paused', 'met', 'breached', 'stopped', 'not_applicable']);

const staffClock = z.object({
  state: clockState,
  targetMinutes: z.number().int().nullable(),
  dueAt: instant.nullable(),
  elapsedMinutes: z.number().int(),
  remainingMinutes: z.number().int().nullable(),
  atRisk: z.boolean(),
  atRiskAt: instant.nullable(),
  breachedAt: instant.nullable(),
  breachesAt: instant.nullable(),
  metAt: instant.nullable(),
  stoppedAt: instant.nullable(),
});

export const ticketSlaStateSchema = z.enum(TICKET_SLA_STATES);

export const staffTicketSla = z.object({
  view: z.literal('staff'),
  ticketId: z.string(),
  applicable: z.boolean(),
  criticality: z.enum(CRITICALITIES),
  state: ticketSlaStateSchema,
  paused: z.boolean(),
  targets: slaTargetsSchema,
  /** The maintenance contract whose own targets apply, if any. */
  contractId: z.string().nullable(),
  engagement: staffClock,
  resolution: staffClock,
  pauses: z.array(z.object({ from: instant, to: instant.nullable(), reason: z.string() })),
  computedAt: instant,
  explanations: slaExplanationsSchema,
});

const customerCommitment = z.object({
  /** 'Prise en charge sous 4 h ouvrées' */
  commitment: z.string(),
  dueAt: instant.nullable(),
  met: z.boolean(),
});

export const customerTicketSla = z.object({
  view: z.literal('customer'),
  ticketId: z.string(),
  applicable: z.boolean(),
  engagement: customerCommitment.nullable(),
  resolution: customerCommitment.nullable(),
  paused: z.boolean(),
  explanation: z.string(),
  explanations: slaExplanationsSchema,
});

export const ticketSlaResponse = z.discriminatedUnion('view', [staffTicketSla, customerTicketSla]);

export const adminAuditQuery = z.object({
  /** e.g. 'sla.' or 'calendar.' */
  action: z.string().trim().max(100).optional(),
  subjectId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const adminAuditResponse = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      at: instant,
      actor: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
      action: z.string(),
      subjectId: z.string().nullable(),
      before: z.unknown(),
      after: z.unknown(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
});
