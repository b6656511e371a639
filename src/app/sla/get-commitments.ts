/**
 * "Nos engagements": what Customer Services commits to for a company, read from the live
 * configuration — the targets per criticality (with the company's contract overrides), the desk's
 * hours, the eve rule, the closed days ahead, what pauses and what stops the clocks, and which
 * request types count toward SLA. An admin change shows at the next read: nothing is cached here.
 */
import {
  CALENDAR_TIME_ZONE,
  type OpeningInterval,
  WEEKDAYS,
  type Weekday,
} from '../../domain/calendar/index';
import {
  PAUSING_STATUSES,
  resolveSlaTargets,
  type SlaTargets,
  type TicketStatus,
} from '../../domain/sla/index';
import { CRITICALITIES, type Criticality } from '../../domain/tickets/index';
import type { Language } from '../../i18n/language';
import { criticalityDefinitions, criticalityLabels } from '../../i18n/ticket-labels';
import { listRequestTypesFor } from '../catalogue/list-request-types-for';
import { requestTypeName } from '../catalogue/request-types';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { type ClosedDayItem, closedDaysAhead } from './calendar-admin';
import { overrideForCompany, readCalendarSetting, readSlaConfig } from './config';

export interface CriticalityCommitment {
  criticality: Criticality;
  label: string;
  definition: string;
  engagementMinutes: number;
  resolutionMinutes: number;
  /** True when the company's contract sets its own value for this criticality. */
  overridden: boolean;
}

export interface Commitments {
  companyId: string | null;
  /** The maintenance contract whose own targets apply, if any. */
  contractId: string | null;
  timeZone: string;
  criticalities: CriticalityCommitment[];
  weeklyHours: Record<Weekday, OpeningInterval[]>;
  /** Local minute at which the desk closes on the eve of a public holiday; null: no early closing. */
  eveClosingMinute: number | null;
  closedDays: { from: string; to: string; items: ClosedDayItem[] };
  pausingStatuses: TicketStatus[];
  stoppingStatuses: TicketStatus[];
  requestTypes: { code: string; name: string; countsTowardSla: boolean }[];
}

/** Where an actor reads its targets: customers their company's, staff a chosen company's or the global ones. */
export async function getCommitments(
  ctx: AppContext,
  actor: Actor,
  input: { companyId?: string; language: Language },
): Promise<Commitments> {
  const companyId = actor.role === 'customer' ? actor.companyId : (input.companyId ?? null);
  if (actor.role === 'customer' && !companyId) throw new AppError('forbidden');
  const now = ctx.clock.now();
  const config = await readSlaConfig(ctx.db);
  const { contractId, override } = companyId
    ? await overrideForCompany(ctx.db, companyId, now)
    : { contractId: null, override: {} };
  const targets: SlaTargets = resolveSlaTargets(config.targets, override);
  const { value: calendar } = await readCalendarSetting(ctx.db);
  const catalogue = await listRequestTypesFor(ctx, actor, companyId ? { companyId } : {});
  return {
    companyId,
    contractId,
    timeZone: CALENDAR_TIME_ZONE,
    criticalities: CRITICALITIES.map((criticality) => ({
      criticality,
      label: criticalityLabels[criticality][input.language],
      definition: criticalityDefinitions[criticality][input.language],
      ...targets[criticality],
      overridden: Object.keys(override[criticality] ?? {}).length > 0,
    })),
    weeklyHours: Object.fromEntries(WEEKDAYS.map((day) => [day, calendar.weeklyHours[day] ?? []])) as Record<
      Weekday,
      OpeningInterval[]
    >,
    eveClosingMinute: calendar.eveClosingMinute,
    closedDays: await closedDaysAhead(ctx, { language: input.language }),
    pausingStatuses: [...PAUSING_STATUSES],
    stoppingStatuses: ['transferred_consulting'],
    requestTypes: catalogue.items.map(({ type }) => ({
      code: type.code,
      name: requestTypeName(type, input.language),
      countsTowardSla: type.countsTowardSla,
    })),
  };
}
